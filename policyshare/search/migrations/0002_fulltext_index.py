from django.db import migrations

from policyshare.search import fulltext


def install(apps, schema_editor):
    fulltext.install(schema_editor, version=1)


def uninstall(apps, schema_editor):
    fulltext.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
