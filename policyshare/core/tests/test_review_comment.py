"""A moderator's request for changes reaches the editor on the page's edit view."""

from django.test import TestCase
from django.urls import reverse

from policyshare.core.tests import builders


def requests_for_changes(response):
    return [
        str(message)
        for message in response.context["messages"]
        if str(message).startswith("Changes requested")
    ]


class ReviewCommentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.policy = builders.make_policy(library=cls.sections["policies"]["en"], slug="buses")
        cls.editor = builders.make_admin_user("editor", group="Editors")
        cls.moderator = builders.make_admin_user("moderator", group="Moderators")

    def test_editor_sees_the_comment_on_the_edit_page(self):
        self.policy.save_revision(user=self.editor)
        state = self.policy.get_workflow().start(self.policy, self.editor)
        task_state = state.current_task_state
        task_state.task.specific.on_action(
            task_state, self.moderator, "reject", comment="Add the 2023 ridership figures."
        )
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.policy.pk]))
        self.assertIn(
            "Changes requested by moderator: Add the 2023 ridership figures.",
            requests_for_changes(response),
        )
        self.assertContains(response, "Add the 2023 ridership figures.")

    def test_no_message_while_in_review_or_without_comment(self):
        self.policy.save_revision(user=self.editor)
        state = self.policy.get_workflow().start(self.policy, self.editor)
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_pages:edit", args=[self.policy.pk])
        self.assertEqual(requests_for_changes(self.client.get(url)), [])
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, self.moderator, "reject", comment="")
        self.assertEqual(requests_for_changes(self.client.get(url)), [])
