"""Sharing records are not pages, but pages show them: saving one retires the cached pages."""

from django.test import TestCase, override_settings

from policyshare.core.tests.builders import make_policy, sections
from policyshare.sharing.models import TenderNotice

from .builders import make_city, make_relationship, make_seoul, make_transfer


@override_settings(PAGE_CACHE_SECONDS=300, PAGE_CACHE_BROWSER_SECONDS=60)
class SharingRecordsRetireCachedPagesTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        built = sections(languages=("ko", "en"))
        cls.policy = make_policy(library=built["policies"]["en"], title="Bus management")
        cls.seoul = make_seoul()
        cls.city = make_city(slug="ulaanbaatar", names={"ko": "울란바토르", "en": "Ulaanbaatar"})
        make_relationship(city=cls.city, kind="sister", signed_year=1995)

    def test_a_new_transfer_shows_on_the_cached_city_page(self):
        url = "/en/cities/ulaanbaatar/"
        self.assertNotContains(self.client.get(url), "Bus management")
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
        with self.captureOnCommitCallbacks(execute=True):
            make_transfer(policy=self.policy, source_city=self.seoul, target_city=self.city)
        self.assertContains(self.client.get(url), "Bus management")

    def test_a_renamed_city_shows_on_the_cached_cities_list(self):
        self.assertContains(self.client.get("/en/cities/"), "Ulaanbaatar")
        with self.captureOnCommitCallbacks(execute=True):
            self.city.names = {"ko": "울란바토르", "en": "Ulan Bator"}
            self.city.save()
        self.assertContains(self.client.get("/en/cities/"), "Ulan Bator")

    def test_registered_for_the_shared_services(self):
        from policyshare.core.content import snippet_models

        self.assertIn(TenderNotice, snippet_models())
