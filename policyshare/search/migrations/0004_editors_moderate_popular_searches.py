"""Editors and moderators see the search reports and may hide a popular search."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
PERMISSIONS = [
    ("searchqueryday", "view_searchqueryday", "Can view search query"),
    ("searchterm", "view_searchterm", "Can view search term"),
    ("searchterm", "change_searchterm", "Can change search term"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = []
    for model, codename, name in PERMISSIONS:
        # The permissions themselves are made after migrate (post_migrate); make them now.
        content_type, _ = ContentType.objects.get_or_create(app_label="portal_search", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        permissions.append(permission)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label="portal_search",
        codename__in=[codename for _model, codename, _name in PERMISSIONS],
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0003_search_visitors_and_hidden_terms"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Wagtail creates the Editors and Moderators groups.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
