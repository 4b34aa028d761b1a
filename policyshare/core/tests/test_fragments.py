"""Fragments: shared through the cache, kept per process, retired by any editorial change."""

import re
from unittest import mock

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory, TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from policyshare.core import fragments, page_cache
from policyshare.core.tests import builders


@override_settings(FRAGMENT_CACHE_SECONDS=3600)
class ProcessCopyTests(TestCase):
    def setUp(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)
        self.computed = 0

    def compute(self):
        self.computed += 1
        return {"computed": self.computed}

    def test_a_second_read_comes_from_this_process_without_the_shared_cache(self):
        self.assertEqual(fragments.cached_fragment("f", 1, compute=self.compute), {"computed": 1})
        with mock.patch.object(cache, "get", wraps=cache.get) as shared_get:
            value = fragments.cached_fragment("f", 1, compute=self.compute)
        self.assertEqual(value, {"computed": 1})
        # Only the generation is read from the shared cache, not the fragment.
        keys = [call.args[0] for call in shared_get.call_args_list]
        self.assertEqual(keys, [page_cache.GENERATION_KEY])

    def test_each_read_is_a_copy(self):
        first = fragments.cached_fragment("f", compute=self.compute)
        first["computed"] = "changed by a template"
        self.assertEqual(fragments.cached_fragment("f", compute=self.compute), {"computed": 1})

    def test_a_change_through_another_process_retires_the_copy(self):
        fragments.cached_fragment("f", compute=self.compute)
        # Another process publishes: only the shared generation changes.
        page_cache.invalidate_all()
        self.assertEqual(fragments.cached_fragment("f", compute=self.compute), {"computed": 2})

    def test_a_generation_the_cache_lost_never_comes_back(self):
        before = page_cache.generation()
        fragments.cached_fragment("f", compute=self.compute)
        cache.clear()  # a restarted Redis keeps nothing
        self.assertNotEqual(page_cache.generation(), before)
        self.assertEqual(fragments.cached_fragment("f", compute=self.compute), {"computed": 2})

    def test_copies_are_not_used_when_the_generation_cannot_be_read(self):
        fragments.cached_fragment("f", compute=self.compute)
        with (
            mock.patch.object(cache, "get", return_value=None),
            mock.patch.object(cache, "add", return_value=False),
            mock.patch.object(cache, "set"),
        ):
            self.assertEqual(fragments.cached_fragment("f", compute=self.compute), {"computed": 2})
            self.assertEqual(fragments.cached_fragment("f", compute=self.compute), {"computed": 3})

    def test_the_process_keeps_a_bounded_number(self):
        for n in range(fragments.LOCAL_ENTRIES + 50):
            fragments.cached_fragment("f", n, compute=self.compute)
        self.assertEqual(len(fragments._local), fragments.LOCAL_ENTRIES)


@override_settings(FRAGMENT_CACHE_SECONDS=3600)
class UnseenPageTests(TestCase):
    """A page no one has asked for yet, with everything every page repeats in the cache."""

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        library = cls.sections["policies"]["en"]
        cls.seen = builders.make_policy(library=library, slug="seen")
        cls.unseen = builders.make_policy(library=library, slug="unseen")
        ko = builders.make_policy(library=cls.sections["policies"]["ko"], slug="translated")
        cls.translation = builders.translate_page(ko, language="en", title="Translated")

    def setUp(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)

    def queries_for(self, url):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return [query["sql"] for query in queries]

    def test_a_policy_is_read_in_its_own_type_in_one_query(self):
        self.queries_for("/en/policies/seen/")
        queries = self.queries_for("/en/policies/unseen/")
        # The policy (with locale and view count, and whether it has other versions,
        # indicators, attachments, related policies, themes and budget lines: it has none,
        # so none of them is read; policies/tests/test_page_reads.py): nothing else. Rates
        # and city would be read only for budget lines, and then from the fragments; whether
        # its translation group has transfers (policy sharing's "Where this policy went")
        # comes from the fragments too.
        self.assertEqual(len(queries), 1, "\n".join(queries))
        self.assertFalse([q for q in queries if "sharing_policytransfer" in q])
        self.assertTrue(queries[0].startswith('SELECT "wagtailcore_page"."id"'))
        self.assertIn('"policies_policycase"', queries[0])
        self.assertIn('"core_pageviewcount"', queries[0])
        self.assertFalse([q for q in queries if '"wagtailcore_locale"."language_code" =' in q])

    def test_a_translation_reads_its_record_for_the_notice(self):
        self.queries_for("/en/policies/seen/")
        queries = self.queries_for("/en/policies/translated/")
        self.assertEqual(len([q for q in queries if "translations_translationrecord" in q]), 1)

    def test_an_unpublished_policy_is_not_found(self):
        self.queries_for("/en/policies/seen/")
        self.unseen.unpublish()
        self.assertEqual(self.client.get("/en/policies/unseen/").status_code, 404)


@override_settings(FRAGMENT_CACHE_SECONDS=3600)
class LocalizedHomeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()

    def setUp(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)

    def test_only_the_sites_shared_copy_answers_from_the_fragments(self):
        from django.utils import translation
        from wagtail.models import Site

        from policyshare.home.models import HomePage

        self.client.get("/en/")  # the site and its English home are cached now
        # A change that bypasses publishing, so nothing retires the fragments.
        HomePage.objects.filter(locale__language_code="en").update(title="Changed in the database")
        read = Site.objects.get(is_default_site=True).root_page.specific
        with translation.override("en"):
            # Read from the database (the admin): the database's answer.
            self.assertEqual(read.localized.title, "Changed in the database")
            shared = fragments.cached_fragment("x", compute=lambda: read)
            shared._portal_shared_copy = True
            # The request's copy: the cached answer, until a change retires it.
            self.assertNotEqual(shared.localized.title, "Changed in the database")


@override_settings(FRAGMENT_CACHE_SECONDS=3600)
class HtmlFragmentTests(TestCase):
    """The header, navigation and footer are kept as HTML: per language, host and section."""

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en", "fr"))
        cls.policy = builders.make_policy(library=cls.sections["policies"]["en"], slug="bus")
        cls.post = builders.make_post(board=cls.sections["news"]["en"], slug="news-item")

    def setUp(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)

    def current_entries(self, url):
        html = self.client.get(url).content.decode()
        nav = html[html.index('<nav class="site-nav"') :]
        nav = nav[: nav.index("</nav>")]
        return re.findall(r'<a href="([^"]+)" aria-current="page">', nav)

    def test_the_menu_marks_the_section_of_each_page(self):
        self.assertEqual(self.current_entries("/en/policies/bus/"), ["/en/policies/"])
        self.assertEqual(self.current_entries("/en/news/news-item/"), ["/en/news/"])
        self.assertEqual(self.current_entries("/en/policies/"), ["/en/policies/"])
        self.assertEqual(self.current_entries("/en/search/?q=bus"), [])
        self.assertEqual(self.current_entries("/en/requests/"), ["/en/requests/"])
        self.assertEqual(self.current_entries("/en/policies/bus/?again=1"), ["/en/policies/"])

    def test_each_language_has_its_own(self):
        # Pages outside any section: the same menu entry and footer but for the language.
        english = self.client.get("/en/search/?q=bus").content.decode()
        french = self.client.get("/fr/search/?q=bus").content.decode()
        self.assertIn('<a href="/en/search/">', english)
        self.assertIn('action="/en/search/"', english)
        self.assertIn('<a href="/fr/search/">', french)
        self.assertIn('action="/fr/search/"', french)
        self.assertNotIn('<a href="/en/search/">', french)
        self.assertNotIn('action="/en/search/"', french)

    def test_the_tag_renders_once_per_set_of_values(self):
        calls = []
        counting = Template(
            '{% load portal_tags %}{% fragment "t" key %}{{ counter }}{% endfragment %}'
        )

        class Counter:
            def __str__(self):
                calls.append(1)
                return str(len(calls))

        def render(key):
            return counting.render(Context({"key": key, "counter": Counter()}))

        self.assertEqual([render("a"), render("a"), render("b"), render("a")], ["1", "1", "2", "1"])

    def test_a_preview_neither_reads_nor_fills_the_fragments(self):
        calls = []
        counting = Template(
            '{% load portal_tags %}{% fragment "t" "key" %}{{ counter }}{% endfragment %}'
        )

        class Counter:
            def __str__(self):
                calls.append(1)
                return str(len(calls))

        def render(*, preview):
            request = RequestFactory().get("/")
            if preview:
                request.is_preview = True  # as Wagtail's preview sets it
            return counting.render(Context({"request": request, "counter": Counter()}))

        self.assertEqual(render(preview=False), "1")
        self.assertEqual(render(preview=True), "2")  # not the kept "1"
        self.assertEqual(render(preview=False), "1")  # the preview's "2" was not kept

    def test_short_lived_fragments_are_kept_no_longer_than_a_cached_page(self):
        template = Template(
            '{% load portal_tags %}{% fragment "t" short_lived %}x{% endfragment %}'
            '{% fragment "u" %}y{% endfragment %}'
        )
        with mock.patch.object(cache, "set", wraps=cache.set) as shared_set:
            self.assertEqual(template.render(Context({})), "xy")
        timeouts = {
            call.args[0].split(":")[3]: call.kwargs["timeout"]
            for call in shared_set.call_args_list
            if call.args[0].startswith("fragment:")
        }
        self.assertEqual(timeouts, {"t": settings.SHORT_FRAGMENT_SECONDS, "u": 3600})
