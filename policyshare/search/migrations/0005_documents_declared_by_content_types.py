"""Search documents no longer name a content type (issue 14).

- `partner` (a foreign key to partners.Partner) goes: a snippet's record is found by its key,
  "<app label>.<model>:<id>", and its document is removed by the search's post_delete handler.
  The existing partner documents keep working: their keys "partner:<id>" become
  "partners.partner:<id>" here, so no rebuild is needed.
- `kind` loses its fixed choices (each content type declares its own kind) and may be longer.

On SQLite, dropping a column rebuilds the table, which drops the full-text triggers: they are
installed again afterwards and the FTS index rebuilt from the rows (see `fulltext`).
"""

from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Concat, Substr

from policyshare.search import fulltext

OLD_PREFIX, NEW_PREFIX = "partner:", "partners.partner:"


def rename_partner_keys(apps, schema_editor):
    SearchDocument = apps.get_model("portal_search", "SearchDocument")
    SearchDocument.objects.filter(key__startswith=OLD_PREFIX).update(
        key=Concat(Value(NEW_PREFIX), Substr("key", len(OLD_PREFIX) + 1))
    )


def restore_partner_keys(apps, schema_editor):
    SearchDocument = apps.get_model("portal_search", "SearchDocument")
    SearchDocument.objects.filter(key__startswith=NEW_PREFIX).update(
        key=Concat(Value(OLD_PREFIX), Substr("key", len(NEW_PREFIX) + 1))
    )


def reinstall_fulltext(apps, schema_editor):
    fulltext.install(schema_editor, version=1)


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0004_editors_moderate_popular_searches")]

    operations = [
        # Undoing this migration rebuilds the table again: reinstall the index after it.
        migrations.RunPython(migrations.RunPython.noop, reinstall_fulltext),
        migrations.RemoveField(model_name="searchdocument", name="partner"),
        migrations.AlterField(
            model_name="searchdocument",
            name="key",
            field=models.CharField(
                help_text="page:<id>, or <app label>.<model>:<id> for a snippet's record.",
                max_length=64,
                unique=True,
            ),
        ),
        migrations.AlterField(
            model_name="searchdocument",
            name="kind",
            field=models.CharField(db_index=True, max_length=30),
        ),
        migrations.RunPython(rename_partner_keys, restore_partner_keys),
        migrations.RunPython(reinstall_fulltext, migrations.RunPython.noop),
    ]
