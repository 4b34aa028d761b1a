"""The worked example (exampleapp.Notice) in sitemap.xml: listed by Wagtail's
`get_sitemap_urls`, with hreflang alternates once translated."""

from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from policyshare.core.tests import builders
from policyshare.core.tests.exampleapp.models import Notice

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def make_notice(*, parent, title, slug):
    notice = Notice(title=title, slug=slug, summary="A short announcement.")
    parent.add_child(instance=notice)
    notice.save_revision().publish()
    return Notice.objects.get(pk=notice.pk)


class NoticeSitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        home = sections["policies"]["en"].get_parent()
        cls.notice = make_notice(parent=home, title="Road works", slug="road-works")
        cls.untranslated = make_notice(parent=home, title="Closed on Monday", slug="closed")
        cls.notice_ko = builders.translate_page(cls.notice, language="ko", title="도로 공사")

    def entries(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        document = etree.fromstring(response.content)
        return {url.findtext("s:loc", namespaces=NS): url for url in document.findall("s:url", NS)}

    def test_a_translated_notice_is_listed_with_its_alternates(self):
        entries = self.entries()
        for page in (self.notice, self.notice_ko):
            entry = entries[page.get_full_url()]
            alternates = {
                link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)
            }
            self.assertEqual(
                alternates,
                {"en": self.notice.get_full_url(), "ko": self.notice_ko.get_full_url()},
            )
        self.assertEqual(
            entries[self.notice.get_full_url()].findtext("s:lastmod", namespaces=NS),
            timezone.localtime(self.notice.last_published_at).date().isoformat(),
        )
        self.assertEqual(entries[self.untranslated.get_full_url()].findall("x:link", NS), [])

    def test_the_number_of_queries_does_not_grow_with_the_pages(self):
        def queries():
            with CaptureQueriesContext(connection) as captured:
                self.assertEqual(self.client.get("/sitemap.xml").status_code, 200)
            return len(captured)

        before = queries()
        home = self.notice.get_parent()
        for number in range(3):
            make_notice(parent=home, title=f"Notice {number}", slug=f"notice-{number}")
        self.assertEqual(queries(), before)

    def test_the_page_types_get_sitemap_urls_decides(self):
        """A type that overrides Wagtail's get_sitemap_urls is listed as it says."""

        def one_more(page, request=None):
            return [{"location": page.get_full_url(request) + "archive/", "lastmod": None}]

        with mock.patch.object(Notice, "get_sitemap_urls", one_more):
            entries = self.entries()
        self.assertIn(self.notice.get_full_url() + "archive/", entries)
        self.assertNotIn(self.notice.get_full_url(), entries)
        # Other types keep Wagtail's default: their own address.
        self.assertIn(self.notice.get_parent().get_full_url(), entries)
