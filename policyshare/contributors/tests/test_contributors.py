"""Partner-city contributors: invitation, submission into review, moderation, uploads."""

import re
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection, WorkflowState

from policyshare.contributors import services as contributors
from policyshare.contributors.document_forms import PortalDocumentForm
from policyshare.contributors.models import PartnerContributor
from policyshare.core.datetimes import format_datetime
from policyshare.core.tests import builders
from policyshare.core.tests.builders import make_admin_user, make_editor
from policyshare.policies.models import PolicyCase

INVITE_URL = "/admin/contributors/"


def page_form_data(**fields):
    data = {
        "title": "Bogotá bike lanes",
        "slug": "bogota-bike-lanes",
        "summary": "How Bogotá built 500 km of bike lanes.",
        "period_start_year": "2019",
        "period_end_year": "",
        "actions-count": "0",
        # The case's other StreamFields and inline rows, empty.
        **{
            f"{name}-count": "0"
            for name in ("obstacles", "stakeholders", "legal_basis", "lifecycle")
        },
    }
    for name in ("indicators", "budget_lines", "attachments", "related_policies"):
        data.update(
            {
                f"{name}-TOTAL_FORMS": "0",
                f"{name}-INITIAL_FORMS": "0",
                f"{name}-MIN_NUM_FORMS": "0",
                f"{name}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return data


class InvitationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.editor = make_editor()

    def invite(self, **overrides):
        data = {
            "name": "Ana Gómez",
            "email": "ana@bogota.example",
            "organisation": "Alcaldía",
            "city": "Bogotá",
            "country": "CO",
            "language": "en",
            **overrides,
        }
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(INVITE_URL, data)

    def test_an_editor_invites_a_contributor_who_gets_a_password_link(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(INVITE_URL).status_code, 200)
        response = self.invite()
        self.assertRedirects(response, INVITE_URL)
        contributor = PartnerContributor.objects.get()
        self.assertEqual((contributor.city, contributor.invited_by), ("Bogotá", self.editor))
        user = contributor.user
        self.assertFalse(user.has_usable_password())
        self.assertTrue(user.groups.filter(name=contributors.CONTRIBUTORS_GROUP).exists())
        self.assertEqual(len(mail.outbox), 1)
        link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+/", mail.outbox[0].body)
        self.assertIsNotNone(link)
        # The link lets the contributor choose a password.
        response = self.client.get(link.group(0), follow=True)
        self.assertContains(response, "new_password1")

    def test_the_list_shows_the_invitation_time_with_its_zone(self):
        self.client.force_login(self.editor)
        self.invite()
        invited = datetime(2026, 11, 26, 6, 8, tzinfo=UTC)  # 15:08 in Seoul
        PartnerContributor.objects.update(invited_at=invited)
        html = self.client.get(INVITE_URL).content.decode()
        self.assertIn('<time datetime="2026-11-26T15:08:00+09:00">', html)
        with translation.override("en"):
            text = format_datetime(invited)  # the editor reads the admin in English
        self.assertIn(text.removesuffix(" KST (UTC+9)") + " <bdi>KST (UTC+9)</bdi></time>", html)

    def test_an_existing_address_is_refused(self):
        self.client.force_login(self.editor)
        response = self.invite(email=self.editor.email.upper())
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "An account with this e-mail address exists.")
        self.assertFalse(PartnerContributor.objects.exists())

    def test_only_editors_and_moderators_may_invite(self):
        self.client.force_login(make_admin_user("handler", group="Request handlers"))
        self.assertEqual(self.client.get(INVITE_URL).status_code, 403)
        self.assertEqual(self.invite().status_code, 403)
        self.assertFalse(PartnerContributor.objects.exists())


class SubmissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.library = cls.sections["policies"]["en"]
        editor = make_editor()
        cls.contributor = contributors.invite_contributor(
            email="ana@bogota.example",
            name="Ana Gómez",
            organisation="Alcaldía",
            city="Bogotá",
            country="CO",
            language="en",
            invited_by=editor,
        ).user
        cls.moderator = get_user_model().objects.create_user("mod", "mod@example.org", "pw")
        cls.moderator.groups.add(Group.objects.get(name="Moderators"))

    def add_url(self):
        return reverse("wagtailadmin_pages:add", args=["policies", "policycase", self.library.pk])

    def submit_case(self):
        self.client.force_login(self.contributor)
        self.assertEqual(self.client.get(self.add_url()).status_code, 200)
        self.client.post(self.add_url(), page_form_data(**{"action-publish": "1"}))
        page = PolicyCase.objects.get(slug="bogota-bike-lanes")
        self.assertFalse(page.live)
        self.assertEqual(page.owner, self.contributor)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            page_form_data(**{"action-submit": "1"}),
        )
        page.refresh_from_db()
        self.assertFalse(page.live)
        state = WorkflowState.objects.get(object_id=str(page.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        return page

    def test_contributor_submits_a_case_into_review_and_cannot_publish(self):
        self.submit_case()

    def test_moderator_asks_for_changes_with_a_comment_then_approves(self):
        page = self.submit_case()
        state = WorkflowState.objects.get(object_id=str(page.pk))
        task_state = state.current_task_state
        task = task_state.task.specific
        task.on_action(task_state, self.moderator, "reject", comment="Add the budget, please.")
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertEqual(state.current_task_state.get_comment(), "Add the budget, please.")

        # The contributor resubmits; the moderator approves and the case goes live.
        self.client.force_login(self.contributor)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            page_form_data(budget="COP 1bn", **{"action-submit": "1"}),
        )
        state = WorkflowState.objects.get(
            object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
        )
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, self.moderator, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.budget, "COP 1bn")

    def test_contributor_cannot_edit_other_policies(self):
        other = builders.make_policy(library=self.library, slug="seoul-buses")
        self.client.force_login(self.contributor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]))
        self.assertNotEqual(response.status_code, 200)

    def test_contributor_uploads_are_checked_by_content(self):
        DocumentForm = get_document_form(get_document_model())
        self.assertTrue(issubclass(DocumentForm, PortalDocumentForm))
        collection = self.contributor.partner_contributor.contributing_organisation.collection
        fake = SimpleUploadedFile("report.pdf", b"<script>alert(1)</script>")
        form = DocumentForm(
            data={"title": "Report", "collection": collection.pk},
            files={"file": fake},
            user=self.contributor,
        )
        self.assertFalse(form.is_valid())
        self.assertIn("file", form.errors)
        real = SimpleUploadedFile("report.bin", b"%PDF-1.7\n%%EOF\n")
        form = DocumentForm(
            data={"title": "Report", "collection": collection.pk},
            files={"file": real},
            user=self.contributor,
        )
        # The content is fine; only the staff's list of extensions refuses ".bin".
        form.is_valid()
        self.assertNotIn("This file type is not accepted", str(form.errors))

    def test_staff_uploads_keep_the_extension_rules_only(self):
        DocumentForm = get_document_form(get_document_model())
        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        form = DocumentForm(
            data={"title": "Notes", "collection": Collection.get_first_root_node().pk},
            files={"file": SimpleUploadedFile("notes.txt", b"plain text")},
            user=admin,
        )
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(get_document_model().objects.count(), 0)
