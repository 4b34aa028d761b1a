"""Feeds, the sitemap, robots.txt and the metadata every page carries."""

import html
import json
import re
from datetime import date
from pathlib import Path

import feedparser
from django.test import TestCase
from django.utils import timezone
from lxml import etree
from lxml import html as lxml_html

from policyshare.core.tests import builders

SCHEMAS = Path(__file__).parent / "schemas"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


class OpenDataTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.transport_ko = builders.make_theme(language="ko", name="교통", slug="transport")
        cls.transport = builders.make_theme(
            language="en", name="Transport", slug="transport", translation_of=cls.transport_ko
        )
        cls.housing = builders.make_theme(language="en", name="Housing", slug="housing")
        cls.brt_ko = builders.make_policy(
            library=cls.sections["policies"]["ko"],
            title="버스 중앙차로 & 환승 <개편>",
            slug="bus-lanes",
            themes=[cls.transport_ko],
            department="도시교통실",
            period_start_year=2004,
        )
        cls.brt = builders.translate_page(
            cls.brt_ko, language="en", title="Median bus lanes", summary="Faster buses."
        )
        cls.brt.themes.set([cls.transport])
        cls.brt.save()
        cls.housing_policy = builders.make_policy(
            library=cls.sections["policies"]["en"], title="Public housing", themes=[cls.housing]
        )
        cls.news = builders.make_post(
            board=cls.sections["news"]["en"], title="Seoul wins an award", writer="Kim"
        )
        cls.report = builders.make_post(
            board=cls.sections["reports"]["en"],
            title="UN-Habitat report",
            registered_on=date(2019, 1, 2),
            original_url="https://unhabitat.org/report",
        )
        cls.ko_news = builders.make_post(board=cls.sections["news"]["ko"], title="서울 소식")


class FeedTests(OpenDataTestCase):
    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        feed = feedparser.parse(response.content)
        self.assertEqual(feed.bozo, 0, f"{url}: {feed.get('bozo_exception')}")
        return response, feed

    def titles(self, url):
        return [entry.title for entry in self.parse(url)[1].entries]

    def test_every_feed_parses_in_both_formats(self):
        urls = []
        for language in ("ko", "en"):
            urls += [
                f"/feeds/{language}/latest",
                f"/feeds/{language}/policies",
                f"/feeds/{language}/themes/transport",
            ]
            urls += [
                f"/feeds/{language}/boards/{kind}" for kind in ("news", "media", "video", "report")
            ]
        for url in urls:
            for suffix, version in (("rss", "rss20"), ("atom", "atom10")):
                with self.subTest(url=url, suffix=suffix):
                    response, feed = self.parse(f"{url}.{suffix}")
                    self.assertEqual(feed.version, version)
                    self.assertTrue(
                        response["Content-Type"].startswith(
                            "application/rss+xml" if suffix == "rss" else "application/atom+xml"
                        )
                    )

    def test_entries(self):
        self.assertEqual(
            self.titles("/feeds/en/policies.rss"), ["Public housing", "Median bus lanes"]
        )
        self.assertEqual(self.titles("/feeds/ko/policies.atom"), ["버스 중앙차로 & 환승 <개편>"])
        self.assertEqual(self.titles("/feeds/en/themes/transport.atom"), ["Median bus lanes"])
        self.assertEqual(self.titles("/feeds/en/boards/news.rss"), ["Seoul wins an award"])
        self.assertEqual(self.titles("/feeds/en/boards/report.rss"), ["UN-Habitat report"])
        self.assertEqual(self.titles("/feeds/ko/boards/news.rss"), ["서울 소식"])
        self.assertEqual(
            set(self.titles("/feeds/en/latest.rss")),
            {"Public housing", "Median bus lanes", "Seoul wins an award", "UN-Habitat report"},
        )

    def test_entry_details(self):
        _response, feed = self.parse("/feeds/en/policies.atom")
        entry = next(e for e in feed.entries if e.title == "Median bus lanes")
        self.assertEqual(entry.link, self.brt.get_full_url())
        self.assertEqual(entry.id, self.brt.get_full_url())
        self.assertEqual(entry.summary, "Faster buses.")
        self.assertEqual([tag.term for tag in entry.tags], ["Transport"])
        self.assertEqual(feed.feed.language if "language" in feed.feed else "en", "en")
        _response, feed = self.parse("/feeds/en/boards/news.rss")
        self.assertEqual(feed.entries[0].author, "Kim")

    def test_unknown_feeds_are_404(self):
        for url in [
            "/feeds/de/policies.rss",
            "/feeds/en/themes/nothing.rss",
            "/feeds/en/boards/blog.rss",
        ]:
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_pages_advertise_their_feeds(self):
        expectations = {
            "/en/": ["/feeds/en/latest.rss", "/feeds/en/latest.atom", "/feeds/en/policies.rss"],
            "/ko/policies/": ["/feeds/ko/policies.rss", "/feeds/ko/policies.atom"],
            "/en/policies/?theme=transport": ["/feeds/en/themes/transport.rss"],
            "/en/news/": ["/feeds/en/boards/news.rss", "/feeds/en/boards/news.atom"],
            "/en/reports/": ["/feeds/en/boards/report.rss"],
        }
        for url, feeds in expectations.items():
            html = self.client.get(url).content.decode()
            advertised = re.findall(
                r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]* href="([^"]+)"',
                html,
            )
            for feed in feeds:
                self.assertIn(feed, advertised, url)
                self.assertEqual(self.client.get(feed).status_code, 200)


class FeedTextTests(TestCase):
    """Titles and summaries are plain text: markup typed into them must not become markup."""

    TITLE = "<script>alert(1)</script> R&D <b>bold</b>"
    SUMMARY = '<img src="x" onerror="alert(2)"> <a href="javascript:alert(3)">x</a> & more'
    ATOM = "{http://www.w3.org/2005/Atom}"

    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        theme = builders.make_theme(language="en", name="<i>Transport</i>", slug="transport")
        builders.make_policy(
            library=sections["policies"]["en"],
            title=cls.TITLE,
            summary=cls.SUMMARY,
            themes=[theme],
        )

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content

    def test_atom_says_text_and_carries_it_as_written(self):
        content = self.get("/feeds/en/themes/transport.atom")
        entry = etree.fromstring(content).find(f"{self.ATOM}entry")
        title, summary = entry.find(f"{self.ATOM}title"), entry.find(f"{self.ATOM}summary")
        # RFC 4287 3.1.1: no type attribute means text.
        self.assertEqual(title.get("type", "text"), "text")
        self.assertEqual(title.text, self.TITLE)
        self.assertEqual(summary.get("type"), "text")
        self.assertEqual(summary.text, self.SUMMARY)
        entry = feedparser.parse(content).entries[0]
        self.assertEqual(entry.title_detail.type, "text/plain")
        self.assertEqual(entry.title, self.TITLE)
        self.assertEqual(entry.summary_detail.type, "text/plain")
        self.assertEqual(entry.summary, self.SUMMARY)

    def test_rss_escapes_text_so_html_readers_show_it_as_written(self):
        content = self.get("/feeds/en/themes/transport.rss")
        channel = etree.fromstring(content).find("channel")
        item = channel.find("item")
        # RSS has no content type: readers render title and description as HTML, so what
        # they receive is the text HTML-escaped; rendered, it is the text as typed.
        self.assertEqual(item.findtext("title"), html.escape(self.TITLE))
        self.assertEqual(item.findtext("description"), html.escape(self.SUMMARY))
        self.assertNotIn("<", channel.findtext("title"))
        self.assertIn("&lt;i&gt;Transport", channel.findtext("title"))
        entry = feedparser.parse(content).entries[0]
        for value in (entry.title, entry.summary):
            rendered = lxml_html.fragment_fromstring(value, create_parent="div")
            self.assertEqual(
                [element.tag for element in rendered.iter()], ["div"], f"markup in {value!r}"
            )
        self.assertEqual(html.unescape(entry.title), self.TITLE)
        self.assertEqual(html.unescape(entry.summary), self.SUMMARY)


class SitemapTests(OpenDataTestCase):
    def test_sitemap_is_valid_against_the_schema(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap-with-alternates.xsd")))
        document = etree.fromstring(response.content)
        self.assertTrue(schema.validate(document), schema.error_log)

    def test_broken_sitemaps_fail_the_schema(self):
        """The schema check can fail: a missing <loc> and a bad date are caught."""
        schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap-with-alternates.xsd")))
        bad = f'<urlset xmlns="{SITEMAP_NS}"><url><lastmod>yesterday</lastmod></url></urlset>'
        self.assertFalse(schema.validate(etree.fromstring(bad)))

    def test_every_page_with_lastmod_and_hreflang_alternates(self):
        document = etree.fromstring(self.client.get("/sitemap.xml").content)
        ns = {"s": SITEMAP_NS, "x": XHTML_NS}
        entries = {
            url.findtext("s:loc", namespaces=ns): url for url in document.findall("s:url", ns)
        }
        for page in (self.brt, self.brt_ko, self.housing_policy, self.news, self.ko_news):
            self.assertIn(page.get_full_url(), entries)
        brt = entries[self.brt.get_full_url()]
        self.assertEqual(
            brt.findtext("s:lastmod", namespaces=ns),
            timezone.localtime(self.brt.last_published_at).date().isoformat(),
        )
        alternates = {link.get("hreflang"): link.get("href") for link in brt.findall("x:link", ns)}
        self.assertEqual(
            alternates, {"ko": self.brt_ko.get_full_url(), "en": self.brt.get_full_url()}
        )
        # A page without a translation lists no alternates.
        self.assertEqual(entries[self.housing_policy.get_full_url()].findall("x:link", ns), [])

    def test_unpublished_pages_are_left_out(self):
        self.housing_policy.unpublish()
        content = self.client.get("/sitemap.xml").content.decode()
        self.assertNotIn(self.housing_policy.get_full_url(), content)

    def test_robots_txt(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/plain"))
        lines = response.content.decode().splitlines()
        self.assertIn("User-agent: *", lines)
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)


class MetadataTests(OpenDataTestCase):
    def json_ld(self, url):
        html = self.client.get(url).content.decode()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        self.assertEqual(len(blocks), 1, url)
        return html, json.loads(blocks[0])

    def meta(self, html, name):
        match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
        return match.group(1) if match else None

    def test_home_page_is_a_government_organisation_website(self):
        html, data = self.json_ld("/en/")
        types = {node["@type"] for node in data["@graph"]}
        self.assertEqual(types, {"WebSite", "GovernmentOrganization"})
        self.assertEqual(self.meta(html, "og:type"), "website")
        self.assertEqual(self.meta(html, "og:locale"), "en_US")

    def test_policy_is_an_article(self):
        html, data = self.json_ld(self.brt_ko.url)
        self.assertEqual(data["@type"], "Article")
        self.assertEqual(data["headline"], "버스 중앙차로 & 환승 <개편>")
        self.assertEqual(data["temporalCoverage"], "2004/..")
        self.assertEqual(data["keywords"], ["교통"])
        self.assertEqual(data["sourceOrganization"]["name"], "도시교통실")
        self.assertEqual(data["url"], self.brt_ko.get_full_url())
        self.assertEqual(self.meta(html, "og:type"), "article")
        self.assertEqual(self.meta(html, "og:url"), self.brt_ko.get_full_url())
        self.assertEqual(self.meta(html, "twitter:card"), "summary")

    def test_json_ld_cannot_close_its_script_element(self):
        html, _data = self.json_ld(self.brt_ko.url)
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        self.assertNotIn("<", script.group(1))
        self.assertIn("\\u003C개편\\u003E", script.group(1))

    def test_posts_are_news_articles_and_reports(self):
        _html, data = self.json_ld(self.news.url)
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["author"], {"@type": "Person", "name": "Kim"})
        self.assertEqual(data["datePublished"], self.news.registered_on.isoformat())
        _html, data = self.json_ld(self.report.url)
        self.assertEqual(data["@type"], "Report")
        self.assertEqual(data["isBasedOn"], "https://unhabitat.org/report")

    def test_section_pages(self):
        html, data = self.json_ld("/en/news/")
        self.assertEqual(data["@type"], "CollectionPage")
        self.assertIn('<link rel="canonical" href="http://localhost/en/news/">', html)
        self.assertEqual(self.meta(html, "og:title"), "Seoul&#x27;s News")
