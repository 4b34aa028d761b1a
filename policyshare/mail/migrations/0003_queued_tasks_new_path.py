"""Tasks queued before the move still name the old module: point them at the new one.

The task worker imports a queued task by its dotted path; a mail queued just before the
deploy would otherwise fail in the worker (and be sent only when `send_pending_mail` queues
it again). Only tasks not yet run are touched: finished ones are history.
"""

from django.db import migrations

OLD_PATH = "policyshare.inquiries.tasks.deliver_mail"
NEW_PATH = "policyshare.mail.tasks.deliver_mail"


def rename(apps, schema_editor, old, new):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=old, status="READY").update(task_path=new)


def forwards(apps, schema_editor):
    rename(apps, schema_editor, OLD_PATH, NEW_PATH)


def backwards(apps, schema_editor):
    rename(apps, schema_editor, NEW_PATH, OLD_PATH)


class Migration(migrations.Migration):
    dependencies = [
        ("mail", "0002_rename_tables"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
