"""Rename the tables moved from `inquiries` to this app's own names (`cooperation_requests_…`).

A rename keeps every row, primary key and foreign key: the database moves the references
along with the table.
The many-to-many table of `CooperationRequest.policies` is renamed with its model.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation_requests", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="referencecounter", table=None),
        migrations.AlterModelTable(name="cooperationrequest", table=None),
        migrations.AlterModelTable(name="requestevent", table=None),
        migrations.AlterModelTable(name="requestnote", table=None),
        migrations.AlterModelTable(name="requestreply", table=None),
    ]
