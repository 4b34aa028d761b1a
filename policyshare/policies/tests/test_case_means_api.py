"""The API carries a case's cost and means, how it was done and its lifecycle: the typed
/api/v1/policies/{id}, the generic /api/v1/pages/{id} (api_fields), and the OpenAPI schema."""

import datetime
from decimal import Decimal

from django.core.cache import cache, caches
from django.test import TestCase
from wagtail.models import PageViewRestriction

from policyshare.core.tests import builders
from policyshare.policies.models import BudgetLine, ExchangeRate
from policyshare.sharing.tests.builders import make_seoul


class CaseMeansApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))
        library = cls.sections["policies"]["en"]
        seoul = make_seoul()
        seoul.population = 9_000_000
        seoul.save()
        ExchangeRate.objects.create(
            currency="KRW", year=2019, units_per_usd=Decimal("1000"), source="Test"
        )
        cls.successor = builders.make_policy(library=library, slug="next")
        cls.policy = builders.make_policy(
            library=library,
            slug="buses",
            staff_fte=Decimal("4.0"),
            obstacles=[("obstacle", {"obstacle": "Opposition", "response": "Talks"})],
            stakeholders=[("stakeholder", {"name": "Union", "role": "Partner"})],
            legal_basis=[
                ("law", {"title": "Ordinance", "url": "https://law.example/", "note": ""})
            ],
            precondition_technology="GPS on buses",
            sdg_targets="11.2",
            lifecycle=[
                (
                    "stage",
                    {
                        "status": "superseded",
                        "start": datetime.date(2020, 1, 1),
                        "end": None,
                        "reason": "Merged",
                    },
                )
            ],
            successor=cls.successor,
        )
        for position, (amount, currency) in enumerate([("9000000", "KRW"), ("10", "EUR")]):
            BudgetLine.objects.create(
                page=cls.policy,
                amount=Decimal(amount),
                currency=currency,
                year=2019,
                sort_order=position,
            )

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def get_json(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, response.content[:300])
        return response.json()

    def test_policy_detail(self):
        data = self.get_json(f"/api/v1/policies/{self.policy.pk}")
        lines = data["cost"]["budget_lines"]
        self.assertEqual([line["currency"] for line in lines], ["KRW", "EUR"])
        self.assertEqual(Decimal(lines[0]["amount_usd"]), Decimal("9000"))
        self.assertIsNone(lines[1]["amount_usd"])
        self.assertIn("EUR", lines[1]["no_usd_reason"])
        self.assertIsNone(data["cost"]["total_usd"])
        self.assertEqual(Decimal(data["cost"]["staff_fte"]), Decimal("4"))
        self.assertEqual(data["cost"]["population"], 9_000_000)
        self.assertEqual(data["obstacles"], [{"obstacle": "Opposition", "response": "Talks"}])
        self.assertEqual(data["stakeholders"], [{"name": "Union", "role": "Partner"}])
        self.assertEqual(data["legal_basis"][0]["url"], "https://law.example/")
        self.assertEqual(data["preconditions"]["technology"], "GPS on buses")
        self.assertEqual(data["sdg_targets"], ["11.2"])
        self.assertEqual(data["lifecycle"]["status"], "superseded")
        self.assertEqual(data["lifecycle"]["stages"][0]["start"], "2020-01-01")
        self.assertEqual(data["lifecycle"]["successor"], self.successor.pk)

    def test_unpublished_successor_is_not_named(self):
        self.successor.unpublish()
        data = self.get_json(f"/api/v1/policies/{self.policy.pk}")
        self.assertIsNone(data["lifecycle"]["successor"])
        fields = self.get_json(f"/api/v1/pages/{self.policy.pk}")["fields"]
        self.assertIsNone(fields["successor"])

    def test_private_successor_is_not_named(self):
        PageViewRestriction.objects.create(
            page=self.successor, restriction_type=PageViewRestriction.LOGIN
        )
        data = self.get_json(f"/api/v1/policies/{self.policy.pk}")
        self.assertIsNone(data["lifecycle"]["successor"])
        fields = self.get_json(f"/api/v1/pages/{self.policy.pk}")["fields"]
        self.assertIsNone(fields["successor"])
        # The rest of the fields are unchanged.
        self.assertEqual(fields["lifecycle_status"], "superseded")

    def test_policy_page_links_its_successor_only_when_public(self):
        successor_link = f'href="{self.successor.url}"'
        page = self.client.get(self.policy.url)
        self.assertContains(page, successor_link)
        PageViewRestriction.objects.create(
            page=self.successor, restriction_type=PageViewRestriction.LOGIN
        )
        cache.clear()
        self.assertNotContains(self.client.get(self.policy.url), successor_link)
        PageViewRestriction.objects.filter(page=self.successor).delete()
        self.successor.unpublish()
        cache.clear()
        self.assertNotContains(self.client.get(self.policy.url), successor_link)

    def test_total_and_per_resident_when_every_line_converts(self):
        BudgetLine.objects.filter(currency="EUR").delete()
        cost = self.get_json(f"/api/v1/policies/{self.policy.pk}")["cost"]
        self.assertEqual(Decimal(cost["total_usd"]), Decimal("9000"))
        self.assertEqual(Decimal(cost["usd_per_resident"]), Decimal("0.001"))

    def test_pages_api_fields(self):
        fields = self.get_json(f"/api/v1/pages/{self.policy.pk}")["fields"]
        self.assertEqual(fields["cost"]["budget_lines"][0]["currency"], "KRW")
        self.assertEqual(fields["sdg_targets"], "11.2")
        self.assertEqual(fields["lifecycle_status"], "superseded")
        self.assertEqual(fields["successor"], self.successor.pk)
        self.assertEqual(fields["obstacles"][0]["value"]["obstacle"], "Opposition")
        self.assertEqual(fields["precondition_technology"], "GPS on buses")

    def test_openapi_schema_describes_the_fields(self):
        schemas = self.get_json("/api/v1/openapi.json")["components"]["schemas"]
        detail = schemas["PolicyDetail"]["properties"]
        for name in (
            "cost",
            "obstacles",
            "stakeholders",
            "legal_basis",
            "preconditions",
            "sdg_targets",
            "lifecycle",
        ):
            self.assertIn(name, detail)
        line = schemas["BudgetLineOut"]["properties"]
        self.assertIn("amount_usd", line)
        self.assertIn("exchange-rate table", line["amount_usd"]["description"])
