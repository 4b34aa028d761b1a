"""A board's list (its year filter, count, posts and pagination) kept as one HTML fragment
per year and page number, as the policy list is (policies/tests/test_list_fragments.py): a
board page no one asked for yet (a new query string) shows it without reading any post or
even building the posts' queryset; other years and pages show their own; every language
its own; any editorial change shows at once."""

from datetime import date
from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from policyshare.boards.models import POSTS_PER_PAGE, BoardIndexPage
from policyshare.core import fragments
from policyshare.core.tests import builders


def titles(html: str, prefix: str) -> set[str]:
    """The titles starting with `prefix` on the page (the posts below are numbered)."""
    return {part.split("<", 1)[0] for part in html.split(">") if part.startswith(prefix)}


@override_settings(FRAGMENT_CACHE_SECONDS=3600, PAGE_CACHE_SECONDS=0)
class BoardListFragmentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en", "fr"))
        cls.news = cls.sections["news"]["en"]
        cls.ko_news = cls.sections["news"]["ko"]
        # One more than a page in 2020, made oldest first (the newest are on page 1), and
        # two in 2019.
        cls.posts = [
            builders.make_post(
                board=cls.news, title=f"Item {n:02d}", registered_on=date(2020, 1, n + 1)
            )
            for n in range(POSTS_PER_PAGE + 1)
        ]
        cls.old_posts = [
            builders.make_post(
                board=cls.news, title=f"Item old {n}", registered_on=date(2019, 6, n + 1)
            )
            for n in range(2)
        ]
        cls.ko_post = builders.make_post(
            board=cls.ko_news, title="Item 한국어", registered_on=date(2020, 5, 1)
        )

    def setUp(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)
        self.unseen = 0

    def page(self, query="", language="en") -> str:
        self.unseen += 1
        separator = "&" if query else ""
        response = self.client.get(f"/{language}/news/?{query}{separator}u={self.unseen}")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def items(self, query="", language="en") -> set[str]:
        return titles(self.page(query, language), "Item ")

    def test_unknown_parameters_share_the_list_and_read_no_post(self):
        first = self.items()
        with CaptureQueriesContext(connection) as queries:
            second = self.items("other=1")
        self.assertEqual(first, second)
        self.assertEqual(len(first), POSTS_PER_PAGE)
        read = [q["sql"] for q in queries if '"boards_boardpost"' in q["sql"]]
        self.assertEqual(read, [])

    def test_a_kept_list_builds_no_queryset(self):
        # The posts' queryset is built only when the fragment is rendered again (or the
        # count is not kept), and the years come from the fragments too.
        self.page("year=2019")
        with mock.patch.object(
            BoardIndexPage, "posts", autospec=True, side_effect=BoardIndexPage.posts
        ) as built:
            html = self.page("year=2019&other=1")
            self.assertEqual(built.call_count, 0)
            self.assertIn("2 posts", html)
            self.page("year=2020")  # a year not asked for yet
            self.assertEqual(built.call_count, 1)

    def test_years_and_pages_have_their_own_lists(self):
        newest_first = [p.title for p in reversed(self.posts)]
        old = {p.title for p in self.old_posts}
        self.assertEqual(self.items(), set(newest_first[:POSTS_PER_PAGE]))
        self.assertEqual(self.items("page=2"), {newest_first[-1], *old})
        self.assertEqual(self.items("year=2019"), old)
        self.assertEqual(self.items("year=2020&page=2"), {newest_first[-1]})
        # A year without posts, or no year, is no filter.
        self.assertEqual(self.items("year=2018"), set(newest_first[:POSTS_PER_PAGE]))
        self.assertEqual(self.items("year=x&page=2"), {newest_first[-1], *old})
        # And again, now from the fragments: each still its own.
        self.assertEqual(self.items("year=2019"), old)
        self.assertEqual(self.items("page=2"), {newest_first[-1], *old})
        self.assertEqual(self.items(), set(newest_first[:POSTS_PER_PAGE]))

    def test_the_year_filter_shows_the_year_as_read(self):
        html = self.page("year=2019")
        self.assertIn('<option value="2019" selected>', html)
        self.assertIn('<option value="2020">', html)
        self.assertIn("2 posts", html)
        html = self.page("year=2019&other=1")
        self.assertIn('<option value="2019" selected>', html)
        unfiltered = self.page("year=2018")
        self.assertNotIn(" selected>", unfiltered)
        self.assertIn(f"{POSTS_PER_PAGE + 3} posts", unfiltered)

    def test_pagination_keeps_the_year_as_read_and_no_other_parameter(self):
        listed = self.page("other=1&year=02020").split('class="filters"')[1]
        self.assertIn('href="?year=2020&amp;page=2"', listed)
        self.assertNotIn("other=1", listed)
        self.assertNotIn("u=", listed)
        again = self.page("year=2020&other=2").split('class="filters"')[1]
        self.assertIn('href="?year=2020&amp;page=2"', again)
        self.assertNotIn("other=2", again)
        unfiltered = self.page("other=3&year=1990").split('class="filters"')[1]
        self.assertIn('href="?page=2"', unfiltered)
        self.assertIn('rel="next"', unfiltered)
        self.assertIn('aria-label="Pages"', unfiltered)

    def test_each_language_has_its_own_list(self):
        self.assertNotIn("Item 한국어", self.items())
        self.assertEqual(self.items(language="ko"), {"Item 한국어"})
        self.assertNotIn("Item 한국어", self.items())
        # The French board has no post of its own: it lists the English and Korean ones
        # (the fallback chain), each marked with its language, in a French page (its own
        # fragment, not the English one).
        english = self.page()
        french = self.page(language="fr")
        self.assertIn("Item 한국어", titles(french, "Item "))
        self.assertEqual(len(titles(french, "Item ")), POSTS_PER_PAGE)
        listed = french.split('class="post-list"')[1]
        self.assertIn('lang="en"', listed)
        self.assertIn('lang="ko"', listed)
        self.assertIn('<html lang="fr"', french)
        self.assertNotIn('lang="en"', english.split('class="post-list"')[1])

    def test_a_published_post_shows_at_once(self):
        self.items()
        self.items("year=2019")
        builders.make_post(board=self.news, title="Item new", registered_on=date(2020, 12, 1))
        self.assertIn("Item new", self.items())
        builders.make_post(board=self.news, title="Item 2018", registered_on=date(2018, 3, 1))
        html = self.page("year=2018")
        self.assertEqual(titles(html, "Item "), {"Item 2018"})  # the year is offered at once
        self.assertIn('<option value="2018" selected>', html)

    def test_an_edited_post_shows_at_once(self):
        self.items()
        newest = self.posts[-1]
        newest.title = "Item renamed"
        newest.save_revision().publish()
        found = self.items()
        self.assertIn("Item renamed", found)
        self.assertNotIn(f"Item {POSTS_PER_PAGE:02d}", found)

    def test_an_unpublished_post_goes_at_once(self):
        self.assertIn(f"Item {POSTS_PER_PAGE:02d}", self.items())
        self.posts[-1].unpublish()
        found = self.items()
        self.assertNotIn(f"Item {POSTS_PER_PAGE:02d}", found)
        self.assertIn("Item 00", found)  # moved up from page 2
        for post in self.old_posts:
            post.unpublish()
        html = self.page("year=2019")
        self.assertNotIn('<option value="2019"', html)  # the year is gone with its posts
        self.assertIn(f"{POSTS_PER_PAGE} posts", html)
