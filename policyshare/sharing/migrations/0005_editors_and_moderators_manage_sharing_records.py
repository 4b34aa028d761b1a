"""Editors and moderators keep the policy-sharing records (docs/editors.md, "Policy
sharing"): cities, city networks, policy transfers, firms' interests and tender notices.
Wagtail's default groups have none of these, so only superusers could record a transfer."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
MODELS = [
    ("city", "city"),
    ("network", "city network"),
    ("policytransfer", "policy transfer"),
    ("firminterest", "firm's interest"),
    ("tendernotice", "tender notice"),
]
ACTIONS = ("add", "change", "delete", "view")


def permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after all migrations have run; create these now so a
    # fresh database has working groups straight away (as core 0003 does). By id: a
    # backwards run through several apps may hand over a ContentType of another state.
    for model, name in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="sharing", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type_id=content_type.pk,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {name}"},
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
        ("sharing", "0004_relationship_year_unknown"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Wagtail creates the Editors and Moderators groups.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
