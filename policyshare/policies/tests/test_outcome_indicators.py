"""Outcome indicators: achieved values typed as lines, whether a target was met, the form's
checks in the admin, the chart and table on the policy page, and the API's fields."""

import datetime
import re
from decimal import Decimal
from unittest import mock

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase
from django.utils import translation
from lxml import etree
from lxml import html as lxml_html
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from policyshare.core.tests import builders
from policyshare.policies import charts
from policyshare.policies.charts import cached_indicator_chart, indicator_chart
from policyshare.policies.indicators import Status, assess, normalise, parse_text
from policyshare.policies.models import OutcomeIndicator, PolicyCase

ROAD_DEATHS = {
    "name": "Road deaths per 100,000 residents",
    "unit": "deaths",
    "direction": "lower",
    "baseline_value": Decimal("3.7"),
    "baseline_year": 2015,
    "target_value": Decimal("1.8"),
    "target_year": 2021,
    "achieved": [{"year": 2019, "value": "2.6"}, {"year": 2021, "value": "2.1"}],
    "source": "Seoul Metropolitan Government",
    "source_url": "https://news.seoul.go.kr/traffic/",
}


class AchievedValuesTests(SimpleTestCase):
    def test_lines_become_sorted_values(self):
        self.assertEqual(
            parse_text("2021: 2.1\n\n2019 = 1,234.50\n"),
            [{"year": 2019, "value": "1234.5"}, {"year": 2021, "value": "2.1"}],
        )

    def test_every_unreadable_line_is_named(self):
        with translation.override("en"):
            with self.assertRaises(ValidationError) as caught:
                parse_text("2019: 2.6\nabout 3\n21: 4")
            messages = [str(message) for message in caught.exception.messages]
        self.assertEqual(len(messages), 2)
        self.assertIn('Line 2, "about 3"', messages[0])
        self.assertIn('Line 3, "21: 4"', messages[1])

    def test_values_that_are_not_sane_are_refused(self):
        for entries in (
            [{"year": 2019, "value": "NaN"}],
            [{"year": 2019, "value": "Infinity"}],
            [{"year": 2019, "value": "1e30"}],
            [{"year": 2019, "value": "1.23456"}],
            [{"year": 1066, "value": "1"}],
            [{"year": 2019, "value": "1"}, {"year": 2019, "value": "2"}],
            [{"year": "2019", "value": "1"}],
            [{"year": 2019}],
            {"2019": "1"},
        ):
            with self.subTest(entries=entries), self.assertRaises(ValidationError):
                normalise(entries)


class AssessmentTests(SimpleTestCase):
    today = datetime.date(2026, 11, 26)

    def status(self, *, target="1.8", year=2021, achieved=(), lower=True):
        return assess(
            target_value=Decimal(target) if target is not None else None,
            target_year=year,
            achieved=[(y, Decimal(v)) for y, v in achieved],
            lower_is_better=lower,
            today=self.today,
        )

    def test_the_four_states(self):
        self.assertEqual(self.status(achieved=[(2021, "1.7")]).status, Status.MET)
        self.assertEqual(self.status(achieved=[(2021, "2.1")]).status, Status.NOT_MET)
        self.assertEqual(self.status(year=2030, achieved=[(2021, "2.1")]).status, "in_progress")
        self.assertEqual(self.status(target=None).status, Status.NO_TARGET)

    def test_direction_decides_which_side_meets_the_target(self):
        self.assertEqual(self.status(achieved=[(2021, "2.1")], lower=False).status, "met")
        self.assertEqual(self.status(achieved=[(2021, "1.7")], lower=False).status, "not_met")
        # Reaching the target exactly meets it, either way.
        self.assertEqual(self.status(achieved=[(2021, "1.8")]).status, "met")

    def test_judged_on_the_last_value_up_to_the_target_year(self):
        late = self.status(achieved=[(2020, "2.4"), (2023, "1.5")])
        self.assertEqual((late.status, late.value, late.year), ("not_met", Decimal("2.4"), 2020))
        early = self.status(achieved=[(2019, "1.6"), (2025, "2.0")])
        self.assertEqual((early.status, early.year), ("met", 2019))

    def test_a_passed_target_without_values_has_no_result_and_a_yearless_one_in_progress(
        self,
    ):
        self.assertEqual(self.status().status, Status.NO_RESULT)
        self.assertEqual(self.status(achieved=[(2023, "1.0")]).status, "no_result")
        self.assertEqual(self.status(year=None).status, "in_progress")
        self.assertEqual(self.status(year=2026).status, "in_progress")  # due at the year's end


class IndicatorModelTests(SimpleTestCase):
    def errors(self, **fields):
        indicator = OutcomeIndicator(**{"name": "Deaths", "unit": "deaths", **fields})
        with translation.override("en"):
            try:
                indicator.clean()
            except ValidationError as error:
                return error.message_dict if hasattr(error, "error_dict") else error.messages
        return {}

    def test_target_year_before_the_baseline_year_is_an_error(self):
        errors = self.errors(
            baseline_value=Decimal(3), baseline_year=2015, target_value=1, target_year=2010
        )
        self.assertEqual(
            errors["target_year"], ["The target year cannot be before the baseline year."]
        )

    def test_other_errors(self):
        self.assertEqual(self.errors(), ["Give at least one value: baseline, target or achieved."])
        self.assertIn("baseline_value", self.errors(baseline_year=2015, target_value=1))
        self.assertIn("target_year", self.errors(target_value=1, target_year=3000))
        self.assertIn(
            "achieved",
            self.errors(
                baseline_value=3, baseline_year=2015, achieved=[{"year": 2010, "value": "2"}]
            ),
        )
        self.assertEqual(self.errors(**{k: ROAD_DEATHS[k] for k in ROAD_DEATHS}), {})


class PolicyFormTests(TestCase):
    """Through the page editor: Wagtail's inline panel and the page form's own checks."""

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.policy = builders.make_policy(
            library=cls.sections["policies"]["en"], title="Traffic", slug="traffic"
        )
        cls.editor = builders.make_editor()

    def post(self, *rows):
        data = nested_form_data(
            {
                "title": "Traffic",
                "slug": "traffic",
                "summary": "Fewer deaths.",
                "period_start_year": "2017",
                "period_end_year": "2021",
                "background": rich_text(""),
                "actions": streamfield([]),
                "lessons": rich_text(""),
                "indicators": inline_formset(list(rows)),
                "attachments": inline_formset([]),
                "related_policies": inline_formset([]),
                # Cost and means, how it was done, lifecycle: empty.
                "budget_lines": inline_formset([]),
                "obstacles": streamfield([]),
                "stakeholders": streamfield([]),
                "legal_basis": streamfield([]),
                "lifecycle": streamfield([]),
            }
        )
        self.client.force_login(self.editor)
        return self.client.post(f"/admin/pages/{self.policy.pk}/edit/", data)

    def row(self, **fields):
        return {
            "name": "Road deaths",
            "unit": "deaths",
            "direction": "lower",
            "baseline_value": "3.7",
            "baseline_year": "2015",
            "target_value": "1.8",
            "target_year": "2021",
            "achieved": "2019: 2.6\n2021: 2.1",
            "source": "SMG",
            "source_url": "",
            "review_note": "",
            **fields,
        }

    def saved_indicators(self):
        return PolicyCase.objects.get(pk=self.policy.pk).get_latest_revision_as_object()

    def test_a_complete_indicator_saves(self):
        response = self.post(self.row())
        self.assertEqual(response.status_code, 302)
        (indicator,) = self.saved_indicators().indicators.all()
        self.assertEqual(
            indicator.achieved, [{"year": 2019, "value": "2.6"}, {"year": 2021, "value": "2.1"}]
        )
        self.assertEqual(indicator.target_year, 2021)
        self.assertEqual(indicator.assessment.status, "not_met")
        # The form shows the stored values as the editor typed them.
        response = self.client.get(f"/admin/pages/{self.policy.pk}/edit/")
        self.assertContains(response, "2019: 2.6\n2021: 2.1</textarea>")

    def assert_refused(self, row, field, message):
        response = self.post(row)
        self.assertEqual(response.status_code, 200)
        form = response.context["form"].formsets["indicators"].forms[0]
        with translation.override("en"):  # the messages are lazy: read in English
            self.assertIn(message, [str(error) for error in form.errors[field]])
        # Nothing half-written: no revision holds the refused row.
        self.assertEqual(list(self.saved_indicators().indicators.all()), [])

    def test_form_errors(self):
        cases = [
            (
                self.row(target_year="2010"),
                "target_year",
                "The target year cannot be before the baseline year.",
            ),
            (self.row(unit=""), "unit", "Give the unit of the values (e.g. km, deaths, homes)."),
            (self.row(target_year=""), "target_year", "Give the year of this value."),
            (self.row(baseline_year=""), "baseline_year", "Give the year of this value."),
            (
                self.row(achieved="2019 2.6"),
                "achieved",
                'Line 1, "2019 2.6", is not "year: value" (e.g. 2019: 2.6).',
            ),
            (self.row(achieved="2019: 1e400"), "achieved", "This number is too large."),
            (
                self.row(achieved="2010: 2"),
                "achieved",
                "An achieved value cannot be from before the baseline year.",
            ),
            (
                self.row(baseline_value="", target_value="", achieved="", baseline_year=""),
                "__all__",
                "Give at least one value: baseline, target or achieved.",
            ),
        ]
        for row, field, message in cases:
            with self.subTest(field=field, message=message):
                self.assert_refused(row, field, message)


class PolicyPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.policy = builders.make_policy(
            library=cls.sections["policies"]["en"],
            title="Halving road deaths",
            slug="road-deaths",
            indicators=[
                ROAD_DEATHS,
                {
                    "name": "Pedestrian deaths cut (<b>planned</b>)",
                    "unit": "% fewer",
                    "target_value": Decimal(70),
                    "target_year": 2100,
                },
                {
                    "name": "Homes retrofitted",
                    "unit": "homes",
                    "achieved": [{"year": 2016, "value": "3000"}],
                },
            ],
        )

    def page(self):
        with translation.override("en"):
            response = self.client.get("/en/policies/road-deaths/")
        self.assertEqual(response.status_code, 200)
        return lxml_html.fromstring(response.content)

    def test_each_indicator_says_whether_its_target_was_met(self):
        tree = self.page()
        statuses = [" ".join(p.text_content().split()) for p in tree.find_class("outcome__status")]
        self.assertEqual(
            statuses,
            [
                "Target not met. Latest value: 2.1 (2021); target: 1.8. Lower is better.",
                "In progress. The target is due in 2100. Higher is better.",
                "No target set. Higher is better.",
            ],
        )

    def test_chart_is_an_accessible_svg_with_a_table_of_its_figures(self):
        tree = self.page()
        outcome = tree.find_class("outcome")[0]
        svg = outcome.xpath(".//*[local-name()='svg']")[0]
        self.assertEqual(svg.get("role"), "img")
        title_id, desc_id = svg.get("aria-labelledby").split()
        self.assertEqual(tree.get_element_by_id(title_id).text, ROAD_DEATHS["name"])
        self.assertEqual(
            tree.get_element_by_id(desc_id).text,
            "Baseline: 3.7 (2015); Achieved: 2.6 (2019), 2.1 (2021); Target: 1.8 (2021); "
            "Unit: deaths; Target not met.",
        )
        # No script, no CSS variables: it prints and renders in a PDF as on screen.
        self.assertNotIn("var(", etree.tostring(svg, encoding="unicode"))
        self.assertEqual(
            len(svg.xpath(".//*[local-name()='circle']")), 2 + 1
        )  # two values and the key
        rows = [
            [cell.text_content().strip() for cell in row]
            for row in outcome.xpath(".//table/tbody/tr")
        ]
        self.assertEqual(
            rows,
            [
                ["Baseline", "2015", "3.7"],
                ["Achieved", "2019", "2.6"],
                ["Achieved", "2021", "2.1"],
                ["Target", "2021", "1.8"],
            ],
        )
        link = outcome.find_class("outcome__source")[0].xpath(".//a")[0]
        self.assertEqual(link.get("href"), ROAD_DEATHS["source_url"])
        # Ids are unique on the page.
        ids = tree.xpath("//@id")
        self.assertEqual(len(ids), len(set(ids)))

    def test_editors_text_is_escaped_in_the_chart(self):
        html = self.client.get("/en/policies/road-deaths/").content.decode()
        self.assertIn("Pedestrian deaths cut (&lt;b&gt;planned&lt;/b&gt;)</title>", html)
        self.assertNotIn("<b>planned</b>", html)

    def test_the_chart_draws_the_target_as_a_line_and_a_yearless_baseline_as_a_level(self):
        indicator = OutcomeIndicator(
            name="Old row", unit="t", baseline_value=Decimal(5), target_value=Decimal(2)
        )
        svg = str(indicator_chart(indicator, chart_id="c"))
        self.assertEqual(len(re.findall(r'stroke-dasharray="6 4"', svg)), 2)  # line and key
        self.assertIn('stroke-dasharray="2 3"', svg)
        self.assertEqual(str(indicator_chart(OutcomeIndicator(name="x"), chart_id="d")), "")


class IndicatorApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.policy = builders.make_policy(
            library=cls.sections["policies"]["en"], slug="road-deaths", indicators=[ROAD_DEATHS]
        )

    def test_policy_endpoint_and_pages_api_carry_every_field(self):
        expected = {
            "name": ROAD_DEATHS["name"],
            "unit": "deaths",
            "direction": "lower",
            "baseline": {"value": "3.7", "year": 2015},
            "target": {"value": "1.8", "year": 2021},
            "achieved": [{"year": 2019, "value": "2.6"}, {"year": 2021, "value": "2.1"}],
            "status": "not_met",
            "source": "Seoul Metropolitan Government",
            "source_url": "https://news.seoul.go.kr/traffic/",
            "value_before": "3.7",
            "value_after": "2.1",
            "year": 2021,
        }
        data = self.client.get(f"/api/v1/policies/{self.policy.pk}").json()
        self.assertEqual(data["indicators"], [expected])
        page = self.client.get(f"/api/v1/pages/{self.policy.pk}").json()
        self.assertEqual(page["fields"]["outcome_indicators"], [expected])
        self.assertNotIn("review_note", str(data))

    def test_openapi_schema_describes_the_fields(self):
        schema = self.client.get("/api/v1/openapi.json").json()["components"]["schemas"]
        indicator = schema["Indicator"]["properties"]
        for name in ("baseline", "target", "achieved", "direction", "status", "source_url"):
            self.assertIn(name, indicator)
        self.assertEqual(
            indicator["status"]["enum"], ["met", "not_met", "in_progress", "no_target", "no_result"]
        )
        self.assertTrue(indicator["value_after"]["deprecated"])
        self.assertEqual(set(schema["IndicatorFigure"]["properties"]), {"value", "year"})


class CachedChartTests(SimpleTestCase):
    """A chart is drawn once per content, language and day, and kept under a digest of them:
    changed values give a new chart, never the kept one."""

    def setUp(self):
        cache.clear()
        self.indicator = OutcomeIndicator(**{**ROAD_DEATHS, "achieved": ROAD_DEATHS["achieved"]})

    def test_the_same_chart_is_drawn_once(self):
        with translation.override("en"):
            first = cached_indicator_chart(self.indicator, chart_id="c")
            self.assertEqual(first, indicator_chart(self.indicator, chart_id="c"))
            with mock.patch.object(charts, "indicator_chart") as draw:
                self.assertEqual(cached_indicator_chart(self.indicator, chart_id="c"), first)
            draw.assert_not_called()

    def test_changed_values_language_or_id_draw_again(self):
        with translation.override("en"):
            first = str(cached_indicator_chart(self.indicator, chart_id="c"))
            self.indicator.target_value = Decimal("1.5")
            changed = str(cached_indicator_chart(self.indicator, chart_id="c"))
            self.assertNotEqual(changed, first)
            self.assertIn("1.5", changed)
            self.assertIn('id="d-title"', str(cached_indicator_chart(self.indicator, chart_id="d")))
        with translation.override("fr"):
            french = str(cached_indicator_chart(self.indicator, chart_id="c"))
            self.assertEqual(french, str(indicator_chart(self.indicator, chart_id="c")))
        self.assertNotEqual(french, changed)
