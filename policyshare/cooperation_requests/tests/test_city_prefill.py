"""A city page's "Ask Seoul for a consultation" link: ?city=<slug> fills in the city, and a
request still naming that city is counted on its page (`city_record`)."""

from django.core.cache import cache, caches
from django.test import TestCase

from policyshare.cooperation_requests.models import CooperationRequest
from policyshare.cooperation_requests.tests.builders import form_data
from policyshare.core.tests import builders
from policyshare.sharing.tests.builders import make_city

URL = "/en/requests/consultation/"


class CityPrefillTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections()
        cls.city = make_city(
            slug="ulaanbaatar", names={"ko": "울란바토르", "en": "Ulaanbaatar"}, country="MN"
        )

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def post(self, **overrides):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(URL, form_data(**overrides))
        self.assertEqual(response.status_code, 302)
        return CooperationRequest.objects.get()

    def test_city_slug_fills_in_city_country_and_record(self):
        html = self.client.get(f"{URL}?city=ulaanbaatar").content.decode()
        self.assertIn('name="city" value="Ulaanbaatar"', html)
        self.assertIn('<option value="MN" selected>', html)
        self.assertIn('name="city_record" value="ulaanbaatar"', html)
        html = self.client.get("/ko/requests/consultation/?city=ulaanbaatar").content.decode()
        self.assertIn('name="city" value="울란바토르"', html)

    def test_unknown_or_hostile_slug_fills_in_nothing(self):
        for slug in ("nowhere", "<script>", "x" * 500):
            html = self.client.get(URL, {"city": slug}).content.decode()
            self.assertNotIn('name="city" value=', html)
            self.assertIn('name="city_record" id="id_city_record"', html)

    def test_submitted_request_points_at_the_city_it_names(self):
        request = self.post(city="ulaanbaatar ", country="MN", city_record="ulaanbaatar")
        self.assertEqual(request.city_record, self.city)
        self.assertEqual(self.city.cooperation_requests.count(), 1)

    def test_name_in_another_language_matches_too(self):
        request = self.post(city="울란바토르", country="MN", city_record="ulaanbaatar")
        self.assertEqual(request.city_record, self.city)

    def test_a_changed_city_is_not_counted(self):
        request = self.post(city="Darkhan", country="MN", city_record="ulaanbaatar")
        self.assertIsNone(request.city_record)

    def test_no_or_unknown_record(self):
        self.assertIsNone(self.post(city="Ulaanbaatar").city_record)
        CooperationRequest.objects.all().delete()
        self.assertIsNone(self.post(city="Nowhere", city_record="nowhere").city_record)
