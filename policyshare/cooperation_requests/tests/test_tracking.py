"""Tracking: references, the private link, status changes, replies, erasure."""

import re
import threading
import unittest
from datetime import UTC, datetime
from unittest import mock

from django.core import mail
from django.core.cache import cache, caches
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.test import TestCase, TransactionTestCase

from policyshare.cooperation_requests import services
from policyshare.cooperation_requests.models import (
    EventKind,
    ReferenceCounter,
    RequestStatus,
)
from policyshare.cooperation_requests.tests.builders import make_handler, make_request
from policyshare.core.tests.html_checks import assert_accessible_page
from policyshare.mail.models import OutgoingMail
from policyshare.mail.tests.helpers import send_held_mail


class ReferenceTests(TestCase):
    def test_numbers_are_sequential_per_year_and_restart_each_year(self):
        self.assertEqual(services.next_reference(year=2026), "PS-2026-000001")
        self.assertEqual(services.next_reference(year=2026), "PS-2026-000002")
        self.assertEqual(services.next_reference(year=2027), "PS-2027-000001")
        self.assertEqual(ReferenceCounter.objects.get(year=2026).last_number, 2)

    def test_reference_uses_the_seoul_year(self):
        # 31 December 16:00 UTC is already 1 January in Seoul.
        moment = datetime(2026, 12, 31, 16, 0, tzinfo=UTC)
        with mock.patch("django.utils.timezone.now", return_value=moment):
            request, _token = make_request()
        self.assertEqual(request.reference, "PS-2027-000001")


class TrackingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.handler = make_handler()

    def setUp(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.request, self.token = make_request(
                name="Ana <b>Gómez</b>", message="<script>alert('x')</script>"
            )
        mail.outbox.clear()

    def track(self, token=None):
        return self.client.get(f"/en/requests/track/{token or self.token}/")

    def test_tracking_page_shows_status_escaped_details_and_is_private(self):
        response = self.track()
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.request.reference)
        self.assertContains(response, "Received")
        self.assertNotContains(response, "<script>alert")
        self.assertContains(response, "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;")
        self.assertNotContains(response, "<b>Gómez</b>")
        self.assertIn("no-store", response["Cache-Control"])
        self.assertEqual(response["Referrer-Policy"], "no-referrer")
        self.assertIn("noindex", response["X-Robots-Tag"])
        assert_accessible_page(response.content.decode(), lang="en")

    def test_confirmation_link_cannot_be_forged(self):
        self.assertEqual(
            self.client.get(f"/en/requests/received/{self.request.pk}/").status_code, 404
        )
        self.assertEqual(self.client.get("/en/requests/received/1:forged:sig/").status_code, 404)

    def test_unknown_token_is_a_clear_404(self):
        response = self.track("not-a-real-token")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Link not valid", status_code=404)

    def test_status_changes_are_recorded_mailed_and_shown(self):
        with self.captureOnCommitCallbacks(execute=True):
            changed = services.change_status(
                request=self.request, status=RequestStatus.IN_PROGRESS, actor=self.handler
            )
        self.assertTrue(changed)
        event = self.request.events.get(kind=EventKind.STATUS_CHANGED)
        self.assertEqual(
            (event.from_status, event.to_status, event.actor),
            (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS, self.handler),
        )
        self.assertEqual(len(mail.outbox), 0)  # held for more changes, then sent
        send_held_mail(self)
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("In progress", mail.outbox[0].subject)
        self.assertContains(self.track(), "In progress")

    def test_same_status_again_changes_nothing_and_sends_nothing(self):
        with self.captureOnCommitCallbacks(execute=True):
            changed = services.change_status(
                request=self.request, status=RequestStatus.RECEIVED, actor=self.handler
            )
        self.assertFalse(changed)
        send_held_mail(self)
        self.assertEqual(len(mail.outbox), 0)

    def test_declining_needs_a_reason_which_the_requester_sees(self):
        with self.assertRaises(ValidationError):
            services.change_status(
                request=self.request, status=RequestStatus.DECLINED, actor=self.handler, reason="  "
            )
        with self.captureOnCommitCallbacks(execute=True):
            services.change_status(
                request=self.request,
                status=RequestStatus.DECLINED,
                actor=self.handler,
                reason="No capacity in <May>.",
            )
        send_held_mail(self)
        self.assertIn("No capacity in <May>.", mail.outbox[0].body)
        response = self.track()
        self.assertContains(response, "No capacity in &lt;May&gt;.")

    def test_assignment_moves_a_new_request_to_assigned(self):
        with self.captureOnCommitCallbacks(execute=True):
            services.assign(request=self.request, assignee=self.handler, actor=self.handler)
        self.request.refresh_from_db()
        self.assertEqual(self.request.assigned_to, self.handler)
        self.assertEqual(self.request.status, RequestStatus.ASSIGNED)
        kinds = list(self.request.events.values_list("kind", flat=True))
        self.assertEqual(kinds, [EventKind.SUBMITTED, EventKind.ASSIGNED, EventKind.STATUS_CHANGED])
        send_held_mail(self)
        self.assertEqual(len(mail.outbox), 1)

    def test_replies_are_shown_and_mailed_notes_never(self):
        with self.captureOnCommitCallbacks(execute=True):
            services.add_reply(
                request=self.request, author=self.handler, body="We can meet in <June>."
            )
            services.add_note(
                request=self.request, author=self.handler, body="Internal: check the budget first."
            )
        response = self.track()
        self.assertContains(response, "We can meet in &lt;June&gt;.")
        self.assertNotContains(response, "check the budget")
        send_held_mail(self)
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("We can meet in <June>.", mail.outbox[0].body)
        self.assertNotIn("budget", mail.outbox[0].body)

    def test_requester_erases_their_data_after_a_confirmation(self):
        erase_url = f"/en/requests/track/{self.token}/erase/"
        confirm = self.client.get(erase_url)
        self.assertContains(confirm, 'method="post"')
        assert_accessible_page(confirm.content.decode(), lang="en")
        # The GET alone changes nothing.
        self.request.refresh_from_db()
        self.assertIsNone(self.request.anonymised_at)

        response = self.client.post(erase_url)
        self.assertRedirects(response, "/en/requests/erased/")
        self.request.refresh_from_db()
        self.assertIsNotNone(self.request.anonymised_at)
        self.assertEqual(self.request.name, services.ERASED)
        self.assertEqual(self.request.message, "")
        self.assertNotIn("ana@example.org", self.request.email)
        self.assertFalse(OutgoingMail.objects.filter(request=self.request).exists())
        self.assertEqual(self.track().status_code, 404)
        self.assertTrue(self.request.events.filter(kind=EventKind.ANONYMISED).exists())

    def test_erase_needs_post_and_csrf(self):
        from django.test import Client

        response = Client(enforce_csrf_checks=True).post(f"/en/requests/track/{self.token}/erase/")
        self.assertEqual(response.status_code, 403)
        self.request.refresh_from_db()
        self.assertIsNone(self.request.anonymised_at)


@unittest.skipUnless(connection.vendor == "postgresql", "concurrent writers need PostgreSQL")
class ConcurrentReferenceTests(TransactionTestCase):
    def _fixture_teardown(self):
        # The threads commit only counter rows. Remove exactly those instead of flushing the
        # whole database, which would also empty the content types, Wagtail's root page and
        # the groups that data migrations made, for every test that runs after this one.
        ReferenceCounter.objects.filter(year=2030).delete()

    def test_concurrent_submissions_never_share_a_number(self):
        def take(results):
            try:
                results.append(services.next_reference(year=2030))
            finally:
                connections.close_all()

        results = []
        threads = [threading.Thread(target=take, args=(results,)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(sorted(results), [f"PS-2030-{n:06d}" for n in range(1, 9)])


class NewLinkTests(TestCase):
    def setUp(self):
        cache.clear()
        caches["limits"].clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.request, self.token = make_request(email="Ana@Example.org")
        mail.outbox.clear()

    def ask(self, reference, email):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                "/en/requests/new-link/", {"reference": reference, "email": email}
            )

    def test_page_is_accessible(self):
        response = self.client.get("/en/requests/new-link/")
        assert_accessible_page(response.content.decode(), lang="en")

    def test_matching_reference_and_address_get_a_new_link_and_the_old_one_dies(self):
        response = self.ask(self.request.reference.lower(), "ana@example.org")
        self.assertContains(response, "Check your inbox")
        self.assertEqual(len(mail.outbox), 1)
        new = re.search(r"/en/requests/track/(\S+)/", mail.outbox[0].body).group(1)
        self.assertEqual(self.client.get(f"/en/requests/track/{new}/").status_code, 200)
        self.assertEqual(self.client.get(f"/en/requests/track/{self.token}/").status_code, 404)

    def test_a_mismatch_gets_the_same_answer_and_no_mail(self):
        matching = self.ask(self.request.reference, "ana@example.org")
        mail.outbox.clear()
        other = self.ask(self.request.reference, "someone@example.org")
        self.assertEqual(
            other.content.count(b"Check your inbox"), matching.content.count(b"Check your inbox")
        )
        self.assertEqual(len(mail.outbox), 0)

    def test_status_mails_tell_where_to_get_a_new_link(self):
        handler = make_handler()
        with self.captureOnCommitCallbacks(execute=True):
            services.change_status(
                request=self.request, status=RequestStatus.SCHEDULED, actor=handler
            )
        send_held_mail(self)
        self.assertIn("/en/requests/new-link/", mail.outbox[0].body)
