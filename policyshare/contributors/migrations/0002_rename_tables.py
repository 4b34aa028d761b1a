"""Rename the tables moved from `inquiries` to this app's own names (`contributors_…`).

A rename keeps every row, primary key and foreign key: the database moves the references
along with the table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("contributors", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="contributingorganisation", table=None),
        migrations.AlterModelTable(name="partnercontributor", table=None),
    ]
