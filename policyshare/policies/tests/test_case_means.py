"""A policy case's cost and means, how it was done and its lifecycle (issue 19, items 2-4).

Budget lines become US dollars of their year through the editors' exchange-rate table, and a
cost per resident where the city's population is known; a currency without a rate shows the
original amount and says why. A negative amount, an unknown SDG target, a stage that ends
before it begins and a successor that loops back are form errors that save nothing.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from policyshare.core.tests import builders
from policyshare.core.tests.html_checks import assert_accessible_page
from policyshare.policies.means import sdg_target_codes, validate_sdg_targets
from policyshare.policies.models import BudgetLine, ExchangeRate, PolicyCase
from policyshare.policies.selectors import case_costs
from policyshare.sharing.tests.builders import make_seoul
from policyshare.translations.fields import fingerprints


def stage(status, start, end=None, reason=""):
    return ("stage", {"status": status, "start": start, "end": end, "reason": reason})


class CaseCostTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))
        cls.library = cls.sections["policies"]["en"]
        cls.seoul = make_seoul()
        cls.seoul.population = 10_000_000
        cls.seoul.population_year = 2020
        cls.seoul.population_source = "Statistics Korea"
        cls.seoul.save()
        ExchangeRate.objects.create(
            currency="KRW", year=2019, units_per_usd=Decimal("1200"), source="Test table"
        )
        cls.policy = builders.make_policy(
            library=cls.library, slug="buses", staff_fte=Decimal("12.5"), budget="Note"
        )
        BudgetLine.objects.create(
            page=cls.policy,
            amount=Decimal("12000000000"),
            currency="KRW",
            year=2019,
            funding_source="City budget",
            sort_order=0,
        )
        BudgetLine.objects.create(
            page=cls.policy,
            amount=Decimal("500000"),
            currency="USD",
            year=2019,
            funding_source="Donations",
            sort_order=1,
        )

    def test_amounts_in_usd_total_and_per_resident(self):
        costs = case_costs(self.policy)
        self.assertEqual(
            [item.usd for item in costs.lines], [Decimal("10000000.00"), Decimal("500000")]
        )
        self.assertEqual(costs.total_usd, Decimal("10500000.00"))
        self.assertEqual(costs.usd_per_resident, Decimal("1.05"))
        self.assertEqual(costs.population, 10_000_000)

    def test_page_shows_cost_and_staff(self):
        with translation.override("en"):
            response = self.client.get(self.policy.url)
        self.assertContains(response, "Cost and means")
        self.assertContains(response, "KRW 12,000,000,000")
        self.assertContains(response, "US$ 10,000,000")
        self.assertContains(response, "US$ 10,500,000")
        self.assertContains(response, "US$ 1.05")
        self.assertContains(response, "12.5")
        self.assertContains(response, "Note")
        assert_accessible_page(response.content.decode(), lang="en")

    def test_currency_without_rate_shows_original_and_why(self):
        BudgetLine.objects.create(
            page=self.policy, amount=Decimal("1000"), currency="EUR", year=2019, sort_order=2
        )
        costs = case_costs(self.policy)
        missing = costs.lines[2]
        self.assertIsNone(missing.usd)
        self.assertIn("EUR", str(missing.no_usd_reason))
        self.assertIsNone(costs.total_usd)
        self.assertIsNone(costs.usd_per_resident)
        with translation.override("en"):
            response = self.client.get(self.policy.url)
        self.assertContains(response, "EUR 1,000")
        self.assertContains(response, "No exchange rate for EUR in 2019 in the rate table.")
        self.assertContains(response, "Only the original amount is shown.")
        self.assertContains(response, "Not calculated")

    def test_rate_of_another_year_is_not_used(self):
        BudgetLine.objects.filter(currency="KRW").update(year=2020)
        self.assertIsNone(case_costs(self.policy).lines[0].usd)

    def test_partner_city_case_has_no_per_resident_figure(self):
        self.policy.contributing_city = "Bogotá, Colombia"
        costs = case_costs(self.policy)
        self.assertEqual(costs.total_usd, Decimal("10500000.00"))
        self.assertIsNone(costs.usd_per_resident)

    def test_queries_do_not_grow_with_budget_lines(self):
        def count():
            with self.assertNumQueries(4) as context:  # page, lines, rates, city
                case_costs(PolicyCase.objects.get(pk=self.policy.pk))
            return len(context.captured_queries)

        count()
        for year in range(2000, 2010):
            ExchangeRate.objects.create(currency="JPY", year=year, units_per_usd=100, source="x")
            BudgetLine.objects.create(page=self.policy, amount=1, currency="JPY", year=year)
        count()

    def test_usd_has_no_rate(self):
        rate = ExchangeRate(currency="USD", year=2019, units_per_usd=1, source="x")
        with self.assertRaises(ValidationError) as raised:
            rate.full_clean()
        self.assertIn("currency", raised.exception.message_dict)


class CaseHowAndLifecycleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))
        cls.library = cls.sections["policies"]["en"]
        cls.new = builders.make_policy(library=cls.library, slug="new", title="New scheme")
        cls.old = builders.make_policy(
            library=cls.library,
            slug="old",
            title="Old scheme",
            obstacles=[("obstacle", {"obstacle": "Bus firms objected", "response": "Subsidies"})],
            stakeholders=[("stakeholder", {"name": "Bus union", "role": "Negotiated routes"})],
            legal_basis=[
                (
                    "law",
                    {
                        "title": "Seoul Bus Ordinance",
                        "url": "https://www.law.go.kr/",
                        "note": "Route permits",
                    },
                )
            ],
            precondition_legal="Power to set bus routes",
            sdg_targets="11.2, 3.6",
            lifecycle=[
                stage("piloted", datetime.date(2004, 1, 1), datetime.date(2004, 6, 30), "Trial"),
                stage("superseded", datetime.date(2010, 1, 1), reason="Replaced"),
            ],
            successor=cls.new,
        )

    def test_page_shows_how_and_lifecycle(self):
        with translation.override("en"):
            response = self.client.get(self.old.url)
        for text in (
            "Obstacles and how they were overcome",
            "Bus firms objected",
            "Subsidies",
            "Bus union",
            "Negotiated routes",
            'href="https://www.law.go.kr/"',
            "Route permits",
            "Power to set bus routes",
            'href="https://sdgs.un.org/goals/goal3"',
            "11.2",
            "Current status:",
            "Superseded",
            '<time datetime="2004-01-01">',
            "Trial",
            f'href="{self.new.url}"',
        ):
            self.assertContains(response, text)
        assert_accessible_page(response.content.decode(), lang="en")

    def test_status_is_the_latest_stage_and_filters_the_library(self):
        self.assertEqual(self.old.lifecycle_status, "superseded")
        self.assertEqual(self.new.lifecycle_status, "")
        with translation.override("en"):
            response = self.client.get(self.library.url + "?status=superseded")
            self.assertEqual([p.pk for p in response.context["policies"]], [self.old.pk])
            everything = self.client.get(self.library.url + "?status=nonsense")
        self.assertEqual(len(everything.context["policies"]), 2)

    def test_sdg_targets_are_checked_against_the_list(self):
        self.assertEqual(len(sdg_target_codes()), 169)
        validate_sdg_targets("11.2, 11.a 17.19")
        for bad in ("11.8", "18.1", "11.d", "bus"):
            with self.subTest(bad=bad), self.assertRaises(ValidationError):
                validate_sdg_targets(bad)
        self.assertEqual(self.old.sdg_target_list, ["3.6", "11.2"])

    def test_successor_is_not_itself_nor_a_loop(self):
        self.old.successor = self.old
        with self.assertRaises(ValidationError) as raised:
            self.old.clean()
        self.assertIn("successor", raised.exception.message_dict)
        new = PolicyCase.objects.get(pk=self.new.pk)
        new.successor = self.old  # old -> new -> old
        with self.assertRaises(ValidationError) as raised:
            new.clean()
        self.assertIn("successor", raised.exception.message_dict)

    def test_new_text_is_tracked_for_translation(self):
        prints = fingerprints(self.old)
        for name in ("obstacles", "stakeholders", "legal_basis", "precondition_legal", "lifecycle"):
            with self.subTest(field=name):
                self.assertTrue(prints[name])
        self.assertEqual(prints["precondition_size"], "")


class PolicyCaseFormTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))
        cls.library = cls.sections["policies"]["en"]
        cls.policy = builders.make_policy(library=cls.library, slug="buses", title="Buses")
        cls.editor = builders.make_admin_user("editor", group="Editors")

    def data(self, **fields):
        values = {
            "title": "Buses",
            "slug": "buses",
            "summary": "Bus reform.",
            "period_start_year": "2004",
            "period_end_year": "",
            "background": rich_text(""),
            "actions": streamfield([]),
            "lessons": rich_text(""),
            "indicators": inline_formset([]),
            "attachments": inline_formset([]),
            "related_policies": inline_formset([]),
            "budget_lines": inline_formset([]),
            "obstacles": streamfield([]),
            "stakeholders": streamfield([]),
            "legal_basis": streamfield([]),
            "lifecycle": streamfield([]),
            "sdg_targets": "",
            "staff_fte": "",
        }
        values.update(fields)
        return nested_form_data(values)

    def post(self, **fields):
        self.client.force_login(self.editor)
        return self.client.post(f"/admin/pages/{self.policy.pk}/edit/", self.data(**fields))

    def line(self, amount):
        return {
            "amount": amount,
            "currency": "KRW",
            "year": "2019",
            "funding_source": "City",
            "source": "",
        }

    def test_valid_form_saves_lines_and_stages(self):
        response = self.post(
            budget_lines=inline_formset([self.line("1000")]),
            lifecycle=streamfield(
                [("stage", {"status": "running", "start": "2004-07-01", "end": "", "reason": ""})]
            ),
            sdg_targets="11.2,3.6",
            staff_fte="3.5",
        )
        self.assertEqual(response.status_code, 302)
        draft = PolicyCase.objects.get(pk=self.policy.pk).get_latest_revision_as_object()
        self.assertEqual([line.amount for line in draft.budget_lines.all()], [Decimal("1000")])
        self.assertEqual(draft.sdg_targets, "3.6, 11.2")
        self.assertEqual(draft.staff_fte, Decimal("3.5"))

    def assert_refused(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)
        page = PolicyCase.objects.get(pk=self.policy.pk)
        self.assertEqual(page.get_latest_revision().pk, self.policy.get_latest_revision().pk)
        self.assertFalse(BudgetLine.objects.exists())

    def test_negative_amount_is_a_form_error(self):
        response = self.post(budget_lines=inline_formset([self.line("-5")]))
        self.assert_refused(response, "An amount cannot be negative.")

    def test_bad_sdg_target_is_a_form_error(self):
        self.assert_refused(self.post(sdg_targets="11.2, 19.1"), "Not an SDG target: 19.1.")

    def test_negative_staff_is_a_form_error(self):
        self.assert_refused(self.post(staff_fte="-1"), "Staff cannot be negative.")

    def test_stage_ending_before_it_starts_is_a_form_error(self):
        response = self.post(
            lifecycle=streamfield(
                [
                    (
                        "stage",
                        {
                            "status": "piloted",
                            "start": "2005-01-01",
                            "end": "2004-01-01",
                            "reason": "",
                        },
                    )
                ]
            )
        )
        self.assert_refused(response, "The end cannot be before the start.")

    def test_successor_cannot_be_itself(self):
        self.assert_refused(
            self.post(successor=str(self.policy.pk)), "A policy cannot be its own successor."
        )
