"""The public request forms: rendering, valid submissions, invalid input, abuse defences."""

import re

from django.core import mail
from django.core.cache import cache, caches
from django.test import Client, TestCase, override_settings

from policyshare.cooperation_requests.models import (
    CooperationRequest,
    EventKind,
    RequestKind,
    RequestStatus,
)
from policyshare.cooperation_requests.tests.builders import form_data
from policyshare.core.tests import builders
from policyshare.core.tests.html_checks import assert_accessible_page
from policyshare.mail.models import OutgoingMail

FORM_URLS = {
    RequestKind.CONSULTATION: "consultation",
    RequestKind.STUDY_VISIT: "study-visit",
    RequestKind.WEBINAR: "webinar",
}


class RequestFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.policy_ko = builders.make_policy(
            library=sections["policies"]["ko"], title="버스 체계 개편", slug="bus-reform"
        )
        cls.policy_en = builders.translate_page(
            cls.policy_ko, language="en", title="Bus system reform"
        )
        cls.other_en = builders.make_policy(
            library=sections["policies"]["en"], title="Water supply", slug="water"
        )
        draft = builders.make_policy(
            library=sections["policies"]["en"], title="Draft policy", slug="draft"
        )
        draft.unpublish()

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def url(self, kind=RequestKind.STUDY_VISIT, language="en"):
        return f"/{language}/requests/{FORM_URLS[kind]}/"

    def post(self, data, kind=RequestKind.STUDY_VISIT, language="en", **extra):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(self.url(kind, language), data, **extra)

    # --- Rendering ------------------------------------------------------------------------

    def test_every_form_and_the_start_page_render_accessibly_in_both_languages(self):
        for language in ("ko", "en"):
            urls = [f"/{language}/requests/"] + [self.url(kind, language) for kind in FORM_URLS]
            for url in urls:
                with self.subTest(url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    assert_accessible_page(response.content.decode(), lang=language)

    def test_korean_form_is_in_korean_and_lists_korean_policies_only(self):
        response = self.client.get(self.url(language="ko"))
        form = response.context["form"]
        self.assertEqual(list(form.fields["policies"].queryset), [self.policy_ko])
        self.assertContains(response, '<html lang="ko">')

    def test_only_live_policies_of_the_readers_language_are_offered(self):
        form = self.client.get(self.url()).context["form"]
        titles = [policy.title for policy in form.fields["policies"].queryset]
        self.assertEqual(titles, ["Bus system reform", "Water supply"])

    def test_policy_is_preselected_and_follows_the_readers_language(self):
        response = self.client.get(self.url(language="en") + f"?policy={self.policy_ko.pk}")
        self.assertEqual(response.context["form"].initial["policies"], [self.policy_en.pk])
        self.assertRegex(
            response.content.decode(),
            rf'<input[^>]*value="{self.policy_en.pk}"[^>]*checked|'
            rf'<input[^>]*checked[^>]*value="{self.policy_en.pk}"',
        )

    def test_unknown_or_malformed_policy_parameter_is_ignored(self):
        # "²" and "①" pass str.isdigit() but not int(); "١" passes int(); the large ones
        # overflow SQLite's integers.
        for value in ("999999", "abc", "", "²", "①", f"١{self.policy_en.pk}", str(2**63)):
            with self.subTest(value=value):
                response = self.client.get(self.url() + f"?policy={value}")
                self.assertEqual(response.context["form"].initial["policies"], [])
                if value != "999999":  # a number, passed on even if no policy has it
                    start = self.client.get(f"/en/requests/?policy={value}")
                    self.assertNotContains(start, "/en/requests/consultation/?policy=")

    def test_start_page_passes_the_policy_on_to_every_form(self):
        response = self.client.get(f"/en/requests/?policy={self.policy_en.pk}")
        for slug in FORM_URLS.values():
            self.assertContains(response, f"/en/requests/{slug}/?policy={self.policy_en.pk}")

    def test_policy_page_links_to_the_request_forms_with_the_policy(self):
        response = self.client.get(self.policy_en.url)
        self.assertContains(response, f'href="/en/requests/?policy={self.policy_en.pk}"')

    def test_navigation_links_to_the_requests(self):
        response = self.client.get("/ko/")
        self.assertContains(response, 'href="/ko/requests/"')

    def test_fields_carry_autocomplete_and_participants_only_on_study_visits(self):
        html = self.client.get(self.url()).content.decode()
        for name, token in [
            ("name", "name"),
            ("organisation", "organization"),
            ("email", "email"),
            ("phone", "tel"),
            ("country", "country"),
        ]:
            self.assertRegex(
                html,
                rf'name="{name}"[^>]*autocomplete="{token}"|'
                rf'autocomplete="{token}"[^>]*name="{name}"',
            )
        self.assertIn('name="participants"', html)
        consultation = self.client.get(self.url(RequestKind.CONSULTATION)).content.decode()
        self.assertNotIn('name="participants"', consultation)

    def test_unknown_request_type_is_404(self):
        self.assertEqual(self.client.get("/en/requests/lunch/").status_code, 404)

    # --- Valid submissions ------------------------------------------------------------------

    def test_valid_study_visit_is_stored_confirmed_and_acknowledged_by_email(self):
        response = self.post(form_data(policies=[self.policy_en.pk]))
        self.assertEqual(response.status_code, 302)
        request = CooperationRequest.objects.get()
        self.assertRegex(request.reference, r"^PS-\d{4}-000001$")
        self.assertEqual(request.kind, RequestKind.STUDY_VISIT)
        self.assertEqual(request.status, RequestStatus.RECEIVED)
        self.assertEqual(request.participants, 12)
        self.assertEqual(request.language, "en")
        self.assertEqual(list(request.policies.all()), [self.policy_en])
        self.assertIsNotNone(request.consent_given_at)
        self.assertEqual(request.events.get().kind, EventKind.SUBMITTED)

        confirmation = self.client.get(response["Location"])
        self.assertContains(confirmation, request.reference)
        self.assertEqual(confirmation["Cache-Control"].count("no-store"), 1)
        assert_accessible_page(confirmation.content.decode(), lang="en")

        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["ana@example.org"])
        self.assertIn(request.reference, message.subject)
        link = re.search(r"https?://\S+/en/requests/track/(\S+)/", message.body)
        self.assertIsNotNone(link)
        # Only the hash is stored; the token in the mail opens the tracking page.
        self.assertNotIn(link.group(1), request.access_token_hash)
        self.assertEqual(self.client.get(link.group(0)).status_code, 200)
        # The sent copy in the outbox no longer carries the private link.
        self.assertNotIn(link.group(1), OutgoingMail.objects.get().body)

    def test_korean_submission_is_answered_in_korean(self):
        self.post(form_data(), kind=RequestKind.CONSULTATION, language="ko")
        request = CooperationRequest.objects.get()
        self.assertEqual(request.language, "ko")
        self.assertIn("/ko/requests/track/", mail.outbox[0].body)

    def test_consultation_needs_no_dates_and_stores_no_participants(self):
        response = self.post(
            form_data(date_from="", date_to="", participants="50"), kind=RequestKind.CONSULTATION
        )
        self.assertEqual(response.status_code, 302)
        request = CooperationRequest.objects.get()
        self.assertIsNone(request.date_from)
        self.assertIsNone(request.participants)

    def test_references_are_sequential(self):
        for _ in range(3):
            self.post(form_data(), kind=RequestKind.WEBINAR)
        numbers = sorted(
            r[-6:] for r in CooperationRequest.objects.values_list("reference", flat=True)
        )
        self.assertEqual(numbers, ["000001", "000002", "000003"])

    @override_settings(REQUEST_NOTIFY_EMAILS=["desk@seoul.example"])
    def test_staff_are_told_of_a_new_request_without_its_personal_data(self):
        self.post(form_data())
        staff_mail = [m for m in mail.outbox if m.to == ["desk@seoul.example"]]
        self.assertEqual(len(staff_mail), 1)
        self.assertNotIn("ana@example.org", staff_mail[0].body)
        self.assertIn("/admin/requests/", staff_mail[0].body)

    # --- Invalid input --------------------------------------------------------------------

    def assert_refused(self, data, field, kind=RequestKind.STUDY_VISIT, language="en"):
        cache.clear()  # several refusals in one test stay under the rate limit
        caches["limits"].clear()
        response = self.post(data, kind=kind, language=language)
        self.assertEqual(response.status_code, 200)
        self.assertIn(field, response.context["form"].errors)
        self.assertEqual(CooperationRequest.objects.count(), 0)
        self.assertEqual(OutgoingMail.objects.count(), 0)
        self.assertEqual(len(mail.outbox), 0)
        return response

    def test_missing_required_fields_are_all_reported_and_nothing_is_stored(self):
        response = self.assert_refused({"website": ""}, "name")
        errors = response.context["form"].errors
        for field in (
            "name",
            "organisation",
            "city",
            "country",
            "email",
            "topic",
            "date_from",
            "date_to",
            "participants",
            "meeting_language",
            "message",
            "consent",
        ):
            self.assertIn(field, errors)
        html = response.content.decode()
        assert_accessible_page(html, lang="en")
        # The error summary links to each field, and each field points at its error.
        self.assertIn('href="#id_name"', html)
        self.assertIn('href="#id_meeting_language_0"', html)
        self.assertRegex(html, r'<input[^>]*name="name"[^>]*aria-invalid="true"')
        self.assertRegex(html, r'aria-describedby="[^"]*id_email_error')
        self.assertIn("<title>Error:", html)

    def test_errors_are_given_in_the_readers_language(self):
        response = self.assert_refused(form_data(email="not-an-email"), "email", language="ko")
        self.assertContains(response, "올바른 이메일 주소를 입력하세요.")

    def test_bad_email_is_refused(self):
        for email in ("not-an-email", "a@b", "ana@example.org\nBcc: x@example.org"):
            with self.subTest(email=email):
                self.assert_refused(form_data(email=email), "email")

    def test_oversized_text_is_refused(self):
        self.assert_refused(form_data(message="x" * 5001), "message")
        self.assert_refused(form_data(name="x" * 201), "name")
        self.assert_refused(form_data(topic="x" * 201), "topic")

    def test_bad_phone_participants_and_dates_are_refused(self):
        self.assert_refused(form_data(phone="call me"), "phone")
        self.assert_refused(form_data(participants="0"), "participants")
        self.assert_refused(form_data(participants="5000"), "participants")
        self.assert_refused(form_data(date_from="2000-01-01"), "date_from")
        self.assert_refused(form_data(date_from="2099-01-10", date_to="2099-01-01"), "date_from")
        data = form_data()
        data["date_to"], data["date_from"] = data["date_from"], data["date_to"]
        self.assert_refused(data, "date_to")

    def test_unknown_country_language_and_policies_are_refused(self):
        self.assert_refused(form_data(country="XX"), "country")
        self.assert_refused(form_data(meeting_language="fr"), "meeting_language")
        # A policy of the other language is not a choice on this form.
        self.assert_refused(form_data(policies=[self.policy_ko.pk]), "policies")

    def test_policy_ids_beyond_the_database_integers_are_refused(self):
        for value in (str(2**63), str(10**30), "²"):
            with self.subTest(value=value):
                self.assert_refused(form_data(policies=[self.policy_en.pk, value]), "policies")

    def test_one_line_fields_refuse_line_breaks_and_control_characters(self):
        # The name is printed into the acknowledgement: a line break would let anyone make
        # the official sender mail their own text and links.
        for field in ("name", "position", "organisation", "city", "topic"):
            for value in (
                "Ana\nVisit https://evil.example",
                "Ana\r\nBcc: x@example.org",
                "Ana\tGómez",
                "Ana\x1bGómez",
                "Ana\u2028Gómez",
                "Ana\u202eGómez",
            ):
                with self.subTest(field=field, value=value):
                    response = self.assert_refused(form_data(**{field: value}), field)
                    self.assertContains(response, "without line breaks or control characters")
        self.assertEqual(len(mail.outbox), 0)

    def test_one_line_fields_keep_joiners_and_every_script(self):
        # Zero-width (non-)joiners are part of writing some scripts and emoji.
        name = "Ana \u0645\u062d\u0645\u062f \u09b8\u09cd\u200d\u09ac \U0001f469\u200d\U0001f4bb"
        response = self.post(
            form_data(name=name, city="\u0645\u064a\u200c\u062e\u0648\u0627\u0647\u0645")
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(CooperationRequest.objects.get().name, name)

    def test_consent_is_required(self):
        response = self.assert_refused(form_data(consent=None), "consent")
        self.assertContains(response, "consent to the processing of your personal data")

    def test_honeypot_filled_in_stores_nothing(self):
        self.assert_refused(form_data(website="http://spam.example"), "website")

    def test_markup_is_escaped_when_the_form_is_shown_again(self):
        response = self.assert_refused(
            form_data(name="<script>alert(1)</script>", email="bad"), "email"
        )
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")

    # --- Abuse defences -------------------------------------------------------------------

    def test_csrf_token_is_required(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(self.url(), form_data())
        self.assertEqual(response.status_code, 403)
        self.assertEqual(CooperationRequest.objects.count(), 0)

    @override_settings(REQUEST_RATE_LIMIT=2)
    def test_rate_limit_counts_accepted_submissions_and_keeps_what_was_typed(self):
        # A form sent back with errors costs nothing.
        for _ in range(3):
            self.assertEqual(self.post(form_data(email="bad")).status_code, 200)
        self.assertEqual(self.post(form_data()).status_code, 302)
        self.assertEqual(self.post(form_data()).status_code, 302)
        response = self.post(form_data(topic="Median bus lanes for our city"))
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response["Retry-After"], "3600")
        self.assertContains(response, "Nothing you sent in this last attempt", status_code=429)
        # The form comes back filled in, so nothing typed is lost.
        self.assertContains(response, 'value="Median bus lanes for our city"', status_code=429)
        assert_accessible_page(response.content.decode(), lang="en")
        self.assertEqual(CooperationRequest.objects.count(), 2)
        # Another address is not affected.
        with self.captureOnCommitCallbacks(execute=True):
            other = self.client.post(self.url(), form_data(), REMOTE_ADDR="203.0.113.9")
        self.assertEqual(other.status_code, 302)

    def test_confirmation_page_shows_the_private_tracking_link_to_keep(self):
        response = self.post(form_data())
        page = self.client.get(response["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("no-store", page["Cache-Control"])
        self.assertEqual(page["Referrer-Policy"], "no-referrer")
        self.assertContains(page, "Keep this link")
        link = re.search(r'href="(https?://[^"]+/requests/track/[^"]+/)"', page.content.decode())
        self.assertIsNotNone(link)
        # It is the link the requester was mailed, and it opens the request.
        path = "/" + link[1].split("://", 1)[1].split("/", 1)[1]
        self.assertIn(path, mail.outbox[0].body)
        request = CooperationRequest.objects.get()
        self.assertContains(self.client.get(path), request.reference)
        assert_accessible_page(page.content.decode(), lang="en")

    def test_confirmation_page_hides_a_link_that_was_replaced(self):
        response = self.post(form_data())
        request = CooperationRequest.objects.get()
        request.access_token_hash = "0" * 64
        request.save(update_fields=["access_token_hash"])
        page = self.client.get(response["Location"])
        self.assertContains(page, request.reference)
        self.assertNotContains(page, "/requests/track/")
        self.assertContains(page, "We have sent a confirmation with a private link")

    def test_rate_limit_defaults_to_five_an_hour(self):
        statuses = [self.post(form_data()).status_code for _ in range(6)]
        self.assertEqual(statuses, [302] * 5 + [429])
