"""/api/v1/cities, /api/v1/transfers and /api/v1/projects: content, filters, errors, lineage,
the OpenAPI document and fixed query counts."""

from datetime import date
from decimal import Decimal

from django.core.cache import cache, caches
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from policyshare.core.tests import builders
from policyshare.sharing.models import (
    Network,
    ProjectParticipant,
    ProjectRelation,
    ProjectResult,
    ProjectSource,
    TransferOutcome,
)

from .builders import make_city, make_project, make_relationship, make_seoul, make_transfer


@override_settings(OPEN_DATA_API_RATE_LIMIT=1_000_000)
class SharingApiTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.policy = builders.make_policy(
            library=cls.sections["policies"]["ko"], title="교통카드", slug="transport-card"
        )
        cls.policy_en = builders.translate_page(cls.policy, language="en", title="Transport card")
        cls.draft_policy = builders.make_policy(
            library=cls.sections["policies"]["ko"], title="초안", slug="draft-policy"
        )
        cls.draft_policy.unpublish()
        cls.citynet = Network.objects.create(acronym="CITYNET", name="CITYNET")
        cls.seoul = make_seoul()
        cls.ulaanbaatar = make_city(
            slug="ulaanbaatar",
            names={"ko": "울란바토르", "en": "Ulaanbaatar", "fr": "Oulan-Bator"},
            income_group="lower_middle",
            climate_zone="continental",
        )
        cls.ulaanbaatar.networks.add(cls.citynet)
        cls.ulaanbaatar.save()  # a parental many-to-many is written when its city is
        make_relationship(city=cls.ulaanbaatar, kind="friendship", signed_year=2009)
        cls.bogota = make_city(
            slug="bogota",
            names={"ko": "보고타", "en": "Bogotá"},
            country="CO",
            time_zone="America/Bogota",
            income_group="upper_middle",
            climate_zone="temperate",
        )
        cls.lonely = make_city(slug="lonely", country="FR", time_zone="Europe/Paris")
        cls.project = make_project(
            section=cls.sections["sharing"]["en"],
            title="Ulaanbaatar bus management",
            slug="ub-bus",
            cities=[cls.ulaanbaatar],
            policies=[cls.policy_en],
            status="closed",
            budget_amount=Decimal("1500000.00"),
            budget_currency="USD",
            budget_source="KOICA",
        )
        ProjectParticipant.objects.create(
            page=cls.project, name="Ulaanbaatar", role="partner_city", city=cls.ulaanbaatar
        )
        ProjectResult.objects.create(
            page=cls.project,
            title="Faster buses",
            indicator="Speed",
            baseline=Decimal("12"),
            baseline_year=2014,
            actual=Decimal("18"),
            actual_year=2017,
        )
        ProjectSource.objects.create(
            page=cls.project, title="Report", url="https://example.org/report"
        )
        cls.other_project = make_project(section=cls.sections["sharing"]["ko"], status="pipeline")
        ProjectRelation.objects.create(page=cls.project, related=cls.other_project, kind="3")
        cls.transfer = make_transfer(
            policy=cls.policy,
            source_city=cls.seoul,
            target_city=cls.ulaanbaatar,
            project=cls.project,
        )
        TransferOutcome.objects.create(
            transfer=cls.transfer,
            indicator={"en": "Card users", "ko": "카드 이용자"},
            value=Decimal("500000"),
            year=2018,
        )
        cls.onward = make_transfer(
            policy=cls.policy,
            source_city=cls.ulaanbaatar,
            target_city=cls.bogota,
            parent=cls.transfer,
            channel="study_visit",
            stages=(("interest", date(2019, 1, 1)),),
        )
        cls.further = make_transfer(
            policy=cls.policy,
            source_city=cls.bogota,
            target_city=cls.lonely,
            parent=cls.onward,
            stages=(("interest", date(2021, 1, 1)),),
        )
        cls.hidden = make_transfer(
            policy=cls.draft_policy, source_city=cls.seoul, target_city=cls.bogota
        )

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def get_json(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, response.content)
        self.assertTrue(response["Content-Type"].startswith("application/json"))
        return response.json()

    def slugs(self, url):
        return [item["slug"] for item in self.get_json(url)["results"]]

    def ids(self, url):
        return sorted(item["id"] for item in self.get_json(url)["results"])


class CityEndpointTests(SharingApiTestCase):
    def test_list_gives_every_name_and_one_in_the_readers_language(self):
        data = self.get_json("/api/v1/cities?hl=fr")
        self.assertEqual(data["count"], 4)
        city = next(item for item in data["results"] if item["slug"] == "ulaanbaatar")
        self.assertEqual(
            city["names"], {"ko": "울란바토르", "en": "Ulaanbaatar", "fr": "Oulan-Bator"}
        )
        self.assertEqual(city["name"], "Oulan-Bator")
        self.assertEqual(city["networks"], ["CITYNET"])
        self.assertEqual(city["relationships"][0]["kind"], "friendship")
        bogota = next(item for item in data["results"] if item["slug"] == "bogota")
        self.assertEqual((bogota["name"], bogota["name_language"]), ("Bogotá", "en"))
        ko = self.get_json("/api/v1/cities?hl=ko")["results"]
        self.assertIn("울란바토르", [item["name"] for item in ko])

    def test_filters(self):
        self.assertEqual(self.slugs("/api/v1/cities?country=co"), ["bogota"])
        self.assertEqual(self.slugs("/api/v1/cities?relationship=friendship"), ["ulaanbaatar"])
        self.assertEqual(self.slugs("/api/v1/cities?relationship=sister"), [])
        self.assertEqual(self.slugs("/api/v1/cities?income_group=upper_middle"), ["bogota"])
        self.assertEqual(self.slugs("/api/v1/cities?climate_zone=temperate"), ["bogota"])
        self.assertEqual(self.slugs("/api/v1/cities?network=citynet"), ["ulaanbaatar"])
        self.assertEqual(
            self.slugs("/api/v1/cities?has_transfers=true"),
            ["bogota", "lonely", "seoul", "ulaanbaatar"],
        )
        self.assertEqual(self.slugs("/api/v1/cities?has_transfers=false"), [])

    def test_bad_filters_are_422(self):
        for url in [
            "/api/v1/cities?income_group=rich",
            "/api/v1/cities?relationship=cousin",
            "/api/v1/cities?country=KOR",
            "/api/v1/cities?hl=xx",
            "/api/v1/cities?has_transfers=perhaps",
            "/api/v1/cities?page_size=1000",
        ]:
            with self.subTest(url=url):
                self.assertIn("detail", self.get_json(url, status=422))

    def test_detail_and_unknown_slug(self):
        data = self.get_json("/api/v1/cities/ulaanbaatar")
        self.assertEqual(data["transfers_in"], [self.transfer.pk])
        self.assertEqual(data["transfers_out"], [self.onward.pk])
        self.assertEqual(data["projects"], [self.project.pk])
        self.assertEqual(self.get_json("/api/v1/cities/nowhere", status=404)["detail"], "Not Found")


class TransferEndpointTests(SharingApiTestCase):
    def test_list_carries_history_outcomes_sources_and_parent(self):
        data = self.get_json("/api/v1/transfers?hl=ko")
        # The draft policy's transfer is not open data.
        self.assertEqual(data["count"], 3)
        item = next(row for row in data["results"] if row["id"] == self.transfer.pk)
        self.assertEqual(item["policy"]["translation_key"], str(self.policy.translation_key))
        self.assertEqual(item["source_city"]["slug"], "seoul")
        self.assertEqual(item["target_city"]["name"], "울란바토르")
        self.assertEqual([s["stage"] for s in item["stages"]], ["interest", "implemented"])
        self.assertEqual(item["outcomes"][0]["indicator_text"], "카드 이용자")
        self.assertEqual(item["sources"][0]["url"], "https://example.org/news")
        self.assertEqual(item["project_id"], self.project.pk)
        self.assertFalse(item["illustrative"])
        onward = next(row for row in data["results"] if row["id"] == self.onward.pk)
        self.assertEqual(onward["parent_id"], self.transfer.pk)

    def test_filters(self):
        key = self.policy.translation_key
        every = sorted([self.transfer.pk, self.onward.pk, self.further.pk])
        self.assertEqual(self.ids(f"/api/v1/transfers?policy={key}"), every)
        # Any language version's id names the policy.
        self.assertEqual(self.ids(f"/api/v1/transfers?policy={self.policy_en.pk}"), every)
        self.assertEqual(self.ids("/api/v1/transfers?source_city=seoul"), [self.transfer.pk])
        self.assertEqual(self.ids("/api/v1/transfers?target_city=bogota"), [self.onward.pk])
        self.assertEqual(self.ids("/api/v1/transfers?channel=study_visit"), [self.onward.pk])
        self.assertEqual(self.ids("/api/v1/transfers?stage=implemented"), [self.transfer.pk])
        self.assertEqual(self.ids("/api/v1/transfers?mode=copy"), [])
        self.assertEqual(
            self.ids("/api/v1/transfers?year_from=2019&year_to=2020"), [self.onward.pk]
        )
        self.assertEqual(self.ids("/api/v1/transfers?year_to=2015"), [self.transfer.pk])

    def test_bad_filters_are_422_with_a_message(self):
        # A reversed range is valid by the schema, and empty.
        self.assertEqual(self.ids("/api/v1/transfers?year_from=2020&year_to=2010"), [])
        data = self.get_json("/api/v1/transfers?stage=finished", status=422)
        self.assertIn("stage", str(data["detail"]))
        for url in [
            "/api/v1/transfers?stage=finished",
            "/api/v1/transfers?channel=telepathy",
            "/api/v1/transfers?policy=not-a-key",
            "/api/v1/transfers?source_city=a/b",
            "/api/v1/transfers?year_from=99",
        ]:
            with self.subTest(url=url):
                self.assertIn("detail", self.get_json(url, status=422))

    def test_detail_walks_the_lineage_both_ways(self):
        data = self.get_json(f"/api/v1/transfers/{self.onward.pk}")
        self.assertEqual(
            [(a["id"], a["depth"]) for a in data["ancestors"]], [(self.transfer.pk, 1)]
        )
        self.assertEqual(
            [(d["id"], d["depth"]) for d in data["descendants"]], [(self.further.pk, 1)]
        )
        root = self.get_json(f"/api/v1/transfers/{self.transfer.pk}")
        self.assertEqual(root["ancestors"], [])
        self.assertEqual(
            [(d["id"], d["depth"]) for d in root["descendants"]],
            [(self.onward.pk, 1), (self.further.pk, 2)],
        )

    def test_unknown_and_unpublished_transfers_are_404(self):
        self.get_json("/api/v1/transfers/999999", status=404)
        self.get_json(f"/api/v1/transfers/{self.hidden.pk}", status=404)
        self.get_json("/api/v1/transfers/0", status=422)


class ProjectEndpointTests(SharingApiTestCase):
    def test_list_and_filters(self):
        self.assertEqual(
            self.ids("/api/v1/projects"), sorted([self.project.pk, self.other_project.pk])
        )
        self.assertEqual(self.ids("/api/v1/projects?status=closed"), [self.project.pk])
        self.assertEqual(self.ids("/api/v1/projects?city=ulaanbaatar"), [self.project.pk])
        self.assertEqual(self.ids("/api/v1/projects?language=ko"), [self.other_project.pk])
        key = self.policy.translation_key
        self.assertEqual(self.ids(f"/api/v1/projects?policy={key}"), [self.project.pk])
        self.assertEqual(self.ids(f"/api/v1/projects?policy={self.policy.pk}"), [self.project.pk])
        self.get_json("/api/v1/projects?status=done", status=422)

    def test_detail(self):
        data = self.get_json(f"/api/v1/projects/{self.project.pk}")
        self.assertEqual(data["cities"], ["ulaanbaatar"])
        self.assertEqual(data["policies"], [self.policy_en.pk])
        self.assertEqual(
            data["budget"], {"amount": "1500000.00", "currency": "USD", "source": "KOICA"}
        )
        self.assertEqual(data["participants"][0]["city"], "ulaanbaatar")
        self.assertEqual(data["results"][0]["actual"], "18.0000")
        self.assertEqual(data["related"], [{"id": self.other_project.pk, "kind": "3"}])
        self.assertEqual(data["sources"][0]["url"], "https://example.org/report")
        self.assertEqual(data["transfers"], [self.transfer.pk])
        self.get_json("/api/v1/projects/999999", status=404)


class SchemaAndIndexTests(SharingApiTestCase):
    def test_endpoints_and_enum_values_are_in_the_openapi_document(self):
        schema = self.get_json("/api/v1/openapi.json")
        for path in [
            "/api/v1/cities",
            "/api/v1/cities/{slug}",
            "/api/v1/transfers",
            "/api/v1/transfers/{transfer_id}",
            "/api/v1/projects",
            "/api/v1/projects/{project_id}",
        ]:
            self.assertIn(path, schema["paths"])
        components = schema["components"]["schemas"]
        self.assertIn("not_pursued", components["TransferStage"]["enum"])
        self.assertEqual(
            components["RelationshipKind"]["enum"], ["sister", "friendship", "memorandum"]
        )
        self.assertIn("implementation", components["ProjectStatus"]["enum"])
        operation = schema["paths"]["/api/v1/transfers"]["get"]["operationId"]
        self.assertEqual(operation, "policyshare_api_api_list_transfers")

    def test_index_lists_the_collections(self):
        collections = self.get_json("/api/v1/")["collections"]
        for name in ["cities", "transfers", "projects"]:
            self.assertTrue(collections[name].endswith(f"/api/v1/{name}"))


class QueryCountTests(SharingApiTestCase):
    """The lists and details run a fixed number of queries, however many rows they hold."""

    URLS = [
        "/api/v1/cities",
        "/api/v1/cities?network=CITYNET&has_transfers=true",
        "/api/v1/transfers",
        "/api/v1/transfers?policy={key}&year_from=2000",
        "/api/v1/projects",
        "/api/v1/projects?city=ulaanbaatar",
        "/api/v1/projects/{project}",
        "/api/v1/transfers/{transfer}",
        "/api/v1/cities/ulaanbaatar",
    ]

    def queries_for(self, url):
        cache.clear()
        caches["limits"].clear()
        url = url.format(
            key=self.policy.translation_key, project=self.project.pk, transfer=self.transfer.pk
        )
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(queries)

    def add_rows(self, n):
        """n more of everything: cities in the network with relationships and transfers,
        transfers with outcomes descending from the first, projects with inline rows."""
        for _ in range(n):
            city = make_city()
            city.networks.add(self.citynet)
            city.save()
            make_relationship(city=city)
            transfer = make_transfer(
                policy=self.policy_en,
                source_city=self.ulaanbaatar,
                target_city=city,
                parent=self.transfer,
                project=self.project,
            )
            TransferOutcome.objects.create(
                transfer=transfer, indicator={"en": "Users"}, value=1, year=2018
            )
            project = make_project(
                section=self.sections["sharing"]["en"],
                cities=[self.ulaanbaatar, city],
                policies=[self.policy_en],
            )
            ProjectParticipant.objects.create(page=project, name="Firm", role="firm", city=city)
            ProjectRelation.objects.create(page=self.project, related=project)
            ProjectSource.objects.create(page=project, title="S", url="https://example.org/s")

    def test_query_counts_do_not_grow_with_rows(self):
        self.add_rows(2)
        for url in self.URLS:
            self.queries_for(url)  # warm up per-process caches (content types, sites)
        before = {url: self.queries_for(url) for url in self.URLS}
        self.add_rows(18)
        after = {url: self.queries_for(url) for url in self.URLS}
        self.assertEqual(before, after)
        self.assertEqual(self.get_json("/api/v1/cities?page_size=100")["count"], 24)
