"""The "Contributors" group for partner cities; editors and moderators may invite them.

Which pages and collections contributors may add to is set by
`inquiries.contributors.ensure_contributor_access()`, because the policy libraries are
content, created after the migrations.
"""

from django.db import migrations

CONTRIBUTORS = "Contributors"
INVITERS = ["Editors", "Moderators"]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin",
                              "Can access Wagtail admin")
    invite = permission(apps, "inquiries", "partnercontributor", "invite_contributors",
                        "Can invite partner-city contributors")
    contributors, _ = Group.objects.get_or_create(name=CONTRIBUTORS)
    contributors.permissions.add(access_admin)
    for group in Group.objects.filter(name__in=INVITERS):
        group.permissions.add(invite)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=CONTRIBUTORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0003_partner_contributor"),
        ("inquiries", "0002_request_handlers_group"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
