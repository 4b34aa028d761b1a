"""The public pages of the policy-sharing section: /<lang>/sharing/ and its sub-pages, the
cooperation project page, the section's feeds, JSON-LD and sitemap entries."""

import json
import re
from datetime import date, timedelta
from unittest import mock
from xml.etree import ElementTree

import feedparser
from django.test import TestCase
from django.utils import timezone, translation
from django.utils.translation import gettext

from policyshare.core.tests.builders import make_partner, make_policy, sections, translate_page
from policyshare.core.tests.html_checks import assert_accessible_page
from policyshare.sharing import section
from policyshare.sharing.models import (
    FirmInterest,
    ProjectParticipant,
    ProjectResult,
    TransferOutcome,
)

from .builders import (
    make_city,
    make_project,
    make_relationship,
    make_seoul,
    make_tender,
    make_transfer,
)

ILLUSTRATIVE = "Illustrative: no published source was found."


def json_ld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def pagination(html: str) -> str:
    """The list's pagination links (includes/pagination.html)."""
    found = re.search(r'<nav class="pagination".*?</nav>', html, re.S)
    return found.group(0) if found else ""


class SectionPagesTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = sections(languages=("ko", "en", "ar"))
        library = cls.sections["policies"]["ko"]
        cls.policy_ko = make_policy(library=library, title="교통카드", slug="transport-card")
        cls.policy_en = translate_page(
            cls.policy_ko, language="en", title="Transport card", slug="transport-card"
        )
        cls.seoul = make_seoul()
        cls.ulaanbaatar = make_city(
            slug="ulaanbaatar", names={"ko": "울란바토르", "en": "Ulaanbaatar"}
        )
        cls.third = make_city(slug="darkhan", names={"ko": "다르항", "en": "Darkhan"}, country="MN")
        make_relationship(city=cls.ulaanbaatar, kind="sister", signed_year=1995)
        cls.section_ko = cls.sections["sharing"]["ko"]
        cls.project = make_project(
            section=cls.section_ko,
            title="울란바토르 교통카드 사업",
            slug="ub-card",
            cities=[cls.ulaanbaatar],
            policies=[cls.policy_ko],
            illustrative=True,
            planned_start=date(2015, 1, 1),
            planned_end=date(2017, 12, 31),
            budget_amount=1_000_000,
            budget_currency="USD",
            budget_source="KOICA",
        )
        ProjectParticipant.objects.create(
            page=cls.project, name="KOICA", role="funding", organisation_type="10"
        )
        ProjectResult.objects.create(
            page=cls.project,
            title="Card users",
            indicator="Daily users",
            baseline=0,
            baseline_year=2015,
            target=100,
            target_year=2017,
            actual=120,
            actual_year=2017,
        )
        cls.project_en = translate_page(
            cls.project, language="en", title="Ulaanbaatar transport card project"
        )
        cls.transfer = make_transfer(
            policy=cls.policy_ko,
            source_city=cls.seoul,
            target_city=cls.ulaanbaatar,
            project=cls.project,
            summary={"ko": "교통카드 시스템을 도입", "en": "The card system was adapted"},
        )
        TransferOutcome.objects.create(
            transfer=cls.transfer,
            indicator={"en": "Share of fares paid by card"},
            unit="%",
            baseline=0,
            baseline_year=2015,
            value=80,
            year=2018,
            evidence_url="https://example.org/evidence",
        )
        cls.child = make_transfer(
            policy=cls.policy_ko,
            source_city=cls.ulaanbaatar,
            target_city=cls.third,
            parent=cls.transfer,
            illustrative=True,
            sources=(),
            stages=(
                ("interest", date(2018, 1, 1)),
                ("not_pursued", date(2019, 1, 1), "No budget"),
            ),
        )
        now = timezone.now()
        cls.open_tender = make_tender(
            title="Bus depot in Tashkent", slug="open", deadline=now + timedelta(days=10)
        )
        make_tender(
            title="Expired water tender",
            slug="expired",
            published_on=date(2025, 1, 1),
            deadline=now - timedelta(days=1),
        )
        make_tender(
            title="Closed metro tender",
            slug="closed",
            published_on=date(2025, 1, 1),
            deadline=now + timedelta(days=10),
            status="closed",
        )
        cls.firm = make_partner(language="ko", name="한국교통기업", kind="private")
        cls.firm_en = make_partner(language="en", name="Korea Transit Co.", kind="private")
        cls.firm_en.translation_key = cls.firm.translation_key
        cls.firm_en.save()
        FirmInterest.objects.create(
            firm=cls.firm, city=cls.ulaanbaatar, note={"en": "Fare systems"}
        )
        hidden = make_partner(language="en", name="Hidden Interest Ltd", kind="private")
        FirmInterest.objects.create(firm=hidden, city=cls.third, public=False)

    def get(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        return response.content.decode()

    def test_routes_render_in_korean_english_and_arabic(self):
        pk = self.transfer.pk
        for language in ("ko", "en", "ar"):
            for suffix in ("", "transfers/", f"transfers/{pk}/", "projects/", "tenders/", "firms/"):
                url = f"/{language}/sharing/{suffix}"
                with self.subTest(url=url):
                    html = self.get(url)
                    assert_accessible_page(html, lang=language)

    def test_overview_counts_map_table_and_sub_page_links(self):
        html = self.get("/en/sharing/")
        self.assertIn("Sister and friendship cities", html)
        self.assertIn('href="/en/cities/ulaanbaatar/"', html)
        self.assertIn(f'href="/en/sharing/transfers/{self.transfer.pk}/"', html)
        for suffix in ("transfers/", "projects/", "tenders/", "firms/"):
            self.assertIn(f'href="/en/sharing/{suffix}"', html)
        # two transfers, one project; Ulaanbaatar and Darkhan are partner cities
        figures = re.search(r'<dl class="figures">(.*?)</dl>', html, re.S).group(1)
        self.assertEqual(re.findall(r"<dd>(\d+)</dd>", figures), ["2", "2", "1"])

    def test_overview_draws_the_map_with_links_to_cities_and_transfers(self):
        html = self.get("/en/sharing/")
        svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
        self.assertIn('href="/en/cities/ulaanbaatar/"', svg)
        self.assertIn(f'href="/en/sharing/transfers/{self.transfer.pk}/"', svg)
        self.assertLess(len(svg.encode()), 60_000)

    def test_transfer_detail_in_the_readers_language_with_lineage(self):
        html = self.get(f"/en/sharing/transfers/{self.transfer.pk}/")
        # the English version of the Korean policy
        self.assertIn("<title>Transport card: Seoul → Ulaanbaatar · ", html)
        self.assertIn(self.policy_en.url, html)
        self.assertIn("The card system was adapted", html)
        self.assertIn("Share of fares paid by card", html)
        self.assertIn(f"/en/sharing/transfers/{self.child.pk}/", html)  # descendant
        child = self.get(f"/en/sharing/transfers/{self.child.pk}/")
        self.assertIn(f"/en/sharing/transfers/{self.transfer.pk}/", child)  # ancestor
        self.assertIn("No budget", child)
        self.assertIn(ILLUSTRATIVE, child)
        self.assertNotIn(ILLUSTRATIVE, html)

    def test_arabic_reader_gets_fallback_texts_marked_with_their_language(self):
        html = self.get(f"/ar/sharing/transfers/{self.transfer.pk}/")
        self.assertIn('<p lang="en" dir="ltr">The card system was adapted</p>', html)

    def test_unknown_or_huge_transfer_id_is_a_404(self):
        self.get("/en/sharing/transfers/999999/", status=404)
        self.get("/en/sharing/transfers/99999999999999/", status=404)

    def test_transfer_filters(self):
        html = self.get("/en/sharing/transfers/?stage=not_pursued")
        self.assertIn(f"/en/sharing/transfers/{self.child.pk}/", html)
        self.assertNotIn(f"/en/sharing/transfers/{self.transfer.pk}/", html)
        html = self.get(f"/en/sharing/transfers/?policy={self.policy_en.translation_key}")
        self.assertIn(f"/en/sharing/transfers/{self.transfer.pk}/", html)
        html = self.get("/en/sharing/transfers/?country=KR&channel=bogus&policy=x")
        self.assertIn("No transfer matches these filters.", html)

    def test_pagination_links_keep_the_filters_read_and_nothing_else(self):
        key = self.policy_en.translation_key
        with mock.patch.object(section, "TRANSFERS_PER_PAGE", 1):
            html = self.get(f"/en/sharing/transfers/?utm_source=mail&policy={key}&x=%3Cb%3E")
        pages = pagination(html)
        self.assertIn(f'href="?policy={key}&amp;page=2"', pages)
        self.assertNotIn("utm_source", pages)
        self.assertNotIn("x=", pages)
        make_tender(title="Second open tender", deadline=timezone.now() + timedelta(days=5))
        with mock.patch.object(section, "TENDERS_PER_PAGE", 1):
            pages = pagination(self.get("/en/sharing/tenders/?utm_source=mail"))
        self.assertIn('href="?page=2"', pages)
        self.assertNotIn("utm_source", pages)

    def test_only_current_tenders_are_listed(self):
        html = self.get("/en/sharing/tenders/")
        self.assertIn("Bus depot in Tashkent", html)
        self.assertIn("https://example.org/tender/open", html)
        self.assertNotIn("Expired water tender", html)
        self.assertNotIn("Closed metro tender", html)

    def test_firms_with_public_interests_anchored_by_each_version(self):
        html = self.get("/en/sharing/firms/")
        self.assertIn("Korea Transit Co.", html)
        self.assertIn(f'id="firm-{self.firm_en.pk}"', html)
        self.assertIn(f'id="firm-{self.firm.pk}"', html)  # the Korean record interests name
        self.assertNotIn("Hidden Interest Ltd", html)

    def test_project_page(self):
        html = self.get(self.project.url)
        with translation.override("ko"):  # a Korean project page
            self.assertIn(gettext(ILLUSTRATIVE), html)
        self.assertIn("KOICA", html)
        self.assertIn("Daily users", html)
        self.assertIn("1000000 USD", html)
        self.assertIn('href="/ko/cities/ulaanbaatar/"', html)
        self.assertIn(self.policy_ko.url, html)
        self.assertIn(f"/ko/sharing/transfers/{self.transfer.pk}/", html)
        self.assertIn('href="/feeds/ko/sharing/projects.rss"', html)
        assert_accessible_page(html, lang="ko")

    def test_projects_list_shows_the_fallback_version(self):
        html = self.get("/ar/sharing/projects/")
        self.assertIn(
            '<a href="/ar/sharing/ub-card/" lang="en" dir="ltr">'
            "Ulaanbaatar transport card project</a>",
            html,
        )

    def test_project_json_ld(self):
        data = json_ld(self.get(self.project.url))
        self.assertEqual(data["@type"], "Project")
        self.assertEqual(data["name"], "울란바토르 교통카드 사업")
        self.assertEqual(data["startDate"], "2015-01-01")
        self.assertEqual(data["endDate"], "2017-12-31")
        self.assertEqual(data["funder"], [{"@type": "Organization", "name": "KOICA"}])
        self.assertEqual(data["location"][0]["name"], "울란바토르")
        self.assertTrue(data["location"][0]["url"].endswith("/ko/cities/ulaanbaatar/"))

    def test_transfer_json_ld(self):
        data = json_ld(self.get(f"/en/sharing/transfers/{self.transfer.pk}/"))
        self.assertEqual(data["@type"], "TransferAction")
        self.assertEqual(data["object"]["name"], "Transport card")
        self.assertEqual(data["fromLocation"]["name"], "Seoul")
        self.assertEqual(data["toLocation"]["name"], "Ulaanbaatar")
        self.assertEqual(data["location"], data["toLocation"])
        self.assertEqual(data["actionStatus"], "https://schema.org/CompletedActionStatus")
        failed = json_ld(self.get(f"/en/sharing/transfers/{self.child.pk}/"))
        self.assertEqual(failed["actionStatus"], "https://schema.org/FailedActionStatus")
        # the section's own page keeps its CollectionPage
        self.assertEqual(json_ld(self.get("/en/sharing/"))["@type"], "CollectionPage")

    def test_sub_pages_have_their_own_canonical_and_alternates(self):
        html = self.get("/en/sharing/transfers/")
        self.assertIn('<link rel="canonical" href="http://testserver/en/sharing/transfers/">', html)
        self.assertIn('hreflang="ko" href="http://localhost/ko/sharing/transfers/"', html)

    def test_feeds_are_advertised_and_parse(self):
        html = self.get("/en/sharing/")
        self.assertIn('href="/feeds/en/sharing/transfers.rss"', html)
        self.assertIn('href="/feeds/en/sharing/projects.atom"', html)
        for suffix in ("rss", "atom"):
            feed = feedparser.parse(self.get(f"/feeds/en/sharing/transfers.{suffix}"))
            self.assertFalse(feed.bozo, feed.get("bozo_exception"))
            titles = [entry.title for entry in feed.entries]
            self.assertIn("Transport card: Seoul → Ulaanbaatar", titles)
            links = [entry.link for entry in feed.entries]
            self.assertIn(f"http://localhost/en/sharing/transfers/{self.transfer.pk}/", links)
            projects = feedparser.parse(self.get(f"/feeds/en/sharing/projects.{suffix}"))
            self.assertFalse(projects.bozo, projects.get("bozo_exception"))
            self.assertEqual(len(projects.entries), 1)
            self.assertIn("Ulaanbaatar", projects.entries[0].summary)
            self.assertIn(ILLUSTRATIVE, projects.entries[0].summary)
        korean = feedparser.parse(self.get("/feeds/ko/sharing/transfers.rss"))
        self.assertIn("교통카드: 서울 → 울란바토르", [entry.title for entry in korean.entries])

    def test_latest_feed_summary_of_a_project(self):
        feed = feedparser.parse(self.get("/feeds/ko/latest.rss"))
        entry = next(e for e in feed.entries if e.title == "울란바토르 교통카드 사업")
        self.assertIn("울란바토르", entry.summary)

    def test_sitemap_lists_sub_pages_and_transfers_with_alternates(self):
        xml = self.get("/sitemap.xml")
        tree = ElementTree.fromstring(xml)
        ns = {
            "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
            "x": "http://www.w3.org/1999/xhtml",
        }
        urls = {
            url.find("s:loc", ns).text: [link.get("href") for link in url.findall("x:link", ns)]
            for url in tree.findall("s:url", ns)
        }
        transfer_url = f"http://localhost/en/sharing/transfers/{self.transfer.pk}/"
        self.assertIn(transfer_url, urls)
        korean = f"http://localhost/ko/sharing/transfers/{self.transfer.pk}/"
        self.assertIn(korean, urls[transfer_url])
        self.assertIn("http://localhost/ar/sharing/tenders/", urls)
        firms = urls["http://localhost/ko/sharing/firms/"]
        self.assertIn("http://localhost/en/sharing/firms/", firms)

    def test_odd_filter_values_are_ignored(self):
        for query in [
            "policy=%00",
            "policy=not-a-uuid",
            "country=%C2%B2",
            "stage=" + "a" * 300,
            "channel=training&channel=project",
            "page=99999999999999",
            "page=%D9%A1",
        ]:
            with self.subTest(query=query):
                html = self.get(f"/en/sharing/transfers/?{query}")
                self.assertIn('<p class="result-count" role="status">', html)
        for path in ("projects/", "tenders/"):
            self.get(f"/en/sharing/{path}?page=%00")
