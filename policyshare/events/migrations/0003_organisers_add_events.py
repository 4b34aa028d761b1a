"""Event organisers may add and edit events (drafts) under every events section, so they can
prepare an event, for instance from a study-visit request (docs/events.md). Sections created
later get the same permissions when they are created (`signal_handlers`). Editors and
moderators already hold page permissions on the whole tree (Wagtail's defaults)."""

from django.db import migrations

GROUP_NAME = "Event organisers"
CODENAMES = ("add_page", "change_page")


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # By id: a backwards run through several apps may hand over a ContentType of another
    # state (as sharing 0005 does).
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    return [
        Permission.objects.get_or_create(
            content_type_id=page_type.pk,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} page"},
        )[0]
        for codename in CODENAMES
    ]


def _sections(apps):
    EventIndexPage = apps.get_model("events", "EventIndexPage")
    return list(EventIndexPage.objects.values_list("pk", flat=True))


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is None:
        return
    for page_id in _sections(apps):
        for permission in _permissions(apps):
            GroupPagePermission.objects.get_or_create(
                group_id=group.pk, page_id=page_id, permission_id=permission.pk
            )


def revoke(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name=GROUP_NAME,
        page_id__in=_sections(apps),
        permission__codename__in=CODENAMES,
        permission__content_type__app_label="wagtailcore",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_event_organisers_group"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
