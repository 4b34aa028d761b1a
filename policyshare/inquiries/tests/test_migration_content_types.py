"""Migration inquiries/0011 when the new app's content type exists already.

That happens when a new app was migrated on its own (`manage.py migrate newsletter`) before
the rest: `post_migrate` then made a second content type, with fresh permissions, next to the
old one. The old row wins (groups, users and log entries point at it) and the holders of the
new row's permissions keep them.
"""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import TestCase

migration = importlib.import_module(
    "policyshare.inquiries.migrations.0011_move_models_to_their_apps"
)


class ContentTypeAlreadyThereTests(TestCase):
    def setUp(self):
        ContentType.objects.clear_cache()
        self.addCleanup(ContentType.objects.clear_cache)

    def test_the_old_row_is_kept_and_the_new_rows_permissions_are_folded_into_it(self):
        today = ContentType.objects.get(app_label="newsletter", model="newslettersubscription")
        # The state before the migration: the old row holds the permission Editors have...
        old = ContentType.objects.create(app_label="inquiries", model="newslettersubscription")
        Permission.objects.filter(content_type=today).update(content_type=old)
        send = Permission.objects.get(content_type=old, codename="send_newsletter")
        self.assertIn(send, Group.objects.get(name="Editors").permissions.all())
        # ...and post_migrate made a new row with its own copy, given to someone meanwhile,
        # and one more permission the old row does not have.
        copy = Permission.objects.create(
            content_type=today, codename="send_newsletter", name="Can send the digest"
        )
        extra = Permission.objects.create(content_type=today, codename="export", name="Export")
        user = get_user_model().objects.create_user("sender")
        user.user_permissions.add(copy)

        migration.forwards(apps, None)

        self.assertFalse(ContentType.objects.filter(pk=today.pk).exists())
        moved = ContentType.objects.get(pk=old.pk)
        self.assertEqual(moved.app_label, "newsletter")
        self.assertFalse(Permission.objects.filter(pk=copy.pk).exists())
        self.assertEqual(
            set(Permission.objects.filter(content_type=moved).values_list("pk", flat=True)),
            {send.pk, extra.pk},
        )
        self.assertIn(send, Group.objects.get(name="Editors").permissions.all())
        self.assertTrue(
            get_user_model().objects.get(pk=user.pk).has_perm("newsletter.send_newsletter")
        )
