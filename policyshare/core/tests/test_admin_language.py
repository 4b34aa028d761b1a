"""The admin speaks the user's admin language, whatever the site's default language (Korean).

Wagtail translates a few labels when their module is imported, in the default language;
the portal replaces the review comment's with one translated per request.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Task
from wagtail.users.models import UserProfile

from policyshare.core.models import ReviewTask
from policyshare.core.tests import builders

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def label(html, pattern):
    match = re.search(pattern, html, re.S)
    assert match, pattern
    return " ".join(match.group(1).split())


class AdminLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.policy = builders.make_policy(library=cls.sections["policies"]["en"], slug="buses")
        cls.moderator = get_user_model().objects.create_user("mod", "mod@example.org", "pw")
        cls.moderator.groups.add(Group.objects.get(name="Moderators"))

    def use_admin_language(self, code):
        profile = UserProfile.get_for_user(self.moderator)
        profile.preferred_language = code
        profile.save()
        self.client.force_login(self.moderator)

    def request_changes_dialog(self):
        state = self.policy.get_workflow().start(self.policy, self.moderator)
        url = reverse(
            "wagtailadmin_pages:collect_workflow_action_data",
            args=[self.policy.pk, "reject", state.current_task_state.pk],
        )
        html = self.client.get(url).json()["html"]
        return label(html, r'<label[^>]*for="id_comment"[^>]*>(.*?)</label>')

    def test_english_admin_shows_no_korean(self):
        self.use_admin_language("en")
        comment = self.request_changes_dialog()
        self.assertIsNone(HANGUL.search(comment), comment)
        self.assertEqual(comment, "Comment")

    def test_korean_admin_stays_korean(self):
        self.use_admin_language("ko")
        self.assertEqual(self.request_changes_dialog(), "댓글")

    def test_existing_group_approval_tasks_became_review_tasks(self):
        # Wagtail's migrations create "Moderators approval"; core/0004 retypes it.
        task = Task.objects.get(name="Moderators approval").specific
        self.assertIsInstance(task, ReviewTask)
        policy_task = self.policy.get_workflow().tasks.get().specific
        self.assertIsInstance(policy_task, ReviewTask)
