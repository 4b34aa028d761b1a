"""The home page's sections kept as HTML fragments: a home page no one asked for yet (a new
query string) shows them without reading them, and any editorial change shows at once."""

from datetime import date
from unittest import mock

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from policyshare.core import fragments
from policyshare.core.tests import builders

# What the sections read when they are rendered (a kept fragment reads none of them).
SECTION_TABLES = (
    '"policies_policycase"',
    '"boards_boardpost"',
    '"policies_theme"',
    '"partners_partner"',
)


@override_settings(FRAGMENT_CACHE_SECONDS=3600, PAGE_CACHE_SECONDS=0)
class HomeFragmentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.library = cls.sections["policies"]["en"]
        cls.ko_library = cls.sections["policies"]["ko"]
        cls.news = cls.sections["news"]["en"]
        cls.policy = builders.make_policy(
            library=cls.library, title="Bicycle lanes", is_featured=True
        )
        cls.ko_policy = builders.make_policy(
            library=cls.ko_library, title="따릉이 공공자전거", is_featured=True
        )
        cls.post = builders.make_post(
            board=cls.news, title="Seoul opens a stream", registered_on=date(2020, 1, 1)
        )
        cls.theme = builders.make_theme(language="en", name="Transport", is_popular=True)
        cls.partner = builders.make_partner(language="en", name="World Cities Forum")

    def setUp(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)
        self.unseen = 0

    def home(self, language="en") -> str:
        """A home page no one asked for before (a new query string, as `make bench-load`)."""
        self.unseen += 1
        response = self.client.get(f"/{language}/?unseen={self.unseen}")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_a_home_page_no_one_asked_for_reads_no_section(self):
        first = self.home()
        with CaptureQueriesContext(connection) as queries:
            second = self.home()
        read = [q["sql"] for q in queries if any(t in q["sql"] for t in SECTION_TABLES)]
        self.assertEqual(read, [])
        for shown in ("Bicycle lanes", "Seoul opens a stream", "Transport", "World Cities Forum"):
            self.assertIn(shown, first)
            self.assertIn(shown, second)

    def test_each_language_has_its_own_sections(self):
        english = self.home("en")
        korean = self.home("ko")
        self.assertIn("Bicycle lanes", english)
        self.assertNotIn("따릉이 공공자전거", english)
        self.assertIn("따릉이 공공자전거", korean)
        self.assertNotIn("Bicycle lanes", korean)
        self.assertNotIn("Bicycle lanes", self.home("ko"))  # not the English fragment, kept

    def test_a_published_policy_shows_at_once(self):
        self.home()
        builders.make_policy(library=self.library, title="Night buses", is_featured=True)
        self.assertIn("Night buses", self.home())

    def test_an_edited_policy_shows_at_once(self):
        self.home()
        policy = self.policy.specific
        policy.title = "Protected bicycle lanes"
        policy.save_revision().publish()
        page = self.home()
        self.assertIn("Protected bicycle lanes", page)

    def test_an_unpublished_policy_goes_at_once(self):
        self.assertIn("Bicycle lanes", self.home())
        self.policy.unpublish()
        self.assertNotIn("Bicycle lanes", self.home())

    def test_a_published_and_an_unpublished_post_show_at_once(self):
        self.home()
        post = builders.make_post(
            board=self.news, title="Cheonggyecheon turns twenty", registered_on=date(2021, 1, 1)
        )
        self.assertIn("Cheonggyecheon turns twenty", self.home())
        post.unpublish()
        self.assertNotIn("Cheonggyecheon turns twenty", self.home())

    def test_a_changed_partner_shows_at_once(self):
        self.home()
        self.partner.name = "Global Cities Forum"
        self.partner.save()
        page = self.home()
        self.assertIn("Global Cities Forum", page)
        self.assertNotIn("World Cities Forum", page)

    def test_a_changed_theme_shows_at_once(self):
        self.assertIn("Transport", self.home())
        self.theme.name = "Mobility"
        self.theme.save()
        page = self.home()
        self.assertIn("Mobility", page)
        self.assertNotIn(">Transport<", page)
        self.theme.is_popular = False
        self.theme.save()
        self.assertNotIn("Mobility", self.home())

    def test_lists_with_view_counts_are_kept_only_as_long_as_a_cached_page(self):
        with mock.patch.object(cache, "set", wraps=cache.set) as shared_set:
            self.home()
        timeouts = {
            call.args[0].split(":")[3]: call.kwargs["timeout"]
            for call in shared_set.call_args_list
            if call.args[0].startswith("fragment:")
        }
        self.assertEqual(timeouts["home-featured"], settings.SHORT_FRAGMENT_SECONDS)
        self.assertEqual(timeouts["home-boards"], settings.SHORT_FRAGMENT_SECONDS)
        self.assertEqual(timeouts["home-themes"], 3600)
        self.assertLess(settings.SHORT_FRAGMENT_SECONDS, 3600)
