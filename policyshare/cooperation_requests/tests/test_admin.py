"""The staff inbox: only request handlers get in; filters, handling, CSV export."""

import csv
import io
from datetime import UTC, datetime, timedelta
from unittest import mock

import hypothesis
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase
from wagtail.users.models import UserProfile

from policyshare.cooperation_requests import services
from policyshare.cooperation_requests.models import (
    CooperationRequest,
    EventKind,
    RequestKind,
    RequestStatus,
)
from policyshare.cooperation_requests.tests.builders import make_editor, make_handler, make_request
from policyshare.core.tests import builders
from policyshare.mail.tests.helpers import send_held_mail

INBOX = "/admin/requests/"
SEOUL_JUST_AFTER_MIDNIGHT = datetime(2020, 3, 31, 15, 30, tzinfo=UTC)


class AccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.request, _token = make_request()
        cls.handler = make_handler()
        cls.editor = make_editor()

    def test_the_data_migration_creates_the_request_handlers_group(self):
        group = Group.objects.get(name="Request handlers")
        codenames = set(group.permissions.values_list("codename", flat=True))
        self.assertLessEqual({"handle_requests", "access_admin"}, codenames)

    def test_editors_without_the_permission_get_403_everywhere(self):
        self.client.force_login(self.editor)
        pk = self.request.pk
        for method, url in [
            ("get", INBOX),
            ("get", f"{INBOX}export.csv"),
            ("get", f"{INBOX}{pk}/"),
            ("post", f"{INBOX}{pk}/status/"),
            ("post", f"{INBOX}{pk}/assign/"),
            ("post", f"{INBOX}{pk}/note/"),
            ("post", f"{INBOX}{pk}/reply/"),
        ]:
            with self.subTest(url=url):
                response = getattr(self.client, method)(url)
                self.assertEqual(response.status_code, 403)
                self.assertNotContains(response, "ana@example.org", status_code=403)

    def test_the_menu_shows_the_inbox_only_to_handlers(self):
        self.client.force_login(self.editor)
        self.assertNotContains(self.client.get("/admin/"), f'"{INBOX}"')
        self.client.force_login(self.handler)
        self.assertContains(self.client.get("/admin/"), f'"{INBOX}"')

    def test_the_menu_counts_the_new_requests(self):
        profile = UserProfile.get_for_user(self.handler)
        profile.preferred_language = "en"
        profile.save()
        self.client.force_login(self.handler)
        self.assertContains(self.client.get("/admin/"), "Cooperation requests: 1 new")
        make_request(email="second@example.org")
        self.assertContains(self.client.get("/admin/"), "Cooperation requests: 2 new")
        services.assign(request=self.request, assignee=self.handler, actor=self.handler)
        self.assertContains(self.client.get("/admin/"), "Cooperation requests: 1 new")
        CooperationRequest.objects.update(status=RequestStatus.IN_PROGRESS)
        page = self.client.get("/admin/")
        self.assertNotContains(page, "Cooperation requests: ")
        self.assertContains(page, "Cooperation requests")

    def test_anonymous_visitors_are_sent_to_the_login(self):
        response = self.client.get(INBOX)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])


class InboxTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.policy = builders.make_policy(library=sections["policies"]["en"], title="Bus reform")
        cls.bogota, _ = make_request(policies=[cls.policy], name="Ana <i>Gómez</i>")
        cls.kampala, _ = make_request(
            kind=RequestKind.STUDY_VISIT,
            country="UG",
            city="Kampala",
            name="Okello",
            email="ok@example.org",
            participants=8,
        )
        cls.handler = make_handler()
        cls.colleague = make_handler("colleague")

    def setUp(self):
        self.client.force_login(self.handler)

    def references(self, query=""):
        response = self.client.get(INBOX + query)
        self.assertEqual(response.status_code, 200)
        return {item.reference for item in response.context["object_list"]}

    def test_list_filters_by_type_status_country_policy_and_date(self):
        both = {self.bogota.reference, self.kampala.reference}
        self.assertEqual(self.references(), both)
        self.assertEqual(self.references("?kind=study_visit"), {self.kampala.reference})
        self.assertEqual(self.references("?country=CO"), {self.bogota.reference})
        self.assertEqual(self.references(f"?policy={self.policy.pk}"), {self.bogota.reference})
        self.assertEqual(self.references("?status=received"), both)
        self.assertEqual(self.references("?status=completed"), set())
        # The inbox filters by the date in TIME_ZONE (Seoul), not by the UTC date.
        today = timezone.localdate(self.bogota.created_at).isoformat()
        self.assertEqual(self.references(f"?received_from={today}&received_to={today}"), both)
        self.assertEqual(self.references("?received_to=2000-01-01"), set())

    def test_the_date_filter_uses_the_seoul_day_at_midnight(self):
        # 15:30 UTC on 31 March is 00:30 on 1 April in Seoul, whatever the real hour.
        with mock.patch("django.utils.timezone.now", return_value=SEOUL_JUST_AFTER_MIDNIGHT):
            late, _token = make_request(name="Late", email="late@example.org")
        self.assertEqual(
            self.references("?received_from=2020-04-01&received_to=2020-04-01"),
            {late.reference},
        )
        self.assertNotIn(late.reference, self.references("?received_to=2020-03-31"))

    def test_list_escapes_what_the_public_sent(self):
        response = self.client.get(INBOX)
        self.assertNotContains(response, "<i>Gómez</i>")
        self.assertContains(response, "&lt;i&gt;Gómez&lt;/i&gt;")

    def test_detail_assign_status_note_and_reply(self):
        url = f"{INBOX}{self.bogota.pk}/"
        self.assertContains(self.client.get(url), self.bogota.reference)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url + "assign/", {"assignee": self.colleague.pk})
            self.client.post(url + "status/", {"status": "scheduled"})
            self.client.post(url + "note/", {"note-body": "Budget check pending."})
            self.client.post(url + "reply/", {"reply-body": "See you on 3 June."})
        request = CooperationRequest.objects.get(pk=self.bogota.pk)
        self.assertEqual(request.assigned_to, self.colleague)
        self.assertEqual(request.status, RequestStatus.SCHEDULED)
        self.assertEqual(request.notes.get().body, "Budget check pending.")
        self.assertEqual(request.replies.get().author, self.handler)
        events = list(request.events.values_list("kind", "actor__username"))
        self.assertIn((EventKind.STATUS_CHANGED, "handler"), events)
        self.assertIn((EventKind.NOTE_ADDED, "handler"), events)
        # Assigned, scheduled and the reply in one sitting: one mail to the requester, once
        # the handler has stopped for REQUEST_UPDATE_MAIL_WAIT_MINUTES; the note none.
        self.assertEqual(len(mail.outbox), 0)
        send_held_mail(self)
        [sent] = mail.outbox
        self.assertEqual(sent.to, ["ana@example.org"])
        self.assertIn("Scheduled", sent.subject)
        self.assertIn("and a reply", sent.subject)
        self.assertIn("See you on 3 June.", sent.body)
        self.assertNotIn("Budget check", sent.body)
        detail = self.client.get(url)
        self.assertContains(detail, "Budget check pending.")
        self.assertNotContains(detail, "<i>Gómez</i>")
        self.assertContains(detail, "&lt;i&gt;Gómez&lt;/i&gt;")

    def test_declining_without_a_reason_is_refused_with_a_message(self):
        url = f"{INBOX}{self.bogota.pk}/"
        response = self.client.post(
            url + "status/", {"status": "declined", "reason": ""}, follow=True
        )
        self.assertContains(response, "Give the reason for declining the request.")
        self.assertEqual(
            CooperationRequest.objects.get(pk=self.bogota.pk).status, RequestStatus.RECEIVED
        )

    def test_only_handlers_can_be_assigned(self):
        editor = make_editor()
        self.client.post(f"{INBOX}{self.bogota.pk}/assign/", {"assignee": editor.pk})
        self.assertIsNone(CooperationRequest.objects.get(pk=self.bogota.pk).assigned_to)

    def test_filters_with_values_beyond_the_database_integers_answer_with_a_form_error(self):
        for value in (str(2**63), str(10**30), "²", "①", "١"):
            with self.subTest(value=value):
                response = self.client.get(INBOX + f"?policy={value}")
                self.assertEqual(response.status_code, 200)
                self.assertIn("policy", response.context["filters"].form.errors)
                # The other filters still apply.
                both = self.client.get(INBOX + f"?policy={value}&country=UG")
                self.assertEqual(
                    [item.reference for item in both.context["object_list"]],
                    [self.kampala.reference],
                )
                export = self.client.get(INBOX + f"export.csv?policy={value}")
                self.assertEqual(export.status_code, 200)
                self.assertEqual(export["Content-Type"], "text/csv; charset=utf-8")

    def test_the_listing_is_wagtails_with_filters_in_the_drawer_sorting_and_export(self):
        profile = UserProfile.get_for_user(self.handler)
        profile.preferred_language = "en"
        profile.save()
        response = self.client.get(INBOX + "?status=received&ordering=created_at")
        content = response.content.decode()
        # Wagtail's listing furniture: the filters drawer, the sortable table, the header
        # button to download what is shown.
        self.assertIn('data-controller="w-drilldown"', content)
        self.assertIn("listing", content)
        self.assertIn(f"{INBOX}export.csv?status=received", content)
        self.assertEqual(
            [item.reference for item in response.context["object_list"]],
            [self.bogota.reference, self.kampala.reference],
        )
        descending = self.client.get(INBOX + "?ordering=-created_at")
        self.assertEqual(
            [item.reference for item in descending.context["object_list"]],
            [self.kampala.reference, self.bogota.reference],
        )
        # The filters refresh the results in place (Wagtail's results-only view).
        results = self.client.get(INBOX + "results/?country=UG")
        self.assertEqual(results.status_code, 200)
        self.assertContains(results, self.kampala.reference)
        self.assertNotContains(results, self.bogota.reference)
        self.assertNotContains(results, "<html")

    def test_the_listing_runs_a_fixed_number_of_queries(self):
        self.client.get(INBOX)  # warm up the session and the menu
        with CaptureQueriesContext(connection) as few:
            self.client.get(INBOX)
        for number in range(20):
            make_request(email=f"r{number}@example.org", policies=[self.policy])
        with CaptureQueriesContext(connection) as many:
            self.client.get(INBOX)
        self.assertEqual(len(many), len(few))

    def test_results_view_is_for_handlers_only(self):
        self.client.force_login(make_editor())
        self.assertEqual(self.client.get(INBOX + "results/").status_code, 403)

    def test_csv_export_follows_the_filters_and_defuses_formulas(self):
        CooperationRequest.objects.filter(pk=self.kampala.pk).update(topic="=HYPERLINK(1)")
        response = self.client.get(INBOX + "export.csv?country=UG")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual([row["reference"] for row in rows], [self.kampala.reference])
        self.assertEqual(rows[0]["email"], "ok@example.org")
        self.assertEqual(rows[0]["participants"], "8")
        self.assertEqual(rows[0]["topic"], "'=HYPERLINK(1)")

    def test_csv_export_names_the_consent_shown_and_the_requesters_language_and_zone(self):
        request, _token = make_request(language="es", time_zone="America/Bogota", name="Lía")
        response = self.client.get(INBOX + "export.csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        row = next(row for row in rows if row["reference"] == request.reference)
        self.assertEqual(row["language"], "es")
        self.assertEqual(row["time_zone"], "America/Bogota")
        self.assertEqual(row["consent_language"], "es")
        self.assertEqual(row["consent_version"], str(request.consent_text.version))
        self.assertEqual(row["consent_given_at"], request.consent_given_at.isoformat())


class OverdueFilterTests(TestCase):
    """The inbox's "overdue" filter lists what the dashboard's overdue panel counts."""

    @classmethod
    def setUpTestData(cls):
        cls.handler = make_handler()
        long_ago = timezone.now() - timedelta(days=30)
        cls.fresh, _ = make_request(city="Bogotá")
        cls.quiet, _ = make_request(city="Kampala", email="k@example.org")
        cls.answered, _ = make_request(city="Hanoi", email="h@example.org")
        cls.closed, _ = make_request(city="Lima", email="l@example.org")
        services.change_status(request=cls.closed, status=RequestStatus.COMPLETED, actor=None)
        for old in (cls.quiet, cls.answered, cls.closed):
            CooperationRequest.objects.filter(pk=old.pk).update(created_at=long_ago)
            old.events.update(created_at=long_ago)
        services.add_reply(request=cls.answered, author=cls.handler, body="We are on it.")

    def setUp(self):
        self.client.force_login(self.handler)

    def references(self, query):
        response = self.client.get(INBOX + query)
        self.assertEqual(response.status_code, 200)
        return {item.reference for item in response.context["object_list"]}

    def test_only_open_requests_quiet_for_longer_than_the_setting(self):
        self.assertEqual(self.references("?overdue=yes"), {self.quiet.reference})
        self.assertEqual(len(self.references("")), 4)
        self.assertEqual(len(self.references("?overdue=")), 4)
        with self.settings(REQUEST_OVERDUE_DAYS=40):
            self.assertEqual(self.references("?overdue=yes"), set())

    def test_it_combines_with_the_other_filters_and_the_export(self):
        self.assertEqual(self.references("?overdue=yes&country=UG"), set())
        self.assertEqual(self.references("?overdue=yes&status=received"), {self.quiet.reference})
        response = self.client.get(INBOX + "export.csv", {"overdue": "yes"})
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual([row[0] for row in rows[1:]], [self.quiet.reference])

    def test_the_drawer_offers_it_and_shows_it_as_active(self):
        profile = UserProfile.get_for_user(self.handler)
        profile.preferred_language = "en"
        profile.save()
        html = self.client.get(INBOX + "?overdue=yes").content.decode()
        self.assertIn('name="overdue"', html)
        self.assertIn("Only overdue requests", html)
        self.assertEqual(self.references("?overdue=nonsense"), self.references(""))

    def test_a_fixed_number_of_queries(self):
        self.client.get(INBOX + "?overdue=yes")
        with CaptureQueriesContext(connection) as few:
            self.client.get(INBOX + "?overdue=yes")
        long_ago = timezone.now() - timedelta(days=30)
        for number in range(15):
            made, _ = make_request(email=f"q{number}@example.org")
            CooperationRequest.objects.filter(pk=made.pk).update(created_at=long_ago)
            made.events.update(created_at=long_ago)
        with CaptureQueriesContext(connection) as many:
            response = self.client.get(INBOX + "?overdue=yes")
        self.assertEqual(len(response.context["object_list"]), 16)
        self.assertEqual(len(many), len(few))

    def test_groups_without_the_inbox_get_403(self):
        for group in ("Editors", "Moderators", "Contributors"):
            with self.subTest(group):
                user = builders.make_admin_user(f"u-{group}".replace(" ", "-"), group=group)
                self.client.force_login(user)
                for path in (INBOX, INBOX + "export.csv", INBOX + "results/"):
                    response = self.client.get(path, {"overdue": "yes"})
                    self.assertEqual(response.status_code, 403, path)


class InboxOverflowTests(HypothesisTestCase):
    """Filter values a handler can type or edit into the address: never a server error."""

    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        policy = builders.make_policy(library=sections["policies"]["en"])
        make_request(policies=[policy])
        cls.handler = make_handler()

    @hypothesis.settings(max_examples=15, deadline=None, derandomize=True, database=None)
    @hypothesis.given(
        filters=st.dictionaries(
            st.sampled_from(
                ["kind", "status", "country", "policy", "received_from", "overdue", "p"]
            ),
            st.one_of(
                st.integers(min_value=-(10**30), max_value=10**30).map(str),
                st.sampled_from(["²", "①", "١٢", "a\x00b", "9999-99-99", "99999-01-01"]),
                st.text(max_size=8),
            ),
            min_size=1,
        )
    )
    @hypothesis.example(filters={"policy": str(2**63), "received_from": "²", "p": str(10**30)})
    def test_no_filter_value_makes_the_inbox_or_the_export_fail(self, filters):
        self.client.force_login(self.handler)  # the client is made per example
        for path in (INBOX, INBOX + "export.csv"):
            response = self.client.get(path, filters)
            self.assertEqual(response.status_code, 200, (path, filters))
