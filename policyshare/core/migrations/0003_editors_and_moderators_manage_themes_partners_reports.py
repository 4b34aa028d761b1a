"""Editors and moderators get what docs/editors.md sends them to: the Themes and Partners
snippets and the report of searches that found nothing. Wagtail's default groups have
neither, so only superusers could do the editors' job."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]

# (app label, model, codename, name) as Django would create them after the migrations.
PERMISSIONS = [
    *(
        ("policies", "theme", f"{action}_theme", f"Can {action} theme")
        for action in ("add", "change", "delete", "view")
    ),
    *(
        ("partners", "partner", f"{action}_partner", f"Can {action} partner")
        for action in ("add", "change", "delete", "view")
    ),
    ("portal_search", "searchqueryday", "view_searchqueryday", "Can view search query"),
]


def permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after all migrations have run; create these now so a
    # fresh database has working groups straight away.
    for app_label, model, codename, name in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
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
        ("core", "0002_standardpage_legacy_source"),
        ("policies", "0002_policycase_contributing_city"),
        ("partners", "0001_initial"),
        ("portal_search", "0002_fulltext_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Wagtail creates the Editors and Moderators groups.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
