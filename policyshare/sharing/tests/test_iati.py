"""The IATI activity export: schema validity, each mapping, bad input, the command and URL."""

import filecmp
import io
import tempfile
import warnings
from datetime import date
from decimal import Decimal
from pathlib import Path
from unittest import mock

from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import etree
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from policyshare.core.tests.builders import make_policy, sections, translate_page
from policyshare.sharing import iati
from policyshare.sharing.models import (
    CooperationProjectPage,
    ProjectDocument,
    ProjectParticipant,
    ProjectRelation,
    ProjectResult,
)

from .builders import make_city, make_project, make_seoul

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SHARED_SCHEMA = Path("/work/shared/standards/iati-2.03")
# Relative to the repository, as the issue names it: ../shared/standards/iati-2.03/.
SHARED_SCHEMA_RELATIVE = Path(__file__).resolve().parents[3] / ".." / "shared/standards/iati-2.03"
SCHEMA_FILES = ("iati-activities-schema.xsd", "iati-common.xsd", "xml.xsd", "LICENSE")


def lxml_validate(tree) -> None:
    """Fail on any error, with a schema loaded here independently of the code under test."""
    parser = etree.XMLParser(no_network=True)
    schema = etree.XMLSchema(etree.parse(str(iati.SCHEMA_FILE), parser))
    document = etree.fromstring(etree.tostring(tree), parser)
    schema.assertValid(document)


def narratives(element) -> dict[str, str]:
    return {narrative.get(XML_LANG): narrative.text for narrative in element.iter("narrative")}


def build_full_project():
    """A project with every field, in Korean, English and French, and a second project it
    relates to."""
    site = sections(languages=("ko", "en", "fr"))
    section = site["sharing"]["ko"]
    make_seoul()
    ulaanbaatar = make_city(
        slug="ulaanbaatar",
        names={"ko": "울란바토르", "en": "Ulaanbaatar", "fr": "Oulan-Bator"},
        country="MN",
    )
    darkhan = make_city(slug="darkhan", names={"ko": "다르항", "en": "Darkhan"}, country="MN")
    hanoi = make_city(slug="hanoi", names={"ko": "하노이", "en": "Hanoi"}, country="VN")
    policy = make_policy(library=site["policies"]["ko"], title="버스 관리 시스템")
    policy_en = translate_page(policy, language="en", title="Bus management system")
    sibling = make_project(
        section=section,
        title="자매 사업",
        slug="sibling",
        activity_id="BMS-2",
        planned_start=date(2020, 1, 1),
    )
    ProjectParticipant.objects.create(page=sibling, name="서울시", role="funding")
    project = make_project(
        section=section,
        title="울란바토르 버스 관리",
        slug="ub-bus",
        activity_id="BMS-1",
        summary="울란바토르에 버스 관리 시스템을 구축한다.",
        description="<p>첫째 문단.</p><p>둘째 &amp; 셋째.</p>",
        status="implementation",
        planned_start=date(2016, 3, 1),
        actual_start=date(2016, 5, 2),
        planned_end=date(2018, 12, 31),
        actual_end=date(2019, 2, 28),
        budget_amount=Decimal("1500000.00"),
        budget_currency="usd",
        budget_source="Seoul news release",
        cities=[make_seoul(), ulaanbaatar, darkhan, hanoi],
        policies=[policy],
    )
    ProjectParticipant.objects.create(
        page=project,
        sort_order=0,
        name="서울특별시",
        role="funding",
        organisation_type="11",
        organisation_ref="KR-SMG",
    )
    ProjectParticipant.objects.create(
        page=project,
        sort_order=1,
        name="울란바토르시",
        role="partner_city",
        organisation_type="11",
        city=ulaanbaatar,
    )
    ProjectResult.objects.create(
        page=project,
        title="버스 정보 체계 구축",
        result_type="2",
        indicator="정시 운행률",
        unit="%",
        baseline=Decimal("40.0000"),
        baseline_year=2016,
        target=Decimal("80.0000"),
        target_year=2018,
        actual=Decimal("75.5000"),
        actual_year=2018,
        source_url="https://example.org/result",
    )
    upload = get_document_model().objects.create(
        title="Feasibility study", file=ContentFile(b"%PDF-1.4", name="feasibility.pdf")
    )
    ProjectDocument.objects.create(
        page=project, sort_order=0, title="타당성 조사", document=upload, language="ko"
    )
    ProjectDocument.objects.create(
        page=project,
        sort_order=1,
        title="양해각서",
        url="https://example.org/mou",
        category="A09",
        language="en",
    )
    ProjectRelation.objects.create(page=project, related=sibling, kind="3")
    translations = {}
    for language, title, summary, description in (
        ("en", "Ulaanbaatar bus management", "A bus system.", "<p>First paragraph.</p>"),
        ("fr", "Gestion des bus d’Oulan-Bator", "Un système de bus.", "<p>Premier.</p>"),
    ):
        translations[language] = translate_page(
            project, language=language, title=title, summary=summary, description=description
        )
    ProjectResult.objects.filter(page=translations["en"]).update(
        title="Bus information system built", indicator="Punctuality", unit="percent"
    )
    ProjectParticipant.objects.filter(page=translations["en"], sort_order=1).update(
        name="Ulaanbaatar City Government"
    )
    return project, sibling, translations, policy_en


def build():
    return iati.build_iati_activities(base_url="https://portal.example")


def activity(tree, identifier):
    for element in tree.getroot().iterfind("iati-activity"):
        if element.findtext("iati-identifier") == identifier:
            return element
    raise AssertionError(f"no activity {identifier}")


class VendoredSchemaTest(TestCase):
    def test_the_vendored_schema_equals_the_shared_standard(self):
        shared = next(
            (path for path in (SHARED_SCHEMA_RELATIVE, SHARED_SCHEMA) if path.is_dir()), None
        )
        if shared is None:
            warnings.warn(
                "SKIPPED: no shared IATI schema folder to compare the vendored copy with",
                stacklevel=1,
            )
            self.skipTest("The shared standards folder (../shared/standards/iati-2.03) is absent")
        for name in SCHEMA_FILES:
            with self.subTest(name=name):
                self.assertTrue(
                    filecmp.cmp(iati.SCHEMA_DIR / name, shared / name, shallow=False),
                    f"{name} differs from {shared / name}",
                )

    def test_the_schema_loads_without_the_network(self):
        # Every import and include names a file beside the schema, and loading it with a
        # parser that may not use the network succeeds.
        for name in ("iati-activities-schema.xsd", "iati-common.xsd"):
            schema = etree.parse(str(iati.SCHEMA_DIR / name))
            locations = schema.xpath(
                "//xsd:import/@schemaLocation | //xsd:include/@schemaLocation",
                namespaces={"xsd": "http://www.w3.org/2001/XMLSchema"},
            )
            self.assertTrue(locations)
            for location in locations:
                self.assertNotIn("://", location)
                self.assertTrue((iati.SCHEMA_DIR / location).is_file(), location)
        iati.iati_schema.cache_clear()
        with mock.patch("socket.socket", side_effect=AssertionError("network used")):
            self.assertIsInstance(iati.iati_schema(), etree.XMLSchema)


class IatiExportTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.project, cls.sibling, cls.translations, cls.policy_en = build_full_project()

    def setUp(self):
        self.tree = build()
        self.activity = activity(self.tree, "KR-SMG-BMS-1")

    def test_the_export_is_valid_against_the_schema(self):
        lxml_validate(self.tree)
        self.assertEqual(iati.validate_iati(self.tree), [])

    def test_document_attributes(self):
        root = self.tree.getroot()
        self.assertEqual(root.tag, "iati-activities")
        self.assertEqual(root.get("version"), "2.03")
        self.assertTrue(root.get("generated-datetime"))
        self.assertEqual(iati.activity_count(self.tree), 2)  # one per translation group

    def test_identifier_reporting_org_and_languages(self):
        self.assertEqual(self.activity.get(XML_LANG), "ko")
        self.assertEqual(self.activity.get("default-currency"), "USD")
        self.assertTrue(self.activity.get("last-updated-datetime"))
        reporting = self.activity.find("reporting-org")
        self.assertEqual((reporting.get("ref"), reporting.get("type")), ("KR-SMG", "11"))
        self.assertEqual(narratives(reporting), {"en": "Seoul Metropolitan Government"})

    @override_settings(IATI_REPORTING_ORG_REF="XM-TEST")
    def test_identifier_falls_back_to_the_slug_in_capitals(self):
        self.project.activity_id = ""
        self.project.save_revision().publish()
        self.assertEqual(
            [element.text for element in build().getroot().iter("iati-identifier")],
            ["XM-TEST-BMS-2", "XM-TEST-UB-BUS"],
        )

    def test_title_and_descriptions_in_every_live_translation(self):
        self.assertEqual(
            narratives(self.activity.find("title")),
            {
                "ko": "울란바토르 버스 관리",
                "en": "Ulaanbaatar bus management",
                "fr": "Gestion des bus d’Oulan-Bator",
            },
        )
        general, objectives = self.activity.findall("description")
        self.assertEqual(general.get("type"), "1")
        self.assertEqual(narratives(general)["en"], "A bus system.")
        self.assertEqual(objectives.get("type"), "2")
        self.assertEqual(narratives(objectives)["ko"], "첫째 문단.\n둘째 & 셋째.")
        self.assertEqual(narratives(objectives)["fr"], "Premier.")

    def test_unpublished_translation_is_left_out(self):
        self.translations["fr"].unpublish()
        self.assertNotIn("fr", narratives(activity(build(), "KR-SMG-BMS-1").find("title")))

    def test_participants(self):
        funder, city = self.activity.findall("participating-org")
        self.assertEqual(
            (funder.get("role"), funder.get("type"), funder.get("ref")), ("1", "11", "KR-SMG")
        )
        self.assertEqual(narratives(funder)["ko"], "서울특별시")
        self.assertEqual((city.get("role"), city.get("ref")), ("4", None))
        self.assertEqual(
            narratives(city),
            {"ko": "울란바토르시", "en": "Ulaanbaatar City Government", "fr": "Oulan-Bator"},
        )

    def test_status_dates_scope_and_countries(self):
        self.assertEqual(self.activity.find("activity-status").get("code"), "2")
        self.assertEqual(
            {
                date.get("type"): date.get("iso-date")
                for date in self.activity.iter("activity-date")
            },
            {"1": "2016-03-01", "2": "2016-05-02", "3": "2018-12-31", "4": "2019-02-28"},
        )
        self.assertEqual(self.activity.find("activity-scope").get("code"), "3")
        countries = {
            country.get("code"): Decimal(country.get("percentage"))
            for country in self.activity.iter("recipient-country")
        }
        # Seoul reports; two Mongolian partner cities and one Vietnamese.
        self.assertEqual(countries, {"MN": Decimal("66.67"), "VN": Decimal("33.33")})
        self.assertEqual(sum(countries.values()), 100)

    def test_budget(self):
        budget = self.activity.find("budget")
        self.assertEqual(budget.find("period-start").get("iso-date"), "2016-03-01")
        self.assertEqual(budget.find("period-end").get("iso-date"), "2018-12-31")
        value = budget.find("value")
        self.assertEqual(
            (value.text, value.get("currency"), value.get("value-date")),
            ("1500000", "USD", "2016-03-01"),
        )

    def test_document_links_pages_uploads_and_policies(self):
        links = {link.get("url"): link for link in self.activity.iterfind("document-link")}
        upload = next(url for url in links if url.endswith("feasibility.pdf"))
        self.assertTrue(upload.startswith("https://portal.example/documents/"))
        self.assertEqual(links[upload].get("format"), "application/pdf")
        self.assertEqual(links[upload].find("category").get("code"), "A01")
        mou = links["https://example.org/mou"]
        self.assertEqual(
            (mou.get("format"), mou.find("category").get("code")), ("text/html", "A09")
        )
        self.assertEqual(mou.find("language").get("code"), "en")
        page_links = [link for link in links.values() if link.find("category").get("code") == "A12"]
        self.assertEqual(len(page_links), 3)  # the project page in ko, en and fr
        (policy,) = [link for link in links.values() if link.find("category").get("code") == "A02"]
        self.assertEqual(
            narratives(policy.find("title")),
            {"ko": "버스 관리 시스템", "en": "Bus management system"},
        )

    def test_related_activity(self):
        related = self.activity.find("related-activity")
        self.assertEqual((related.get("ref"), related.get("type")), ("KR-SMG-BMS-2", "3"))

    def test_results(self):
        result = self.activity.find("result")
        self.assertEqual(result.get("type"), "2")
        self.assertEqual(narratives(result.find("title"))["en"], "Bus information system built")
        indicator = result.find("indicator")
        self.assertEqual(indicator.get("measure"), "1")
        self.assertEqual(narratives(indicator.find("title"))["en"], "Punctuality")
        self.assertEqual(narratives(indicator.find("description"))["ko"], "%")
        baseline = indicator.find("baseline")
        self.assertEqual((baseline.get("year"), baseline.get("value")), ("2016", "40"))
        (period,) = indicator.findall("period")
        self.assertEqual(period.find("period-start").get("iso-date"), "2018-01-01")
        self.assertEqual(period.find("period-end").get("iso-date"), "2018-12-31")
        self.assertEqual(period.find("target").get("value"), "80")
        self.assertEqual(period.find("actual").get("value"), "75.5")

    def test_drafts_and_private_pages_are_left_out(self):
        draft = make_project(
            section=self.project.get_parent(), slug="draft", planned_start=date(2020, 1, 1)
        )
        draft.unpublish()
        private = make_project(
            section=self.project.get_parent(), slug="private", planned_start=date(2020, 1, 1)
        )
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        identifiers = [element.text for element in build().getroot().iter("iati-identifier")]
        self.assertEqual(identifiers, ["KR-SMG-BMS-2", "KR-SMG-BMS-1"])

    def test_query_count_does_not_grow_with_projects(self):
        build()  # the site root paths are cached from here on
        with CaptureQueriesContext(connection) as first:
            build()
        ProjectParticipant.objects.create(page=self.sibling, name="다른 기관", role="implementing")
        for number in range(3):
            project = make_project(
                section=self.project.get_parent(),
                slug=f"more-{number}",
                planned_start=date(2020, 1, 1),
                cities=[make_city()],
                policies=[self.project.policies.first()],
            )
            ProjectParticipant.objects.create(page=project, name="기관", role="funding")
            ProjectResult.objects.create(page=project, title="결과", indicator="지표")
        with self.assertNumQueries(len(first.captured_queries)):
            build()


class ExportCommandTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.project, *_rest = build_full_project()

    def test_writes_the_valid_export_and_a_summary(self):
        output = Path(self.enterContext(_temporary_dir())) / "activities.xml"
        out = io.StringIO()
        call_command("export_iati", "--output", str(output), stdout=out, stderr=io.StringIO())
        self.assertEqual(out.getvalue().strip(), f"Exported 2 activities to {output}.")
        lxml_validate(etree.parse(str(output)))

    def test_quiet_under_verbosity_0_and_xml_on_standard_output(self):
        out, err = io.StringIO(), io.StringIO()
        call_command("export_iati", verbosity=0, stdout=out, stderr=err)
        self.assertTrue(out.getvalue().startswith("<?xml"))
        lxml_validate(etree.fromstring(out.getvalue().encode()).getroottree())
        self.assertEqual(err.getvalue(), "")

    def test_an_invalid_export_fails_and_writes_nothing(self):
        class BrokenBuilder(iati.ActivityBuilder):
            def activity_dates(self, parent, source):
                etree.SubElement(parent, "activity-date", type="1", **{"iso-date": "soon"})

        output = Path(self.enterContext(_temporary_dir())) / "activities.xml"
        output.write_bytes(b"previous export")
        err = io.StringIO()
        with (
            mock.patch.object(iati, "ActivityBuilder", BrokenBuilder),
            self.assertRaises(CommandError) as raised,
        ):
            call_command("export_iati", "--output", str(output), stdout=io.StringIO(), stderr=err)
        self.assertIn("nothing was written", str(raised.exception))
        self.assertIn("KR-SMG-BMS-1", err.getvalue())
        self.assertIn("iso-date", err.getvalue())
        self.assertEqual(output.read_bytes(), b"previous export")
        self.assertEqual(list(output.parent.iterdir()), [output])  # no temporary file left

    def test_a_missing_folder_is_a_clear_error(self):
        with self.assertRaisesMessage(CommandError, "There is no folder /nonexistent/iati"):
            call_command("export_iati", "--output", "/nonexistent/iati/activities.xml")

    def test_a_project_without_any_date_is_refused_by_name(self):
        undated = _undated_project(self.project.get_parent())
        ProjectParticipant.objects.create(page=undated, name="서울시", role="funding")
        output = Path(self.enterContext(_temporary_dir())) / "activities.xml"
        err = io.StringIO()
        with self.assertRaises(CommandError):
            call_command("export_iati", "--output", str(output), stdout=io.StringIO(), stderr=err)
        self.assertIn("KR-SMG-UNDATED", err.getvalue())
        self.assertIn("activity-date", err.getvalue())
        self.assertFalse(output.exists())


class PublicationTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.project, *_rest = build_full_project()

    def test_serves_the_validated_export(self):
        response = self.client.get(reverse("sharing_iati_activities"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(reverse("sharing_iati_activities"), "/opendata/iati/activities.xml")
        self.assertTrue(response["Content-Type"].startswith("application/xml"))
        tree = etree.fromstring(response.content).getroottree()
        lxml_validate(tree)
        links = [link.get("url") for link in tree.iter("document-link")]
        self.assertTrue(any(url.startswith("http://testserver/documents/") for url in links))

    def test_a_project_change_purges_the_export_from_the_proxy(self):
        self.assertIn(
            "http://localhost/opendata/iati/activities.xml",
            {url.replace(":80/", "/") for url in self.project.purge_urls()},
        )

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_a_refusal_is_not_cached_and_a_fix_is_served_at_once(self):
        undated = _undated_project(self.project.get_parent())
        with self.assertLogs("policyshare.sharing.views", "ERROR"):
            self.assertEqual(self.client.get(reverse("sharing_iati_activities")).status_code, 503)
        ProjectParticipant.objects.create(page=undated, name="서울시", role="funding")
        undated.planned_start = date(2024, 1, 1)
        undated.save_revision().publish()
        response = self.client.get(reverse("sharing_iati_activities"))
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"KR-SMG-UNDATED", response.content)
        cached = self.client.get(reverse("sharing_iati_activities"))
        self.assertEqual(cached["X-Page-Cache"], "hit")

    def test_never_serves_invalid_xml(self):
        _undated_project(self.project.get_parent())
        with self.assertLogs("policyshare.sharing.views", "ERROR") as logs:
            response = self.client.get(reverse("sharing_iati_activities"))
        self.assertEqual(response.status_code, 503)
        self.assertTrue(response["Content-Type"].startswith("text/plain"))
        self.assertNotIn(b"<", response.content)
        self.assertIn("KR-SMG-UNDATED", logs.output[0])


def _undated_project(section):
    """A live project with no date at all. The page form refuses one now; this stands for a
    project saved before that rule, or written to the database by other means."""
    project = make_project(section=section, slug="undated", planned_start=date(2020, 1, 1))
    CooperationProjectPage.objects.filter(pk=project.pk).update(planned_start=None)
    project.planned_start = None
    return project


def _temporary_dir():
    return tempfile.TemporaryDirectory()
