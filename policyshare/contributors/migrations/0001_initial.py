"""The contributing organisations and partner-city contributors, moved here from the `inquiries` app.

In the state only: the tables exist already (made by `inquiries` 0001-0010, with their rows).
Here the models keep the old table names; 0002 renames the tables to this app's names, and
`inquiries/0011` takes the models out of that app's state and moves their content types
(and so their permissions) to this app.
"""

import django.db.models.deletion
import django.db.models.functions.text
import django_countries.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('inquiries', '0010_outgoingmail_next_attempt_at'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ContributingOrganisation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='organisation')),
                        ('collection', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='contributing_organisation', to='wagtailcore.collection')),
                        ('group', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='contributing_organisation', to='auth.group')),
                    ],
                    options={
                        'db_table': 'inquiries_contributingorganisation',
                        'verbose_name': 'contributing organisation',
                        'verbose_name_plural': 'contributing organisations',
                        'ordering': ['name'],
                        'default_permissions': (),
                    },
                ),
                migrations.CreateModel(
                    name='PartnerContributor',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('organisation', models.CharField(max_length=200, verbose_name='organisation')),
                        ('city', models.CharField(max_length=100, verbose_name='city')),
                        ('country', django_countries.fields.CountryField(max_length=2, verbose_name='country')),
                        ('invited_at', models.DateTimeField(auto_now_add=True, verbose_name='invited at')),
                        ('contributing_organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='contributors', to='contributors.contributingorganisation', verbose_name='contributing organisation')),
                        ('invited_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='invited by')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='partner_contributor', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'inquiries_partnercontributor',
                        'verbose_name': 'partner-city contributor',
                        'verbose_name_plural': 'partner-city contributors',
                        'ordering': ['city', 'pk'],
                        'permissions': [('invite_contributors', 'Can invite partner-city contributors')],
                        'default_permissions': (),
                    },
                ),
                migrations.AddConstraint(
                    model_name='contributingorganisation',
                    constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('name'), name='unique_contributing_organisation_name'),
                ),
            ],
            database_operations=[],
        ),
    ]
