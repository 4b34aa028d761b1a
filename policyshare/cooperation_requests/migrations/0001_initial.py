"""The cooperation requests, their events, replies, notes and the reference counter, moved here from the `inquiries` app.

In the state only: the tables exist already (made by `inquiries` 0001-0010, with their rows).
Here the models keep the old table names; 0002 renames the tables to this app's names, and
`inquiries/0011` takes the models out of that app's state and moves their content types
(and so their permissions) to this app.
"""

import django.db.models.deletion
import django_countries.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('inquiries', '0010_outgoingmail_next_attempt_at'),
        ('policies', '0002_policycase_contributing_city'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReferenceCounter',
                    fields=[
                        ('year', models.PositiveSmallIntegerField(primary_key=True, serialize=False)),
                        ('last_number', models.PositiveIntegerField(default=0)),
                    ],
                    options={'db_table': 'inquiries_referencecounter'},
                ),
                migrations.CreateModel(
                    name='CooperationRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reference', models.CharField(editable=False, max_length=20, unique=True, verbose_name='reference')),
                        ('kind', models.CharField(choices=[('consultation', 'Policy consultation'), ('study_visit', 'Study visit'), ('webinar', 'Webinar or virtual meeting')], db_index=True, max_length=20, verbose_name='type')),
                        ('status', models.CharField(choices=[('received', 'Received'), ('assigned', 'Assigned'), ('in_progress', 'In progress'), ('scheduled', 'Scheduled'), ('completed', 'Completed'), ('declined', 'Declined')], db_index=True, default='received', max_length=20, verbose_name='status')),
                        ('language', models.CharField(max_length=10, verbose_name='language of the requester')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('organisation', models.CharField(max_length=200, verbose_name='organisation')),
                        ('city', models.CharField(max_length=100, verbose_name='city')),
                        ('country', django_countries.fields.CountryField(db_index=True, max_length=2, verbose_name='country')),
                        ('position', models.CharField(blank=True, max_length=200, verbose_name='position')),
                        ('email', models.EmailField(max_length=254, verbose_name='e-mail')),
                        ('phone', models.CharField(blank=True, max_length=50, verbose_name='phone')),
                        ('topic', models.CharField(max_length=200, verbose_name='topic')),
                        ('date_from', models.DateField(blank=True, null=True, verbose_name='preferred from')),
                        ('date_to', models.DateField(blank=True, null=True, verbose_name='preferred until')),
                        ('participants', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='number of participants')),
                        ('meeting_language', models.CharField(choices=[('ko', 'Korean'), ('en', 'English'), ('other', 'Another language, with interpretation')], max_length=10, verbose_name='preferred language')),
                        ('message', models.TextField(blank=True, verbose_name='message')),
                        ('consent_given_at', models.DateTimeField(null=True, verbose_name='consent given at')),
                        ('access_token_hash', models.CharField(editable=False, max_length=64, null=True, unique=True)),
                        ('decline_reason', models.TextField(blank=True, verbose_name='reason for declining')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='received at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='last activity')),
                        ('anonymised_at', models.DateTimeField(blank=True, null=True, verbose_name='anonymised at')),
                        ('assigned_to', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='assigned to')),
                        ('policies', models.ManyToManyField(blank=True, related_name='+', to='policies.policycase', verbose_name='policies of interest')),
                    ],
                    options={
                        'db_table': 'inquiries_cooperationrequest',
                        'verbose_name': 'cooperation request',
                        'verbose_name_plural': 'cooperation requests',
                        'ordering': ['-created_at', '-pk'],
                        'permissions': [('handle_requests', 'Can see and handle cooperation requests')],
                        'default_permissions': (),
                    },
                ),
                migrations.CreateModel(
                    name='RequestEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('submitted', 'Request received'), ('status_changed', 'Status changed'), ('assigned', 'Assigned'), ('note_added', 'Internal note added'), ('reply_sent', 'Reply sent'), ('anonymised', 'Personal data erased')], max_length=20)),
                        ('from_status', models.CharField(blank=True, choices=[('received', 'Received'), ('assigned', 'Assigned'), ('in_progress', 'In progress'), ('scheduled', 'Scheduled'), ('completed', 'Completed'), ('declined', 'Declined')], max_length=20)),
                        ('to_status', models.CharField(blank=True, choices=[('received', 'Received'), ('assigned', 'Assigned'), ('in_progress', 'In progress'), ('scheduled', 'Scheduled'), ('completed', 'Completed'), ('declined', 'Declined')], max_length=20)),
                        ('detail', models.TextField(blank=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='cooperation_requests.cooperationrequest')),
                    ],
                    options={
                        'db_table': 'inquiries_requestevent',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='RequestNote',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('body', models.TextField()),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notes', to='cooperation_requests.cooperationrequest')),
                    ],
                    options={
                        'db_table': 'inquiries_requestnote',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='RequestReply',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('body', models.TextField()),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='replies', to='cooperation_requests.cooperationrequest')),
                    ],
                    options={
                        'db_table': 'inquiries_requestreply',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
