"""A feed advertised on a page lists what that page lists, in every partial language: the
board and library pages of fr, es, ar and zh-hans show the fallback versions (English, then
Korean) of what is not translated yet, and so do their feeds."""

from datetime import date
from urllib.parse import urlsplit

import feedparser
from django.test import TestCase
from lxml import html as lxml_html
from wagtail.models import Locale

from policyshare.boards.models import BoardIndexPage
from policyshare.core.tests import builders
from policyshare.policies.models import PolicyLibraryPage

LANGUAGES = ("ko", "en", "fr", "es", "ar", "zh-hans")
PARTIAL = ("fr", "es", "ar", "zh-hans")


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


POST_LINKS = f"//a[{has_class('post-row__title')}]"
POLICY_LINKS = f"//article[{has_class('card--policy')}]//*[{has_class('card__title')}]//a"


def listed_paths(page_html: str, xpath: str) -> list[str]:
    tree = lxml_html.fromstring(page_html)
    return [urlsplit(a.get("href")).path for a in tree.xpath(xpath)]


def advertised_feeds(page_html: str) -> list[str]:
    tree = lxml_html.fromstring(page_html)
    return [
        link.get("href")
        for link in tree.xpath('//head/link[@rel="alternate"]')
        if link.get("type") in ("application/rss+xml", "application/atom+xml")
    ]


class FeedsFollowPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections(languages=LANGUAGES)
        transport_ko = builders.make_theme(language="ko", name="교통", slug="transport")
        transport_en = builders.make_theme(
            language="en", name="Transport", slug="transport", translation_of=transport_ko
        )
        library_ko = sections["policies"]["ko"]
        # In Korean and English; in English only; in Korean only (the fallback's fallback).
        both = builders.make_policy(library=library_ko, title="버스", themes=[transport_ko])
        both_en = builders.translate_page(both, language="en", title="Buses")
        both_en.themes.set([transport_en])
        both_en.save()
        builders.make_policy(
            library=sections["policies"]["en"], title="Housing", themes=[transport_en]
        )
        builders.make_policy(library=library_ko, title="야간버스")
        # Translated into French: French readers get it in French, the others in English.
        translated = builders.make_policy(library=library_ko, title="따릉이")
        builders.translate_page(translated, language="en", title="Bikes")
        builders.translate_page(translated, language="fr", title="Vélos")
        for board in BoardIndexPage.objects.filter(locale__language_code="ko"):
            english_board = board.get_translation(Locale.objects.get(language_code="en"))
            post = builders.make_post(board=board, registered_on=date(2020, 1, 2))
            builders.translate_page(post, language="en", title=f"English {board.slug}")
            builders.make_post(board=english_board, registered_on=date(2021, 3, 4))
            builders.make_post(board=board, registered_on=date(2019, 5, 6))

    def feed_paths(self, href: str) -> list[str]:
        response = self.client.get(href)
        self.assertEqual(response.status_code, 200, href)
        feed = feedparser.parse(response.content)
        return [urlsplit(entry.link).path for entry in feed.entries]

    def assert_feeds_list_the_page(
        self, path: str, xpath: str, *, expected_feeds: int, only: str = ""
    ):
        """Every feed the page advertises (whose address has `only` in it) lists the page's
        items, in its order, at the addresses the page links them to."""
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200, path)
        page_html = response.content.decode()
        on_page = listed_paths(page_html, xpath)
        self.assertGreaterEqual(len(on_page), 2, f"{path} lists too little to compare")
        feeds = advertised_feeds(page_html)
        self.assertEqual(len(feeds), expected_feeds, f"{path} advertises {feeds}")
        for href in [href for href in feeds if only in href]:
            with self.subTest(page=path, feed=href):
                self.assertEqual(self.feed_paths(href), on_page)

    def test_board_feeds_list_what_their_board_lists(self):
        for language in PARTIAL:
            boards = BoardIndexPage.objects.live().filter(locale__language_code=language)
            self.assertEqual(
                boards.count(), BoardIndexPage.objects.filter(locale__language_code="ko").count()
            )
            for board in boards:
                with self.subTest(language=language, board=board.slug):
                    self.assert_feeds_list_the_page(board.url, POST_LINKS, expected_feeds=2)

    def test_policy_feeds_list_what_the_library_lists(self):
        for language in PARTIAL:
            library = PolicyLibraryPage.objects.get(locale__language_code=language)
            with self.subTest(language=language):
                self.assert_feeds_list_the_page(library.url, POLICY_LINKS, expected_feeds=2)
                # The theme exists only in Korean and English: the page offers the English
                # one, with its feed (the library's feed is advertised too, tested above).
                self.assert_feeds_list_the_page(
                    f"{library.url}?theme=transport",
                    POLICY_LINKS,
                    expected_feeds=4,
                    only="/themes/",
                )

    def test_fallback_items_stay_under_the_readers_language(self):
        library = PolicyLibraryPage.objects.get(locale__language_code="es")
        paths = self.feed_paths("/feeds/es/policies.rss")
        self.assertEqual(len(paths), 4)
        self.assertTrue(all(path.startswith("/es/policies/") for path in paths), paths)
        self.assertEqual(
            listed_paths(self.client.get(library.url).content.decode(), POLICY_LINKS), paths
        )
        # French has its own version of one policy: it is listed instead of the English one.
        french = self.client.get("/feeds/fr/policies.atom")
        self.assertIn("Vélos", french.content.decode())
        self.assertNotIn("<title>Bikes</title>", french.content.decode())

    def test_the_latest_feed_of_a_partial_language_borrows_like_its_lists(self):
        for language in PARTIAL:
            with self.subTest(language=language):
                paths = self.feed_paths(f"/feeds/{language}/latest.rss")
                policies = [p for p in paths if p.startswith(f"/{language}/policies/")]
                self.assertEqual(len(policies), 4)  # one version of each of the 4 policies
                self.assertTrue(all(p.startswith(f"/{language}/") for p in paths), paths)
        self.assertIn("Vélos", self.client.get("/feeds/fr/latest.rss").content.decode())
        english = self.feed_paths("/feeds/en/latest.rss")
        self.assertEqual(len([p for p in english if p.startswith("/en/policies/")]), 3)
