"""Group approval tasks become `ReviewTask`s, whose comment form is in the reviewer's
language (Wagtail's own form is in the site's default language, Korean)."""

from django.db import migrations


def retype(apps, *, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    source_type, _ = ContentType.objects.get_or_create(app_label=source[0], model=source[1])
    target_type, _ = ContentType.objects.get_or_create(app_label=target[0], model=target[1])
    Task.objects.filter(content_type=source_type).update(content_type=target_type)


def to_review_tasks(apps, schema_editor):
    retype(apps, source=("wagtailcore", "groupapprovaltask"), target=("core", "reviewtask"))


def to_group_approval_tasks(apps, schema_editor):
    retype(apps, source=("core", "reviewtask"), target=("wagtailcore", "groupapprovaltask"))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_editors_and_moderators_manage_themes_partners_reports"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReviewTask",
            fields=[],
            options={
                "verbose_name": "Group approval task",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("wagtailcore.groupapprovaltask",),
        ),
        migrations.RunPython(to_review_tasks, to_group_approval_tasks),
    ]
