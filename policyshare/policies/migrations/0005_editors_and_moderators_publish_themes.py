"""Themes have draft state (0004): a translation copy of a theme is saved as a draft, and
only a user with `publish_theme` can publish it. The groups that manage themes (core 0003:
Editors and Moderators) get it, or the drafts could never go live without a superuser.

The themes that exist already stay published: 0004 adds `live` with its default, True.
They have no revision until their next edit; Wagtail's snippet views then edit the row
itself (`get_latest_revision_as_object()` returns it)."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after all migrations have run; create it now so a
    # fresh database has working groups straight away (as core 0003 does).
    content_type, _ = ContentType.objects.get_or_create(app_label="policies", model="theme")
    # By id: migrating backwards through several apps' migrations in one run can hand this
    # function a ContentType class of another rendered state than Permission's foreign key.
    publish, _ = Permission.objects.get_or_create(
        content_type_id=content_type.pk,
        codename="publish_theme",
        defaults={"name": "Can publish theme"},
    )
    return publish


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    publish = permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(publish)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    publish = permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(publish)


class Migration(migrations.Migration):
    dependencies = [
        ("policies", "0004_theme_draft_state"),
        ("core", "0003_editors_and_moderators_manage_themes_partners_reports"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
