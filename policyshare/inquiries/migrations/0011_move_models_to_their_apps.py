"""The end of the `inquiries` app: its models now belong to `cooperation_requests`,
`newsletter`, `contributors` and `mail`.

The new apps' 0001 migrations took the models into their state (on the same tables); this one
takes them out of this app's state, without touching the database, and moves their content
types to the new app labels. A content type is renamed in place, keeping its id, so every
permission on it (and every group and user holding one: Request handlers, Contributors,
"Contributors: <organisation>", Editors, Moderators) and every log entry pointing at it stay
as they were, under the new name (e.g. `cooperation_requests.handle_requests`).
"""

from django.db import migrations

# Model (lower case) -> the app it moved to.
MOVED = {
    "referencecounter": "cooperation_requests",
    "cooperationrequest": "cooperation_requests",
    "requestevent": "cooperation_requests",
    "requestreply": "cooperation_requests",
    "requestnote": "cooperation_requests",
    "newslettersubscription": "newsletter",
    "digestitem": "newsletter",
    "contributingorganisation": "contributors",
    "partnercontributor": "contributors",
    "outgoingmail": "mail",
}


def _move_content_type(apps, *, model, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old = ContentType.objects.filter(app_label=old_label, model=model).first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label=new_label, model=model).first()
    if new is not None:
        # The new app was migrated on its own first and `post_migrate` made a second content
        # type with fresh permissions. Keep the old row (what groups and log entries point
        # at): fold the new row's permissions and their holders into it, then drop it.
        for permission in Permission.objects.filter(content_type=new):
            kept = Permission.objects.filter(
                content_type=old, codename=permission.codename
            ).first()
            if kept is None:
                Permission.objects.filter(pk=permission.pk).update(content_type=old)
                continue
            kept.group_set.add(*permission.group_set.all())
            kept.user_set.add(*permission.user_set.all())
            permission.delete()
        new.delete()
    ContentType.objects.filter(pk=old.pk).update(app_label=new_label)


def forwards(apps, schema_editor):
    for model, app_label in MOVED.items():
        _move_content_type(apps, model=model, old_label="inquiries", new_label=app_label)


def backwards(apps, schema_editor):
    for model, app_label in MOVED.items():
        _move_content_type(apps, model=model, old_label=app_label, new_label="inquiries")


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0010_outgoingmail_next_attempt_at"),
        ("cooperation_requests", "0001_initial"),
        ("newsletter", "0001_initial"),
        ("contributors", "0001_initial"),
        ("mail", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                # Models that others point at go last.
                migrations.DeleteModel(name="OutgoingMail"),
                migrations.DeleteModel(name="RequestEvent"),
                migrations.DeleteModel(name="RequestReply"),
                migrations.DeleteModel(name="RequestNote"),
                migrations.DeleteModel(name="ReferenceCounter"),
                migrations.DeleteModel(name="CooperationRequest"),
                migrations.DeleteModel(name="DigestItem"),
                migrations.DeleteModel(name="NewsletterSubscription"),
                migrations.DeleteModel(name="PartnerContributor"),
                migrations.DeleteModel(name="ContributingOrganisation"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
