import json
import re
from datetime import date

from django.test import TestCase

from policyshare.cooperation_requests.tests.builders import make_request
from policyshare.core.tests.builders import make_policy, sections, translate_page
from policyshare.sharing.models import TransferOutcome

from .builders import make_city, make_project, make_relationship, make_seoul, make_transfer

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


class CityPagesTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = sections(languages=("ko", "en", "fr"))
        library = cls.sections["policies"]["ko"]
        cls.policy = make_policy(library=library, title="교통카드", slug="transport-card")
        cls.policy_en = translate_page(cls.policy, language="en", title="Transport card")
        cls.seoul = make_seoul()
        cls.ulaanbaatar = make_city(
            slug="ulaanbaatar",
            names={"ko": "울란바토르", "en": "Ulaanbaatar"},
            population=1_672_627,
            population_year=2023,
            population_source="National Statistics Office of Mongolia",
            income_group="lower_middle",
            climate_zone="continental",
            geonames_id=2028462,
        )
        cls.relationship = make_relationship(
            city=cls.ulaanbaatar, kind="friendship", signed_year=2013, source_title="SMG list"
        )
        cls.astana = make_city(
            slug="astana",
            names={"ko": "아스타나", "en": "Astana", "fr": "Astana (fr)"},
            country="KZ",
        )
        make_relationship(
            city=cls.astana, kind="sister", signed_year=1996, source_url="", illustrative=True
        )
        cls.transfer = make_transfer(
            policy=cls.policy, source_city=cls.seoul, target_city=cls.ulaanbaatar
        )
        TransferOutcome.objects.create(
            transfer=cls.transfer,
            indicator={"en": "Bus ridership", "ko": "버스 이용객"},
            unit="%",
            baseline=10,
            value=25,
            year=2019,
            evidence_url="https://example.org/evidence",
            evidence_note="City report 2019",
        )
        cls.onward = make_transfer(
            policy=cls.policy,
            source_city=cls.ulaanbaatar,
            target_city=cls.astana,
            parent=cls.transfer,
            stages=(("interest", date(2019, 3, 1)),),
        )
        cls.never = make_city(slug="never-worked-with")

    def get(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        return response.content.decode()

    def test_list_shows_the_cities_seoul_works_with_in_the_readers_language(self):
        html = self.get("/ko/cities/")
        self.assertIn("울란바토르", html)
        self.assertIn("아스타나", html)
        self.assertNotIn("never-worked-with", html)
        self.assertNotIn('href="/ko/cities/seoul/"', html)  # the portal's city is no partner
        html = self.get("/fr/cities/")
        self.assertIn("Astana (fr)", html)
        # No French name: the English one, marked as English.
        self.assertIn('lang="en" dir="ltr">Ulaanbaatar</a>', html)

    def test_list_filters_by_kind_and_country(self):
        html = self.get("/en/cities/?kind=sister")
        self.assertIn("Astana", html)
        self.assertNotIn("Ulaanbaatar</a>", html)
        html = self.get("/en/cities/?country=MN")
        self.assertIn("Ulaanbaatar</a>", html)
        self.assertNotIn("Astana</a>", html)
        html = self.get("/en/cities/?kind=transfer")
        self.assertIn("Ulaanbaatar</a>", html)
        self.assertIn("Astana</a>", html)
        # An unknown kind is no filter at all.
        self.assertIn("Astana</a>", self.get("/en/cities/?kind=nonsense&country=ZZ"))

    def test_city_page_in_korean_english_and_french(self):
        html = self.get("/ko/cities/ulaanbaatar/")
        self.assertIn("<h1", html)
        self.assertIn("울란바토르", html)
        self.assertIn("교통카드", html)
        self.assertIn("1,672,627", html)
        self.assertIn("National Statistics Office of Mongolia", html)
        self.assertIn("Asia/Ulaanbaatar", html)
        html = self.get("/en/cities/ulaanbaatar/")
        self.assertIn("What this city took up", html)
        self.assertIn("Transport card", html)  # the policy in the reader's language
        self.assertIn('href="/en/policies/transport-card/"', html)
        self.assertIn("Bus ridership", html)
        self.assertIn("https://example.org/evidence", html)
        self.assertIn("What this city passed on", html)
        self.assertIn('href="/en/cities/astana/"', html)
        self.assertIn("https://example.org/source", html)  # the relationship's source
        # French: no French name, no French policy: the English fallbacks, marked.
        html = self.get("/fr/cities/ulaanbaatar/")
        self.assertIn('<h1 id="city-title" lang="en" dir="ltr">Ulaanbaatar</h1>', html)
        self.assertIn(">Transport card</a>", html)

    def test_unknown_slug_and_city_never_worked_with_are_404(self):
        self.get("/en/cities/no-such-city/", status=404)
        self.get("/en/cities/never-worked-with/", status=404)

    def test_illustrative_records_say_so(self):
        html = self.get("/en/cities/astana/")
        self.assertIn("Illustrative: no published source was found", html)
        html = self.get("/en/cities/ulaanbaatar/")
        self.assertNotIn("Illustrative: no published source was found", html)

    def test_requests_are_counted_never_named(self):
        for name in ("Batbayar Secret", "Oyun Hidden"):
            request, _token = make_request(
                name=name, email=f"{name.split()[0].lower()}@example.org"
            )
            request.city_record = self.ulaanbaatar
            request.save(update_fields=["city_record"])
        # A firm asking Seoul to invite the city's officials names it as the target: it is
        # not a request from the city.
        invitation, _token = make_request(kind="officials_invitation", name="Firm Person")
        invitation.city_record = self.ulaanbaatar
        invitation.save(update_fields=["city_record"])
        html = self.get("/en/cities/ulaanbaatar/")
        self.assertIn("2 requests for cooperation have come from this city.", html)
        self.assertNotIn("Batbayar", html)
        self.assertNotIn("Oyun", html)
        self.assertNotIn("example.org/track", html)
        self.assertIn('href="/en/requests/consultation/?city=ulaanbaatar"', html)

    def test_projects_of_the_city_in_the_readers_language(self):
        project = make_project(
            section=self.sections["sharing"]["en"],
            title="Bus reform support",
            cities=[self.ulaanbaatar],
        )
        html = self.get("/en/cities/ulaanbaatar/")
        self.assertIn(">Bus reform support</a>", html)
        self.assertIn(f'href="{project.url}"', html)

    def test_json_ld_is_a_city_with_coordinates_and_geonames(self):
        html = self.get("/en/cities/ulaanbaatar/")
        blocks = [json.loads(block) for block in JSON_LD.findall(html)]
        self.assertEqual(len(blocks), 1)
        data = blocks[0]
        self.assertEqual(data["@type"], "City")
        self.assertEqual(data["name"], "Ulaanbaatar")
        self.assertEqual(data["geo"]["@type"], "GeoCoordinates")
        self.assertEqual(data["geo"]["latitude"], 47.9)
        self.assertEqual(
            data["containedInPlace"], {"@type": "Country", "name": "Mongolia", "identifier": "MN"}
        )
        self.assertEqual(data["sameAs"], "https://www.geonames.org/2028462")
        self.assertEqual(data["url"], "http://localhost/en/cities/ulaanbaatar/")
        self.assertIn(
            '<meta property="og:url" content="http://localhost/en/cities/ulaanbaatar/">', html
        )
        self.assertNotIn("sameAs", JSON_LD.findall(self.get("/en/cities/astana/"))[0])

    def test_canonical_hreflang_and_language_switcher_stay_on_the_city(self):
        html = self.get("/en/cities/ulaanbaatar/")
        self.assertIn('<link rel="canonical" href="http://localhost/en/cities/ulaanbaatar/">', html)
        for code in ("ko", "en", "fr"):
            self.assertIn(
                f'<link rel="alternate" hreflang="{code}" '
                f'href="http://localhost/{code}/cities/ulaanbaatar/">',
                html,
            )
        self.assertIn('href="/ko/cities/ulaanbaatar/" lang="ko"', html)
        self.assertIn('href="/fr/cities/ulaanbaatar/" lang="fr"', html)
        # The list itself keeps its own address.
        html = self.get("/en/cities/")
        self.assertIn('<link rel="canonical" href="http://localhost/en/cities/">', html)
        self.assertIn('href="/ko/cities/" lang="ko"', html)

    def test_sitemap_lists_every_city_page_with_alternates(self):
        xml = self.get("/sitemap.xml")
        for code in ("ko", "en", "fr"):
            for slug in ("ulaanbaatar", "astana", "seoul"):
                self.assertIn(f"<loc>http://localhost/{code}/cities/{slug}/</loc>", xml)
        self.assertNotIn("never-worked-with", xml)
        self.assertIn('hreflang="fr" href="http://localhost/fr/cities/ulaanbaatar/"', xml)
