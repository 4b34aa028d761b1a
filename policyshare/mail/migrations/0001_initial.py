"""The outbox (OutgoingMail), moved here from the `inquiries` app.

In the state only: the tables exist already (made by `inquiries` 0001-0010, with their rows).
Here the models keep the old table names; 0002 renames the tables to this app's names, and
`inquiries/0011` takes the models out of that app's state and moves their content types
(and so their permissions) to this app.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('inquiries', '0010_outgoingmail_next_attempt_at'),
        ('cooperation_requests', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='OutgoingMail',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('to', models.EmailField(max_length=254)),
                        ('subject', models.CharField(max_length=255)),
                        ('body', models.TextField()),
                        ('headers', models.JSONField(blank=True, default=dict)),
                        ('redact_after_sending', models.BooleanField(default=False)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('sent_at', models.DateTimeField(blank=True, db_index=True, null=True)),
                        ('attempts', models.PositiveSmallIntegerField(default=0)),
                        ('last_error', models.TextField(blank=True)),
                        ('next_attempt_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ('request', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cooperation_requests.cooperationrequest')),
                    ],
                    options={
                        'db_table': 'inquiries_outgoingmail',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
