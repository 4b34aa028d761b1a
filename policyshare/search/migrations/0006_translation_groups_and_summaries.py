"""One result per translation group, and summaries weighed apart from the body (issue 16).

- `translation_group` ties the versions of one item in several languages together. It is
  filled here from the translation keys of the documents' pages and records.
- `analysed_summary` is a third analysed column: the full-text index is installed again with
  it (version 2 of `fulltext`), so a match in a summary weighs less than one in a title and
  more than one in the body. Existing documents keep their summary in the body until
  `manage.py rebuild_search_documents` runs.

On SQLite, adding the columns rebuilds the table, which drops the full-text triggers: the
index is dropped and installed again afterwards, and rebuilt from the rows.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import migrations, models

from policyshare.search import fulltext


def reinstall_version_1(apps, schema_editor):
    fulltext.uninstall(schema_editor)
    fulltext.install(schema_editor, version=1)


def reinstall_version_2(apps, schema_editor):
    fulltext.uninstall(schema_editor)
    fulltext.install(schema_editor, version=2)


def fill_translation_groups(apps, schema_editor):
    SearchDocument = apps.get_model("portal_search", "SearchDocument")
    Page = apps.get_model("wagtailcore", "Page")
    documents = list(SearchDocument.objects.only("pk", "key", "page_id"))
    page_keys = dict(
        Page.objects.filter(pk__in=[d.page_id for d in documents if d.page_id]).values_list(
            "pk", "translation_key"
        )
    )
    record_keys = {}
    for document in documents:
        if document.page_id or ":" not in document.key:
            continue
        label, pk = document.key.rsplit(":", 1)
        record_keys.setdefault(label, set()).add(pk)
    for label, pks in list(record_keys.items()):
        try:
            model = apps.get_model(label)
            model._meta.get_field("translation_key")
        except (LookupError, FieldDoesNotExist):
            record_keys[label] = {}
            continue
        record_keys[label] = {
            str(pk): key
            for pk, key in model.objects.filter(pk__in=pks).values_list("pk", "translation_key")
        }
    changed = []
    for document in documents:
        if document.page_id:
            key = page_keys.get(document.page_id)
            group = f"page:{key}" if key else ""
        else:
            label, _sep, pk = document.key.rpartition(":")
            key = record_keys.get(label, {}).get(pk)
            group = f"{label}:{key}" if key else ""
        if group:
            document.translation_group = group
            changed.append(document)
    SearchDocument.objects.bulk_update(changed, ["translation_group"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0005_documents_declared_by_content_types"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        # Undoing this migration rebuilds the table again: reinstall version 1 after it.
        migrations.RunPython(migrations.RunPython.noop, reinstall_version_1),
        migrations.AddField(
            model_name="searchdocument",
            name="analysed_summary",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="translation_group",
            field=models.CharField(blank=True, default="", max_length=100),
        ),
        migrations.RunPython(reinstall_version_2, reinstall_version_1),
        migrations.RunPython(fill_translation_groups, migrations.RunPython.noop),
    ]
