"""The newsletter subscriptions and digest items, moved here from the `inquiries` app.

In the state only: the tables exist already (made by `inquiries` 0001-0010, with their rows).
Here the models keep the old table names; 0002 renames the tables to this app's names, and
`inquiries/0011` takes the models out of that app's state and moves their content types
(and so their permissions) to this app.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('inquiries', '0010_outgoingmail_next_attempt_at'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='NewsletterSubscription',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(max_length=254, unique=True, verbose_name='e-mail')),
                        ('language', models.CharField(choices=[('ko', '한국어'), ('en', 'English'), ('fr', 'Français'), ('es', 'Español'), ('ar', 'العربية'), ('zh-hans', '简体中文')], max_length=10, verbose_name='language')),
                        ('theme_slugs', models.JSONField(blank=True, default=list, verbose_name='themes')),
                        ('status', models.CharField(choices=[('pending', 'Waiting for confirmation'), ('active', 'Active')], db_index=True, default='pending', max_length=10, verbose_name='status')),
                        ('consent_given_at', models.DateTimeField(verbose_name='consent given at')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='subscribed at')),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='confirmed at')),
                    ],
                    options={
                        'db_table': 'inquiries_newslettersubscription',
                        'verbose_name': 'newsletter subscription',
                        'verbose_name_plural': 'newsletter subscriptions',
                        'ordering': ['-created_at', '-pk'],
                        'permissions': [('send_newsletter', 'Can send the newsletter digest')],
                        'default_permissions': (),
                    },
                ),
                migrations.CreateModel(
                    name='DigestItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sent_at', models.DateTimeField(auto_now_add=True)),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                        ('subscription', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sent_items', to='newsletter.newslettersubscription')),
                    ],
                    options={
                        'db_table': 'inquiries_digestitem',
                        'constraints': [models.UniqueConstraint(fields=('subscription', 'page'), name='one_digest_per_page')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
