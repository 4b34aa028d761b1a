"""A policy list's cards kept as an HTML fragment per filter and page number: a list page no
one asked for yet (a new query string) shows them without reading them; other filters and
pages show their own; any editorial change shows at once."""

from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from policyshare.core import fragments
from policyshare.core.tests import builders
from policyshare.policies.models import POLICIES_PER_PAGE, PolicyLibraryPage


def titles(html: str, prefix: str) -> set[str]:
    """The titles starting with `prefix` on the page (the builders' policies are numbered)."""
    return {part.split("<", 1)[0] for part in html.split(">") if part.startswith(prefix)}


@override_settings(FRAGMENT_CACHE_SECONDS=3600, PAGE_CACHE_SECONDS=0)
class PolicyListFragmentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.library = cls.sections["policies"]["en"]
        cls.ko_library = cls.sections["policies"]["ko"]
        cls.theme = builders.make_theme(language="en", name="Transport", slug="transport")
        # One more than a page, made oldest first: the newest are on page 1.
        cls.policies = [
            builders.make_policy(
                library=cls.library,
                title=f"Case {n:02d}",
                period_start_year=2000 + n,
                period_end_year=2000 + n,
                themes=[cls.theme] if n < 3 else [],
            )
            for n in range(POLICIES_PER_PAGE + 1)
        ]
        cls.ko_policy = builders.make_policy(library=cls.ko_library, title="Case 한국어")

    def setUp(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)
        self.unseen = 0

    def page(self, query="", language="en") -> str:
        self.unseen += 1
        separator = "&" if query else ""
        response = self.client.get(f"/{language}/policies/?{query}{separator}u={self.unseen}")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def cases(self, query="", language="en") -> set[str]:
        return titles(self.page(query, language), "Case ")

    def test_unknown_parameters_share_the_cards_and_read_no_policy(self):
        first = self.cases()
        with CaptureQueriesContext(connection) as queries:
            second = self.cases("other=1")
        self.assertEqual(first, second)
        self.assertEqual(len(first), POLICIES_PER_PAGE)
        read = [q["sql"] for q in queries if '"policies_policycase"' in q["sql"]]
        self.assertEqual(read, [])

    def test_filters_and_pages_have_their_own_cards(self):
        newest_first = [p.title for p in reversed(self.policies)]
        self.assertEqual(self.cases(), set(newest_first[:POLICIES_PER_PAGE]))
        self.assertEqual(self.cases("page=2"), set(newest_first[POLICIES_PER_PAGE:]))
        self.assertEqual(self.cases("theme=transport"), {"Case 00", "Case 01", "Case 02"})
        self.assertEqual(self.cases("from=2010"), {f"Case {n:02d}" for n in range(10, 13)})
        self.assertEqual(self.cases("to=2001"), {"Case 00", "Case 01"})
        # No case has reached a lifecycle stage; an unknown status is no filter.
        self.assertEqual(self.cases("status=piloted&to=2004"), set())
        self.assertEqual(self.cases("status=unknown&to=2004"), {f"Case {n:02d}" for n in range(5)})
        self.assertEqual(self.cases("theme=unknown"), set())
        # And again, now from the fragments: each still its own.
        self.assertEqual(self.cases("theme=transport"), {"Case 00", "Case 01", "Case 02"})
        self.assertEqual(self.cases("page=2"), set(newest_first[POLICIES_PER_PAGE:]))
        self.assertEqual(len(self.cases()), POLICIES_PER_PAGE)

    def test_each_language_has_its_own_cards(self):
        self.assertNotIn("Case 한국어", self.cases())
        self.assertEqual(self.cases(language="ko"), {"Case 한국어"})
        self.assertNotIn("Case 한국어", self.cases())

    def test_a_published_policy_shows_at_once(self):
        self.cases()
        builders.make_policy(library=self.library, title="Case new")
        self.assertIn("Case new", self.cases())

    def test_an_edited_policy_shows_at_once(self):
        self.cases()
        newest = self.policies[-1]
        newest.title = "Case renamed"
        newest.save_revision().publish()
        found = self.cases()
        self.assertIn("Case renamed", found)
        self.assertNotIn("Case 12", found)

    def test_an_unpublished_policy_goes_at_once(self):
        self.assertIn("Case 12", self.cases())
        self.policies[-1].unpublish()
        found = self.cases()
        self.assertNotIn("Case 12", found)
        self.assertIn("Case 00", found)  # moved up from page 2

    def test_a_changed_theme_shows_at_once(self):
        self.assertIn(">Transport<", self.page())
        self.theme.name = "Mobility"
        self.theme.save()
        html = self.page()
        self.assertIn(">Mobility<", html)
        self.assertNotIn(">Transport<", html)

    def test_pagination_keeps_the_filters_as_read_and_no_other_parameter(self):
        # The list's fragment (filter form, count, cards, pagination) is kept per filter as
        # read, so its links carry those, never the raw query string (the language links
        # above it keep the query for the languages without a version of the page).
        listed = self.page("other=1&from=01999&to=abc&status=unknown").split('class="filters"')[1]
        self.assertIn('href="?from=1999&amp;page=2"', listed)
        self.assertIn(f"{POLICIES_PER_PAGE + 1} policies", listed)
        self.assertNotIn("other=1", listed)
        self.assertNotIn("u=", listed)
        again = self.page("from=1999&other=2").split('class="filters"')[1]
        self.assertIn('href="?from=1999&amp;page=2"', again)
        self.assertNotIn("other=2", again)
        unfiltered = self.page("other=3").split('class="filters"')[1]
        self.assertIn('href="?page=2"', unfiltered)

    def test_a_new_query_string_reads_nothing_for_the_list(self):
        self.page("theme=transport")
        with CaptureQueriesContext(connection) as queries:
            html = self.page("theme=transport&other=1")
        self.assertIn('<option value="transport" selected', html)
        self.assertIn("3 policies", html)
        read = [
            q["sql"]
            for q in queries
            if '"policies_policycase"' in q["sql"] or '"policies_theme"' in q["sql"]
        ]
        self.assertEqual(read, [])

    def test_a_kept_list_builds_no_queryset(self):
        # The list's queryset is built only when the fragment is rendered again (or the
        # count is not kept): cloning it for each filter costs CPU even when nothing is read.
        self.page("from=2005")
        with mock.patch.object(
            PolicyLibraryPage, "policies", autospec=True, side_effect=PolicyLibraryPage.policies
        ) as built:
            html = self.page("from=2005&other=1")
            self.assertEqual(built.call_count, 0)
            self.assertIn("8 policies", html)
            self.page("from=2006")  # a filter not seen yet
            self.assertEqual(built.call_count, 1)
