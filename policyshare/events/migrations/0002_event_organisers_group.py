"""The "Event organisers" group: staff who see event registrations (and their personal data)
in the admin and export them, without being able to change them."""

from django.db import migrations

GROUP_NAME = "Event organisers"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Permissions are normally created after all migrations have run; create the two this
    # group needs now so a fresh database has a working group straight away.
    registration_type, _ = ContentType.objects.get_or_create(
        app_label="events", model="registration"
    )
    view, _ = Permission.objects.get_or_create(
        content_type=registration_type,
        codename="view_registration",
        defaults={"name": "Can view event registration"},
    )
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(view, access_admin)


def remove_group(apps, schema_editor):
    # The group keeps existing, without its permissions: deleting it would collect what
    # refers to groups in this historical state, including models whose tables other apps'
    # migrations have moved (inquiries' contributing organisations), and fail.
    for group in apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME):
        group.permissions.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
