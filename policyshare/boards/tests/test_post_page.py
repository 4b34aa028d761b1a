"""A post's page names its board (title, address, language) and says in its JSON-LD whether
it is a report, from the board kept with the fragments: the same for every post of the
board, and retired when the board changes."""

import html
import json
import re

from django.core.cache import cache
from django.test import TestCase, override_settings

from policyshare.core import fragments
from policyshare.core.tests import builders


@override_settings(FRAGMENT_CACHE_SECONDS=3600, PAGE_CACHE_SECONDS=0)
class PostBoardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.news = cls.sections["news"]["en"]
        cls.reports = cls.sections["reports"]["en"]
        cls.post = builders.make_post(board=cls.news)
        cls.report = builders.make_post(board=cls.reports)

    def setUp(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)

    def board_link(self, url) -> tuple[str, str]:
        page = self.client.get(url).content.decode()
        found = re.search(r'<p class="post__board"><a href="([^"]*)"[^>]*>([^<]*)</a>', page)
        self.assertIsNotNone(found, page)
        return found.group(1), html.unescape(found.group(2))

    def json_ld_type(self, url) -> str:
        page = self.client.get(url).content.decode()
        found = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
        self.assertIsNotNone(found)
        data = json.loads(found.group(1))
        items = data.get("@graph", [data]) if isinstance(data, dict) else data
        return next(item["@type"] for item in items if item.get("headline"))

    def test_names_its_board(self):
        self.assertEqual(self.board_link(self.post.url), (self.news.url, self.news.title))
        self.assertEqual(self.board_link(self.report.url), (self.reports.url, self.reports.title))

    def test_report_kind_in_json_ld(self):
        self.assertEqual(self.json_ld_type(self.report.url), "Report")
        self.assertEqual(self.json_ld_type(self.post.url), "NewsArticle")

    def test_board_renamed_shows_at_once(self):
        self.board_link(self.post.url)  # the board is in the fragments now
        self.news.title = "Renamed news"
        self.news.save_revision().publish()
        self.assertEqual(self.board_link(self.post.url)[1], "Renamed news")

    def test_korean_board_marked_on_english_reader_page(self):
        # A post only in Korean, asked for in English: shown with its Korean board.
        korean = builders.make_post(board=self.sections["news"]["ko"])
        page = self.client.get(f"/en/news/{korean.slug}/").content.decode()
        self.assertIn('<p class="post__board"><a href="/ko/news/" lang="ko" dir="ltr">', page)
