"""What an uncached public page reads: a fixed number of queries, which more content does not
raise, with everything every page repeats (navigation, header, footer, logos) warm in the
fragment cache, as in production. The serving layer relies on these counts (bench/load)."""

from datetime import date

from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from policyshare.core import fragments
from policyshare.core.tests import builders


@override_settings(FRAGMENT_CACHE_SECONDS=3600, PAGE_CACHE_SECONDS=0)
class PageQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.library = cls.sections["policies"]["en"]
        cls.news = cls.sections["news"]["en"]
        cls.themes = themes = [builders.make_theme(language="en") for _ in range(2)]
        cls.policies = [
            builders.make_policy(library=cls.library, themes=themes, is_featured=n < 2)
            for n in range(3)
        ]
        cls.posts = [
            builders.make_post(board=cls.news, registered_on=date(2020, 1, n + 1)) for n in range(3)
        ]

    def setUp(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)

    def queries_for(self, url) -> list[str]:
        self.client.get(url)  # the fragments every page shares, as in production
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(f"{url}?unseen=1")  # not in the page cache
        self.assertEqual(response.status_code, 200)
        return [query["sql"] for query in queries]

    def more_content(self):
        for _ in range(3):
            builders.make_policy(library=self.library, is_featured=True)
            builders.make_post(board=self.news, registered_on=date(2021, 1, 1))
        cache.clear()
        fragments.clear_local()

    def assert_count_holds(self, url, expected: int):
        queries = self.queries_for(url)
        self.assertEqual(len(queries), expected, "\n".join(queries))
        self.more_content()
        queries = self.queries_for(url)
        self.assertEqual(len(queries), expected, "\n".join(queries))

    def test_home(self):
        # Nothing. Routing reads nothing: the site, its root page in its type and the home
        # page in the reader's language come from the fragments (`CachedSiteMiddleware`,
        # `HomePage.localized`), and so do its locale, the policy feed's title and, as HTML,
        # its sections (popular themes, featured policies, the boards' latest posts,
        # partners: home/home_page.html) and its translation notice.
        self.assert_count_holds("/en/", 0)

    def test_policy_list(self):
        # Routing (the library's address and the library in its type). The themes of the
        # filter, the count, and as HTML the page's cards (per filter and page number) and
        # the translation notice come from the fragments.
        self.assert_count_holds("/en/policies/", 2)

    def test_board_index(self):
        # Routing (the board's address and the board in its type). The years of the filter,
        # the count, and as HTML the list (per year and page number) and the translation
        # notice come from the fragments.
        self.assert_count_holds("/en/news/", 2)

    def test_another_filter_reads_its_own_cards_once(self):
        self.queries_for("/en/policies/")
        url = f"/en/policies/?theme={self.themes[0].slug}"

        def card_reads(query_string):
            with CaptureQueriesContext(connection) as queries:
                self.client.get(f"{url}&{query_string}")
            return [
                q["sql"]
                for q in queries
                if 'FROM "policies_policycase"' in q["sql"] and "COUNT(" not in q["sql"].upper()
            ]

        self.assertEqual(len(card_reads("unseen=1")), 1)  # not the unfiltered list's cards
        self.assertEqual(card_reads("unseen=2"), [])

    def test_policy_list_counts_once_per_filter(self):
        self.queries_for("/en/policies/")
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/en/policies/?other=2")
        self.assertFalse([q for q in queries if "COUNT(" in q["sql"].upper()])

    def test_policy_detail(self):
        # Routing (the policy in its type with its locale and view count, and whether it has
        # other versions, indicators, attachments, related policies, themes and budget
        # lines), then its themes: the only one of those it has (prepared reads,
        # `policyshare.core.framework_internals`; policies/tests/test_page_reads.py). No
        # other version: its language links read nothing. Whether its translation group has
        # transfers (policy sharing's "Where this policy went") comes from the fragments.
        # No budget lines here: the rates and the city's population are not read either
        # (both are kept with the fragments: `test_policy_detail_with_costs`).
        self.assert_count_holds(self.policies[0].url, 2)

    def test_translated_policy_detail(self):
        # A policy with another version also reads its versions (its language links, the
        # alternates, "Available in"), kept per page: read once, then not again.
        korean = builders.translate_page(self.policies[2], language="ko")

        def versions_read(sql):
            return [q for q in sql if '"translation_key" =' in q and "EXISTS" not in q]

        self.client.get("/ko/")
        with CaptureQueriesContext(connection) as queries:
            self.client.get(korean.url)
        self.assertTrue(versions_read([query["sql"] for query in queries]))
        self.assertFalse(versions_read(self.queries_for(korean.url)))

    def test_policy_detail_with_costs(self):
        # Budget lines in won: the rate and the city's population are the same for every
        # case, read once and kept with the fragments; the page reads what it did without.
        from decimal import Decimal

        from policyshare.policies.models import BudgetLine, ExchangeRate
        from policyshare.sharing.tests.builders import make_seoul

        make_seoul()
        ExchangeRate.objects.create(currency="KRW", year=2019, units_per_usd=1000, source="x")
        for policy in self.policies[:2]:
            BudgetLine.objects.create(page=policy, amount=Decimal(5000), currency="KRW", year=2019)
        self.queries_for(self.policies[0].url)  # the rate and the city are in the fragments now
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.policies[1].url)
        self.assertContains(response, "US$ 5")
        sql = [query["sql"] for query in queries]
        self.assertFalse([q for q in sql if "exchangerate" in q or "sharing_city" in q], sql)

    def test_board_post(self):
        # Routing (the post in its type) only: its board (kind, title, address) is the same
        # for every post of the board, kept with the fragments (`BoardPost.board`).
        self.assert_count_holds(self.posts[0].url, 1)

    def test_board_post_no_one_asked_for(self):
        # Another post of a board whose posts were shown: the post only (read with whether
        # it has other versions: it has none, so its language links read nothing), nothing
        # about the board.
        self.queries_for(self.posts[0].url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.posts[1].url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(queries), 1, "\n".join(q["sql"] for q in queries))
