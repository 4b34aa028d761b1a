"""The anonymous page cache, its headers, invalidation on editorial changes, proxy purges,
fragment caching, the content security policy and the 503 during a database outage."""

from unittest import mock

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction, Site

from policyshare.cooperation_requests.models import CooperationRequest
from policyshare.cooperation_requests.tests.builders import form_data
from policyshare.core.cache import ResilientRedisCache
from policyshare.core.tests import builders

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    """A frontend cache that remembers what it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)


RECORDING = {"recording": {"BACKEND": f"{__name__}.RecordingBackend"}}


@override_settings(PAGE_CACHE_SECONDS=300, PAGE_CACHE_BROWSER_SECONDS=60)
class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.library = cls.sections["policies"]["en"]
        cls.policy = builders.make_policy(library=cls.library, title="Bike lanes", slug="bikes")

    def setUp(self):
        cache.clear()
        PURGED.clear()

    def test_anonymous_pages_are_public_with_etag_and_served_from_the_cache(self):
        first = self.client.get("/en/policies/bikes/")
        self.assertEqual(first["X-Page-Cache"], "miss")
        self.assertEqual(first["Cache-Control"], "public, max-age=60, s-maxage=300")
        self.assertTrue(first["ETag"])
        self.assertNotIn("Cookie", first.get("Vary", ""))
        self.assertEqual(first["Content-Language"], "en")
        self.assertFalse(first.cookies)
        with CaptureQueriesContext(connection) as queries:
            second = self.client.get("/en/policies/bikes/")
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(len(queries), 0)
        self.assertEqual(second.content, first.content)
        not_modified = self.client.get("/en/policies/bikes/", HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual(not_modified.status_code, 304)

    def test_the_language_chooser_at_the_root_varies_on_accept_language(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertEqual(response.status_code, 302)
        self.assertIn("Accept-Language", response["Vary"])
        self.assertNotIn("X-Page-Cache", response)

    def test_signed_in_users_forms_posts_and_admin_are_never_cached(self):
        user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        self.client.force_login(user)
        response = self.client.get("/en/policies/bikes/")
        self.assertNotIn("X-Page-Cache", response)
        self.assertNotIn("public", response.get("Cache-Control", ""))
        self.assertNotIn("X-Page-Cache", self.client.get("/admin/"))
        self.client.logout()
        form = self.client.get("/en/requests/consultation/")
        self.assertNotIn("X-Page-Cache", form)
        self.assertNotIn("public", form.get("Cache-Control", ""))
        post = self.client.post("/en/search/", {"q": "bikes"})
        self.assertNotIn("X-Page-Cache", post)
        # Every search is recorded for the statistics: never answered from the cache.
        self.assertNotIn("X-Page-Cache", self.client.get("/en/search/?q=bikes"))

    def test_publishing_retires_the_page_and_the_lists_it_appears_on(self):
        self.assertContains(self.client.get("/en/policies/"), "Bike lanes")
        self.assertEqual(self.client.get("/en/policies/")["X-Page-Cache"], "hit")
        self.policy.title = "Protected bike lanes"
        with self.captureOnCommitCallbacks(execute=True):
            self.policy.save_revision().publish()
        response = self.client.get("/en/policies/")
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "Protected bike lanes")
        with self.captureOnCommitCallbacks(execute=True):
            self.policy.unpublish()
        self.assertNotContains(self.client.get("/en/policies/"), "Protected bike lanes")
        self.assertEqual(self.client.get("/en/policies/bikes/").status_code, 404)

    @override_settings(WAGTAILFRONTENDCACHE=RECORDING)
    def test_publish_purges_page_ancestors_feeds_in_every_language(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.policy.save_revision().publish()
        for url in [
            "http://localhost/en/policies/bikes/",
            "http://localhost/ko/policies/bikes/",
            "http://localhost/en/policies/",
            "http://localhost/en/",
            "http://localhost/ko/",
            "http://localhost/feeds/en/latest.rss",
            "http://localhost/feeds/ko/policies.atom",
            "http://localhost/sitemap.xml",
        ]:
            self.assertIn(url, PURGED)

    @override_settings(WAGTAILFRONTENDCACHE=RECORDING)
    def test_move_and_delete_purge_the_old_address(self):
        other = builders.make_standard_page(parent=self.library.get_parent(), slug="archive")
        PURGED.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.policy.move(other, pos="last-child")
        self.assertIn("http://localhost/en/policies/bikes/", PURGED)
        self.assertIn("http://localhost/en/archive/bikes/", PURGED)
        PURGED.clear()
        with self.captureOnCommitCallbacks(execute=True):
            other.delete()
        self.assertIn("http://localhost/en/archive/", PURGED)

    @override_settings(WAGTAILFRONTENDCACHE=RECORDING, FRAGMENT_CACHE_SECONDS=3600)
    def test_a_page_made_private_is_retired_and_restricted_at_once(self):
        self.assertContains(self.client.get("/en/policies/bikes/"), "Bike lanes")
        self.assertContains(self.client.get("/en/policies/"), "Bike lanes")
        with self.captureOnCommitCallbacks(execute=True):
            restriction = PageViewRestriction.objects.create(
                page=self.policy, restriction_type=PageViewRestriction.LOGIN
            )
        self.assertIn("http://localhost/en/policies/bikes/", PURGED)
        self.assertEqual(self.client.get("/en/policies/bikes/").status_code, 302)
        self.assertNotContains(self.client.get("/en/policies/"), "Bike lanes")
        with self.captureOnCommitCallbacks(execute=True):
            restriction.delete()
        self.assertContains(self.client.get("/en/policies/bikes/"), "Bike lanes")
        self.assertContains(self.client.get("/en/policies/"), "Bike lanes")

    @override_settings(FRAGMENT_CACHE_SECONDS=3600)
    def test_the_site_is_found_in_the_cache_until_a_site_is_saved(self):
        def site_queries(url):
            with CaptureQueriesContext(connection) as queries:
                self.assertContains(self.client.get(url), "Bike lanes")
            return [q for q in queries if 'FROM "wagtailcore_site"' in q["sql"]]

        self.assertTrue(site_queries("/en/policies/bikes/"))
        self.assertEqual(site_queries("/en/policies/bikes/?again=1"), [])
        with self.captureOnCommitCallbacks(execute=True):
            Site.objects.get(is_default_site=True).save()
        self.assertTrue(site_queries("/en/policies/bikes/?after=1"))

    @override_settings(WAGTAILFRONTENDCACHE=RECORDING, FRAGMENT_CACHE_SECONDS=3600)
    def test_a_saved_partner_retires_the_home_page_and_its_logo_fragment(self):
        self.assertNotContains(self.client.get("/en/"), "Partner city of Lima")
        with self.captureOnCommitCallbacks(execute=True):
            builders.make_partner(language="en", name="Partner city of Lima", show_on_home=True)
        self.assertContains(self.client.get("/en/"), "Partner city of Lima")
        self.assertIn("http://localhost/en/", PURGED)
        self.assertIn("http://localhost/en/partners/", PURGED)

    @override_settings(FRAGMENT_CACHE_SECONDS=3600)
    def test_navigation_is_cached_and_follows_a_new_menu_section(self):
        self.client.get("/en/policies/bikes/")
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/en/policies/bikes/?uncached=1")
        with (
            override_settings(FRAGMENT_CACHE_SECONDS=0),
            CaptureQueriesContext(connection) as uncached,
        ):
            self.client.get("/en/policies/bikes/?uncached=2")
        self.assertLess(len(queries), len(uncached) - 3)
        builders.make_standard_page(
            parent=self.library.get_parent(),
            title="Climate desk",
            slug="climate",
            show_in_menus=True,
        )
        self.assertContains(self.client.get("/en/policies/bikes/?uncached=3"), "Climate desk")

    @override_settings(FRAGMENT_CACHE_SECONDS=3600)
    def test_language_fragments_are_one_per_page_whatever_the_query_string(self):
        def language_fragments():
            return [key for key in cache._cache if ":fragment:" in key and ":page-versions:" in key]

        # A page with no other version keeps no fragment (routing read that it has none);
        # with a Korean version, its versions are read once and kept.
        self.client.get("/en/policies/bikes/")
        self.assertEqual(language_fragments(), [])
        builders.translate_page(self.policy, language="ko", title="자전거 도로")
        cache.clear()
        self.client.get("/en/policies/bikes/")
        self.assertEqual(len(language_fragments()), 1)
        for query in ("a", "b", "c"):
            response = self.client.get("/en/policies/bikes/", {"q": query})
            # The Korean version's own address; the untranslated languages keep the query.
            self.assertContains(response, 'href="/ko/policies/bikes/"')
            self.assertContains(response, f'href="/fr/policies/bikes/?q={query}"')
        for query in ("bus", "water", "bike lanes"):
            response = self.client.get("/en/search/", {"q": query})
            self.assertContains(response, 'hreflang="ko"')
        self.assertEqual(len(language_fragments()), 1)


class ResilientCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        builders.make_policy(library=sections["policies"]["en"], slug="offline-cache")

    def test_a_stopped_redis_is_a_cache_miss_not_an_error(self):
        down = ResilientRedisCache(
            "redis://127.0.0.1:9/0", {"OPTIONS": {"socket_connect_timeout": 0.2}}
        )
        self.assertIsNone(down.get("k"))
        down.set("k", 1)
        self.assertFalse(down.add("k", 1))
        self.assertEqual(down.incr("k"), 1)

    @override_settings(
        PAGE_CACHE_SECONDS=300,
        FRAGMENT_CACHE_SECONDS=3600,
        CACHES={
            "default": {
                "BACKEND": "policyshare.core.cache.ResilientRedisCache",
                "LOCATION": "redis://127.0.0.1:9/0",
                "OPTIONS": {"socket_connect_timeout": 0.2},
            }
        },
    )
    def test_pages_are_served_uncached_without_redis(self):
        for url in ("/en/", "/en/policies/", "/en/policies/offline-cache/"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertEqual(self.client.get("/en/search/?q=x").status_code, 200)


class SecurityHeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections()

    def test_public_pages_have_a_strict_policy_and_the_admin_a_relaxed_one(self):
        public = self.client.get("/en/")["Content-Security-Policy"]
        self.assertIn("frame-ancestors 'none'", public)
        self.assertIn("script-src 'self';", public)
        self.assertNotIn("unsafe-inline", public)
        admin = self.client.get("/admin/login/")["Content-Security-Policy"]
        self.assertIn("'unsafe-inline'", admin)


class DatabaseOutageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.policy = builders.make_policy(library=sections["policies"]["en"], slug="outage")

    def setUp(self):
        cache.clear()

    def test_a_request_sent_while_the_database_is_down_is_refused_clearly(self):
        with mock.patch(
            "policyshare.cooperation_requests.services.submit_request",
            side_effect=OperationalError("connection refused"),
        ):
            response = self.client.post(
                "/en/requests/consultation/", form_data(policies=[self.policy.pk])
            )
        self.assertEqual(response.status_code, 503)
        self.assertContains(response, "not</strong> sent", status_code=503)
        self.assertEqual(response["Retry-After"], "10")
        self.assertEqual(CooperationRequest.objects.count(), 0)
