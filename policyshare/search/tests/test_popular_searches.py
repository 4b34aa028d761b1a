"""Popular searches cannot be poisoned: a query counts once per visitor a day, it needs
SEARCH_POPULAR_MIN_VISITORS different visitors, and editors can hide any term."""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.db import connection
from django.test import TestCase, override_settings
from django.utils import timezone

from policyshare.core.tests import builders
from policyshare.search import selectors
from policyshare.search.models import SearchQueryDay, SearchTerm

from . import factories as make

REPORT = "/admin/reports/popular-searches/"
VISIBILITY = "/admin/reports/popular-searches/visibility/"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"


@override_settings(SEARCH_POPULAR_MIN_VISITORS=3)
class PopularSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            make.sections()
            make.policy(title="공공자전거 따릉이", summary="자전거 대여", year=2015)

    def setUp(self):
        caches["limits"].clear()

    def search(self, query, *, address, user_agent=BROWSER):
        response = self.client.get(
            "/ko/search/", {"q": query}, REMOTE_ADDR=address, HTTP_USER_AGENT=user_agent
        )
        self.assertEqual(response.status_code, 200)

    def popular_on_the_page(self):
        return self.client.get("/ko/search/").context["popular_searches"]

    def test_one_visitor_searching_often_does_not_make_a_term_popular(self):
        for _ in range(10):
            self.search("자전거", address="192.0.2.1")
        row = SearchQueryDay.objects.get(query="자전거")
        self.assertEqual((row.searches, row.visitors), (10, 1))
        self.assertEqual(selectors.popular_searches(language="ko"), [])
        self.assertNotIn("자전거", self.popular_on_the_page())

    def test_enough_different_visitors_make_a_term_popular(self):
        for n in range(2):
            self.search("자전거", address=f"192.0.2.{n}")
        self.assertEqual(selectors.popular_searches(language="ko"), [])
        self.search("자전거", address="192.0.2.9")
        self.assertEqual(SearchQueryDay.objects.get(query="자전거").visitors, 3)
        self.assertEqual(selectors.popular_searches(language="ko"), ["자전거"])
        self.assertContains(self.client.get("/ko/search/"), "?q=%EC%9E%90%EC%A0%84%EA%B1%B0")

    def test_bots_are_not_visitors(self):
        for n in range(5):
            self.search("자전거", address=f"192.0.2.{n}", user_agent="Googlebot/2.1")
        self.assertEqual(SearchQueryDay.objects.get(query="자전거").visitors, 0)
        self.assertEqual(selectors.popular_searches(language="ko"), [])

    def test_no_address_is_kept(self):
        self.search("자전거", address="198.51.100.77")
        self.assertNotIn("198.51.100.77", str(list(SearchQueryDay.objects.values())))
        # The day's mark is a digest: the address is not in its key.
        keys = _limits_keys(caches["limits"])
        self.assertTrue(any("search-visitor:" in key for key in keys))
        self.assertFalse(any("198.51.100.77" in key for key in keys))

    def test_a_hidden_term_never_shows(self):
        for n in range(5):
            self.search("자전거 광고", address=f"192.0.2.{n}")
            self.search("자전거", address=f"192.0.2.{n}")
        SearchTerm.objects.create(language="ko", query="자전거 광고", hidden=True)
        self.assertEqual(selectors.popular_searches(language="ko"), ["자전거"])
        self.assertNotIn("자전거 광고", self.popular_on_the_page())
        # Hidden in Korean only.
        SearchQueryDay.objects.filter(query="자전거 광고").update(language="en")
        self.assertEqual(selectors.popular_searches(language="en"), ["자전거 광고"])


@override_settings(SEARCH_POPULAR_MIN_VISITORS=2)
class EditorsHideTermsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make.sections()
        SearchQueryDay.objects.create(
            day=_today(), language="ko", query="자전거 광고", searches=9, visitors=4
        )
        cls.editor = builders.make_admin_user("editor", group="Editors")

    def test_an_editor_hides_a_term_and_shows_it_again(self):
        self.assertEqual(selectors.popular_searches(language="ko"), ["자전거 광고"])
        self.client.force_login(self.editor)
        report = self.client.get(REPORT)
        self.assertContains(report, "자전거 광고")
        self.assertContains(report, "Hide")
        response = self.client.post(
            VISIBILITY, {"language": "ko", "query": "자전거 광고", "hidden": "on"}, follow=True
        )
        self.assertRedirects(response, REPORT)
        self.assertContains(response, "is no longer shown among the popular searches")
        self.assertTrue(SearchTerm.objects.get(language="ko", query="자전거 광고").hidden)
        self.assertEqual(selectors.popular_searches(language="ko"), [])
        self.assertContains(self.client.get(REPORT), "Show again")
        self.client.post(VISIBILITY, {"language": "ko", "query": "자전거 광고"})
        self.assertEqual(selectors.popular_searches(language="ko"), ["자전거 광고"])

    def test_bad_input_changes_nothing(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            VISIBILITY, {"language": "xx", "query": "자전거 광고", "hidden": "on"}, follow=True
        )
        self.assertContains(response, "could not be changed")
        self.assertFalse(SearchTerm.objects.exists())
        self.assertEqual(self.client.get(VISIBILITY).status_code, 405)

    def test_others_may_not_hide_terms(self):
        other = get_user_model().objects.create_user("other", password="pw")
        other.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.client.force_login(other)
        response = self.client.post(VISIBILITY, {"language": "ko", "query": "자전거 광고"})
        # Wagtail answers a permission denied in the admin with a redirect to its home.
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertNotEqual(self.client.get(REPORT).status_code, 200)
        self.assertFalse(SearchTerm.objects.exists())


class EditorsPermissionMigrationTests(TestCase):
    CODENAMES = {"view_searchqueryday", "view_searchterm", "change_searchterm"}

    def group_codenames(self, name):
        return set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="portal_search")
            # Synonyms are granted by migration 0007 (test_synonyms.py).
            .exclude(content_type__model="searchsynonym")
            .values_list("codename", flat=True)
        )

    def test_editors_and_moderators_are_granted_the_search_reports(self):
        migration = importlib.import_module(
            "policyshare.search.migrations.0004_editors_moderate_popular_searches"
        )
        for name in ("Editors", "Moderators"):
            self.assertEqual(self.group_codenames(name), self.CODENAMES)
        migration.revoke(apps, None)
        self.assertEqual(self.group_codenames("Editors"), set())
        migration.grant(apps, None)
        for name in ("Editors", "Moderators"):
            self.assertEqual(self.group_codenames(name), self.CODENAMES)


def _today():
    return timezone.localdate()


def _limits_keys(cache):
    """The keys in the limits cache (a database table in the tests)."""
    table = connection.ops.quote_name(cache._table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {table}")
        return [row[0] for row in cursor.fetchall()]
