"""The officials invitation: a firm asks Seoul to invite a partner city's officials; staff
take it up and record the firm's public interest (sharing.FirmInterest)."""

from django.core.cache import cache, caches
from django.core.exceptions import ValidationError
from django.test import TestCase

from policyshare.cooperation_requests import services
from policyshare.cooperation_requests.models import (
    CooperationRequest,
    EventKind,
    RequestKind,
    RequestStatus,
)
from policyshare.cooperation_requests.tests.builders import (
    form_data,
    make_editor,
    make_handler,
    make_request,
)
from policyshare.core.tests import builders
from policyshare.core.tests.html_checks import assert_accessible_page
from policyshare.sharing.models import FirmInterest
from policyshare.sharing.services import record_firm_interest
from policyshare.sharing.tests.builders import make_city, make_seoul

URL = "/{language}/requests/officials-invitation/"
INBOX = "/admin/requests/"


def invitation_data(**overrides):
    values = {
        "organisation": "Korea Smart Card Co.",
        "city": "",
        "country": "",
        "topic": "Show the transport card system to the city's transport office",
        "participants": None,
        "date_from": None,
        "date_to": None,
    }
    values.update(overrides)
    return form_data(**values)


class InvitationFixture:
    @classmethod
    def build(cls):
        cls.sections = builders.sections()
        cls.seoul = make_seoul()
        cls.ulaanbaatar = make_city(
            slug="ulaanbaatar", names={"ko": "울란바토르", "en": "Ulaanbaatar"}, country="MN"
        )
        cls.bogota = make_city(
            slug="bogota",
            names={"ko": "보고타", "en": "Bogotá", "es": "Bogotá"},
            country="CO",
            time_zone="America/Bogota",
        )
        cls.policy = builders.make_policy(
            library=cls.sections["policies"]["en"], title="Transport card", slug="t-card"
        )
        cls.firm = builders.make_partner(language="en", name="Korea Smart Card", kind="private")
        cls.agency = builders.make_partner(language="ko", name="한국수자원공사", kind="government")
        cls.organisation = builders.make_partner(
            language="en", name="World Bank", kind="international"
        )


class InvitationFormTests(InvitationFixture, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build()

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def post(self, data, language="en"):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(URL.format(language=language), data)

    def test_the_form_and_the_start_page_offer_it_accessibly_in_korean_and_english(self):
        for language in ("ko", "en"):
            with self.subTest(language=language):
                response = self.client.get(URL.format(language=language))
                self.assertEqual(response.status_code, 200)
                assert_accessible_page(response.content.decode(), lang=language)
                choices = dict(response.context["form"].fields["target_city"].choices)
                expected = {"ko": "울란바토르", "en": "Ulaanbaatar"}[language]
                self.assertEqual(choices["ulaanbaatar"], expected)
                self.assertNotIn("seoul", choices)  # the portal's own city is not a partner
                start = self.client.get(f"/{language}/requests/")
                self.assertContains(start, "/requests/officials-invitation/")

    def test_a_chosen_city_is_the_requests_city_record_with_its_name_and_country(self):
        response = self.post(invitation_data(target_city="ulaanbaatar", policies=[self.policy.pk]))
        self.assertEqual(response.status_code, 302, response.content[:300])
        request = CooperationRequest.objects.get()
        self.assertEqual(request.kind, RequestKind.OFFICIALS_INVITATION)
        self.assertEqual(request.city_record, self.ulaanbaatar)
        self.assertEqual((request.city, request.country.code), ("Ulaanbaatar", "MN"))
        self.assertEqual(request.organisation, "Korea Smart Card Co.")
        self.assertEqual(list(request.policies.all()), [self.policy])
        self.assertIsNotNone(request.consent_text)  # the versioned consent still recorded

    def test_a_typed_city_is_matched_to_a_known_record_in_any_language(self):
        for typed, country, expected in [
            ("ULAANBAATAR", "MN", "ulaanbaatar"),
            ("울란바토르", "MN", "ulaanbaatar"),
            ("Ulaanbaatar", "FR", None),  # a city of that name, but not in that country
            ("Darkhan", "MN", None),
        ]:
            with self.subTest(typed=typed):
                CooperationRequest.objects.all().delete()
                self.post(invitation_data(city=typed, country=country))
                request = CooperationRequest.objects.get()
                self.assertEqual(request.city, typed)
                self.assertEqual(
                    request.city_record.slug if request.city_record else None, expected
                )

    def test_the_city_is_required_for_this_kind(self):
        response = self.post(invitation_data())
        self.assertEqual(response.status_code, 200)
        self.assertIn("target_city", response.context["form"].errors)
        self.assertFalse(CooperationRequest.objects.exists())

    def test_a_typed_city_needs_its_country_and_a_bad_choice_is_refused(self):
        response = self.post(invitation_data(city="Darkhan"))
        self.assertIn("country", response.context["form"].errors)
        response = self.post(invitation_data(target_city="atlantis"))
        self.assertIn("target_city", response.context["form"].errors)
        response = self.post(invitation_data(target_city="seoul"))
        self.assertIn("target_city", response.context["form"].errors)
        self.assertFalse(CooperationRequest.objects.exists())

    def test_other_kinds_match_the_requesters_city_to_its_record(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/en/requests/consultation/", form_data(participants=None))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(CooperationRequest.objects.get().city_record, self.bogota)


class RecordInterestTests(InvitationFixture, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build()
        cls.handler = make_handler()

    def invitation(self, **fields):
        request, _token = make_request(
            kind=RequestKind.OFFICIALS_INVITATION,
            policies=[self.policy],
            city="Ulaanbaatar",
            country="MN",
            city_record=self.ulaanbaatar,
            **fields,
        )
        return request

    def accept(self, request):
        services.change_status(request=request, status=RequestStatus.IN_PROGRESS, actor=None)

    def test_recording_needs_the_request_taken_up_and_happens_once(self):
        request = self.invitation()
        with self.assertRaises(ValidationError):
            services.record_interest_from_request(
                request=request, firm=self.firm, city=self.ulaanbaatar, actor=self.handler
            )
        self.accept(request)
        interest = services.record_interest_from_request(
            request=request,
            firm=self.firm,
            city=self.ulaanbaatar,
            policy=self.policy,
            note="Transport cards",
            actor=self.handler,
        )
        request.refresh_from_db()
        self.assertEqual(request.firm_interest, interest)
        self.assertEqual((interest.city, interest.policy), (self.ulaanbaatar, self.policy))
        self.assertEqual(interest.note, {"en": "Transport cards"})
        self.assertTrue(interest.public)
        self.assertTrue(request.events.filter(kind=EventKind.INTEREST_RECORDED).exists())
        with self.assertRaises(ValidationError):
            services.record_interest_from_request(
                request=request, firm=self.firm, city=self.ulaanbaatar, actor=self.handler
            )
        self.assertEqual(FirmInterest.objects.count(), 1)

    def test_only_invitations_record_an_interest(self):
        request, _token = make_request()
        self.accept(request)
        with self.assertRaises(ValidationError):
            services.record_interest_from_request(
                request=request, firm=self.firm, city=self.ulaanbaatar, actor=self.handler
            )

    def test_only_firms_and_agencies_declare_interests_and_they_name_a_city_or_policy(self):
        self.assertEqual(
            record_firm_interest(firm=self.agency, policy=self.policy).firm, self.agency
        )
        with self.assertRaises(ValidationError):
            record_firm_interest(firm=self.organisation, city=self.ulaanbaatar)
        with self.assertRaises(ValidationError):
            record_firm_interest(firm=self.firm)

    def test_the_inbox_filters_by_city_and_records_the_interest_from_the_detail_page(self):
        invitation = self.invitation()
        other, _token = make_request(city="Bogotá", country="CO", city_record=self.bogota)
        self.client.force_login(self.handler)
        listed = self.client.get(
            INBOX, {"city": self.ulaanbaatar.pk, "kind": "officials_invitation"}
        )
        self.assertContains(listed, invitation.reference)
        self.assertNotContains(listed, other.reference)

        detail = self.client.get(f"{INBOX}{invitation.pk}/")
        self.assertIsNone(detail.context["interest_form"])  # not taken up yet
        self.accept(invitation)
        detail = self.client.get(f"{INBOX}{invitation.pk}/")
        form = detail.context["interest_form"]
        self.assertEqual(form.initial["city"], self.ulaanbaatar.pk)
        self.assertEqual(form.initial["policy"], self.policy.pk)
        firms = list(form.fields["firm"].queryset)
        self.assertIn(self.firm, firms)
        self.assertNotIn(self.organisation, firms)

        response = self.client.post(
            f"{INBOX}{invitation.pk}/interest/",
            {
                "interest-firm": self.firm.pk,
                "interest-city": self.ulaanbaatar.pk,
                "interest-policy": self.policy.pk,
                "interest-note": "",
                "interest-public": "on",
            },
        )
        self.assertRedirects(response, f"{INBOX}{invitation.pk}/")
        interest = FirmInterest.objects.get()
        self.assertEqual(interest.firm, self.firm)
        detail = self.client.get(f"{INBOX}{invitation.pk}/")
        self.assertContains(detail, f"/admin/snippets/sharing/firminterest/edit/{interest.pk}/")

    def test_a_firm_that_is_not_a_firm_is_a_form_error(self):
        invitation = self.invitation()
        self.accept(invitation)
        self.client.force_login(self.handler)
        self.client.post(
            f"{INBOX}{invitation.pk}/interest/",
            {"interest-firm": self.organisation.pk, "interest-city": self.ulaanbaatar.pk},
        )
        self.assertFalse(FirmInterest.objects.exists())

    def test_only_request_handlers_can_record_an_interest(self):
        invitation = self.invitation()
        self.accept(invitation)
        self.client.force_login(make_editor())
        response = self.client.post(
            f"{INBOX}{invitation.pk}/interest/",
            {"interest-firm": self.firm.pk, "interest-city": self.ulaanbaatar.pk},
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(FirmInterest.objects.exists())
