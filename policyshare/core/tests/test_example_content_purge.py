"""The worked example (exampleapp.Notice) and the shared proxy: publishing or unpublishing a
notice purges its address, its ancestors, the feeds and the sitemap, through Wagtail's
frontend cache, without any shared code naming the type."""

from unittest import mock

from django.test import TestCase, override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend

from policyshare.core.tests import builders
from policyshare.core.tests.exampleapp.models import Notice

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    """A frontend cache that remembers what it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@override_settings(WAGTAILFRONTENDCACHE={"recording": {"BACKEND": f"{__name__}.RecordingBackend"}})
class NoticePurgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.home = sections["policies"]["en"].get_parent()
        cls.notice = Notice(title="Road works", slug="road-works", summary="Lanes closed.")
        cls.home.add_child(instance=cls.notice)

    def setUp(self):
        PURGED.clear()

    def assert_purged_what_shows_the_notice(self):
        for url in [
            "http://localhost/en/road-works/",
            "http://localhost/en/",
            "http://localhost/feeds/en/latest.rss",
            "http://localhost/feeds/en/latest.atom",
            "http://localhost/feeds/ko/latest.rss",
            "http://localhost/sitemap.xml",
        ]:
            self.assertIn(url, PURGED)

    def test_publishing_purges_the_notice_its_ancestors_the_feeds_and_the_sitemap(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.save_revision().publish()
        self.assert_purged_what_shows_the_notice()

    def test_unpublishing_purges_the_same(self):
        self.notice.save_revision().publish()
        PURGED.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.unpublish()
        self.assert_purged_what_shows_the_notice()

    def test_a_type_adds_its_own_cached_paths(self):
        """Wagtail's get_cached_paths: sub-paths of the page purged with it."""
        self.notice.save_revision().publish()
        PURGED.clear()
        with (
            mock.patch.object(Notice, "get_cached_paths", lambda page: ["/", "/print/"]),
            self.captureOnCommitCallbacks(execute=True),
        ):
            self.notice.save_revision().publish()
        self.assertIn("http://localhost/en/road-works/print/", PURGED)
