"""Editors and moderators keep the exchange-rate table (docs/editors.md, "Cost and means"):
Wagtail's default groups have no permission on a new snippet, so only superusers could add the
rates that turn budget lines into US dollars."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
ACTIONS = ("add", "change", "delete", "view")


def permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after all migrations have run; create these now so a
    # fresh database has working groups straight away (as core 0003 does). By id: a
    # backwards run through several apps may hand over a ContentType of another state.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="policies", model="exchangerate"
    )
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type_id=content_type.pk,
            codename=f"{action}_exchangerate",
            defaults={"name": f"Can {action} exchange rate"},
        )
        yield permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    granted = list(permissions(apps))
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*granted)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    granted = list(permissions(apps))
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*granted)


class Migration(migrations.Migration):
    dependencies = [
        ("policies", "0007_policycase_cost_how_lifecycle"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Wagtail creates the Editors and Moderators groups.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
