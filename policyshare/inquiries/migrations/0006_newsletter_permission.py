"""Editors and moderators may send the newsletter digest from the admin."""

from django.db import migrations

SENDERS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="inquiries", model="newslettersubscription"
    )
    send, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="send_newsletter",
        defaults={"name": "Can send the newsletter digest"},
    )
    for group in Group.objects.filter(name__in=SENDERS):
        group.permissions.add(send)


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0005_newsletter"),
        ("inquiries", "0004_contributors_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
