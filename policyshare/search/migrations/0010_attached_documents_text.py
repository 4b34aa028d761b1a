"""The text of attached documents (PDF) as a fourth analysed column, weighed below the body.

On SQLite, adding the column rebuilds the table, which drops the full-text triggers: the
index is dropped and installed again (version 3 of `fulltext`), and rebuilt from the rows.
Existing documents get their attachments' text with `manage.py extract_document_text`.
"""

from django.db import migrations, models

from policyshare.search import fulltext


def reinstall_version_2(apps, schema_editor):
    fulltext.uninstall(schema_editor)
    fulltext.install(schema_editor, version=2)


def reinstall_version_3(apps, schema_editor):
    fulltext.uninstall(schema_editor)
    fulltext.install(schema_editor, version=3)


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0009_document_vectors"),
    ]

    operations = [
        # Undoing this migration rebuilds the table again: reinstall version 2 after it.
        migrations.RunPython(migrations.RunPython.noop, reinstall_version_2),
        migrations.AddField(
            model_name="searchdocument",
            name="analysed_documents",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(reinstall_version_3, reinstall_version_2),
    ]
