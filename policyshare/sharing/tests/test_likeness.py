""" "Cities like mine": the ranking, the form, the page in three languages, its query count."""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from policyshare.core.tests import builders
from policyshare.core.tests.html_checks import assert_accessible_page
from policyshare.sharing.likeness import rank_policies
from policyshare.sharing.models import TransferOutcome
from policyshare.sharing.tests.builders import make_city, make_seoul, make_transfer

PROFILE = {
    "population_band": "1m_5m",
    "income_group": "lower_middle",
    "climate_zone": "continental",
}
D1, D2 = date(2015, 3, 1), date(2017, 6, 1)


def stages(last, reason=""):
    return (("interest", D1), (last, D2, reason)) if reason else (("interest", D1), (last, D2))


class LikenessFixture:
    """Cities alike to PROFILE in 3, 2, 1 and 0 attributes, and five policies:

    P1: A implemented (3 * 0.9 = 2.7), D sustained (unlike: left out)      → 2.7, 1 city
    P2: B pilot (2 * 0.6 = 1.2), C pilot (1 * 0.6 = 0.6)                    → 1.8, 2 cities
    P3: A pilot (3 * 0.6 = 1.8)                                             → 1.8, 1 city
    P4: A failed (exit: 0, a caution), C interest only (1 * 0.1)            → 0.1, 1 city
    P5: D only                                                               → not listed
    """

    @classmethod
    def build(cls, languages=("ko", "en")):
        cls.sections = builders.sections(languages=languages)
        library = cls.sections["policies"]["en"]
        cls.seoul = make_seoul()
        cls.a = make_city(
            slug="city-a",
            names={"ko": "가 도시", "en": "Alpha"},
            population=1_500_000,
            income_group="lower_middle",
            climate_zone="continental",
        )
        cls.b = make_city(
            slug="city-b",
            names={"ko": "나 도시", "en": "Bravo"},
            population=2_000_000,
            income_group="lower_middle",
            climate_zone="arid",
        )
        cls.c = make_city(
            slug="city-c",
            names={"ko": "다 도시", "en": "Charlie"},
            population=700_000,
            income_group="upper_middle",
            climate_zone="continental",
        )
        cls.d = make_city(
            slug="city-d",
            names={"ko": "라 도시", "en": "Delta"},
            population=15_000_000,
            income_group="high",
            climate_zone="tropical",
        )
        cls.p = {
            n: builders.make_policy(library=library, title=f"Policy {n}", slug=f"likeness-p{n}")
            for n in range(1, 6)
        }

        def transfer(policy, city, last, reason=""):
            return make_transfer(
                policy=cls.p[policy],
                source_city=cls.seoul,
                target_city=city,
                stages=stages(last, reason) if last != "interest" else (("interest", D1),),
            )

        cls.p1_a = transfer(1, cls.a, "implemented")
        TransferOutcome.objects.create(
            transfer=cls.p1_a,
            sort_order=0,
            indicator={"en": "Bus ridership"},
            unit="%",
            baseline=Decimal("10"),
            value=Decimal("25"),
            year=2019,
        )
        transfer(1, cls.d, "sustained")
        transfer(2, cls.b, "pilot")
        transfer(2, cls.c, "pilot")
        transfer(3, cls.a, "pilot")
        transfer(4, cls.a, "failed", "The budget was cut")
        transfer(4, cls.c, "interest")
        transfer(5, cls.d, "sustained")


class RankingTests(LikenessFixture, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build()

    def test_policies_are_ranked_by_similarity_times_stage_weight_ties_by_cities(self):
        ranking = rank_policies(profile=PROFILE, language="en")
        self.assertEqual(
            [(item.policy.title, item.score, item.city_count) for item in ranking],
            [
                ("Policy 1", Decimal("2.7"), 1),
                ("Policy 2", Decimal("1.8"), 2),
                ("Policy 3", Decimal("1.8"), 1),
                ("Policy 4", Decimal("0.1"), 1),
            ],
        )

    def test_exits_weigh_nothing_but_are_shown_as_cautions(self):
        p4 = rank_policies(profile=PROFILE, language="en")[-1]
        self.assertEqual([u.city for u in p4.cautions], [self.a])
        self.assertEqual(p4.cautions[0].exit_reason, "The budget was cut")
        self.assertEqual([u.city for u in p4.adoptions], [self.c])

    def test_unlike_cities_do_not_count(self):
        p1 = rank_policies(profile=PROFILE, language="en")[0]
        self.assertEqual([u.city for u in p1.uptakes], [self.a])
        self.assertEqual(p1.uptakes[0].matches, list(PROFILE))

    def test_one_attribute_compares_on_that_attribute_only(self):
        ranking = rank_policies(profile={"climate_zone": "tropical"}, language="en")
        self.assertEqual([item.policy.title for item in ranking], ["Policy 1", "Policy 5"])
        self.assertEqual([item.score for item in ranking], [Decimal("1.0"), Decimal("1.0")])

    def test_a_known_city_is_left_out_of_its_own_comparison(self):
        ranking = rank_policies(profile=PROFILE, exclude_city=self.a, language="en")
        self.assertEqual(
            [(item.policy.title, item.score) for item in ranking],
            [("Policy 2", Decimal("1.8")), ("Policy 4", Decimal("0.1"))],
        )


class PageTests(LikenessFixture, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build(languages=("ko", "en", "fr"))

    def url(self, language="en"):
        return f"/{language}/sharing/cities-like-mine/"

    def test_the_page_renders_in_korean_english_and_french(self):
        for language in ("ko", "en", "fr"):
            with self.subTest(language=language):
                response = self.client.get(self.url(language))
                self.assertEqual(response.status_code, 200)
                assert_accessible_page(response.content.decode(), lang=language)
                response = self.client.get(self.url(language), {"city": "city-b"})
                self.assertEqual(response.status_code, 200)
                assert_accessible_page(response.content.decode(), lang=language)
                self.assertContains(response, f'href="/{language}/cities/city-a/"')

    def test_described_city_lists_policies_with_cities_stage_and_outcomes(self):
        type(self.p1_a).objects.filter(pk=self.p1_a.pk).update(illustrative=True)
        response = self.client.get(self.url(), PROFILE)
        html = response.content.decode()
        titles = [item.policy.title for item in response.context["ranking"]]
        self.assertEqual(titles, ["Policy 1", "Policy 2", "Policy 3", "Policy 4"])
        self.assertIn('href="/en/cities/city-a/"', html)
        self.assertIn("Implemented (2017)", html)
        self.assertIn("Bus ridership: 10 → 25 %", html)
        self.assertIn("The budget was cut", html)
        self.assertIn("How the ranking works", html)
        self.assertIn("Illustrative: no published source was found", html)

    def test_a_known_city_uses_its_attributes(self):
        response = self.client.get(self.url(), {"city": "city-a"})
        self.assertEqual(
            [item.policy.title for item in response.context["ranking"]], ["Policy 2", "Policy 4"]
        )

    def test_bad_values_are_form_errors_not_server_errors(self):
        cases = [
            {"population_band": "huge"},
            {"income_group": "rich"},
            {"climate_zone": "<script>"},
            {"city": "atlantis"},
            {"city": "", "population_band": "", "income_group": "", "climate_zone": ""},
        ]
        for params in cases:
            with self.subTest(params=params):
                response = self.client.get(self.url(), params)
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response.context["form"].errors)
                self.assertIsNone(response.context["ranking"])
                self.assertContains(response, "error-summary")

    def test_a_known_city_with_no_attributes_asks_for_a_description(self):
        make_city(slug="unknown-town", names={"ko": "미상", "en": "Unknown town"})
        response = self.client.get(self.url(), {"city": "unknown-town"})
        self.assertIn("describe it", str(response.context["form"].non_field_errors()))


class QueryCountTests(TestCase):
    """The page reads a fixed number of queries whatever the number of cities and transfers."""

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.seoul = make_seoul()

    def add(self, n):
        library = self.sections["policies"]["en"]
        for _ in range(n):
            city = make_city(population=2_000_000, income_group="lower_middle", climate_zone="arid")
            policy = builders.make_policy(library=library)
            transfer = make_transfer(policy=policy, source_city=self.seoul, target_city=city)
            TransferOutcome.objects.create(
                transfer=transfer, sort_order=0, indicator={"en": "X"}, value=1, year=2019
            )

    def queries(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/en/sharing/cities-like-mine/", PROFILE)
        self.assertEqual(response.status_code, 200)
        return len(queries), len(response.context["ranking"])

    def test_query_count_does_not_grow(self):
        self.add(2)
        self.queries()  # warm caches (site root, content types)
        before, shown_before = self.queries()
        self.add(18)
        after, shown_after = self.queries()
        self.assertEqual((shown_before, shown_after), (2, 20))
        self.assertEqual(before, after)
