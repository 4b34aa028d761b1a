"""The worked example (exampleapp.Notice) in the feeds: a new page type appears in its
language's `latest` feed, in RSS and Atom, without any shared code naming it."""

import feedparser
from django.test import TestCase

from policyshare.core.content.feeds import feed_paths
from policyshare.core.tests import builders
from policyshare.core.tests.exampleapp.models import Notice


def make_notice(*, parent, title, slug, summary=""):
    notice = Notice(title=title, slug=slug, summary=summary)
    parent.add_child(instance=notice)
    notice.save_revision().publish()
    return Notice.objects.get(pk=notice.pk)


class NoticeFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.home = sections["policies"]["en"].get_parent()
        cls.notice = make_notice(
            parent=cls.home,
            title="Road works on Sejong-daero",
            slug="road-works",
            summary="Two lanes closed at night.",
        )
        cls.policy = builders.make_policy(library=sections["policies"]["en"], title="Bike lanes")
        # A section page is not part of the latest feed (in_latest_feed = False).
        cls.about = builders.make_standard_page(parent=cls.home, title="About the portal")

    def entries(self, url, version):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        feed = feedparser.parse(response.content)
        self.assertEqual(feed.bozo, 0, f"{url}: {feed.get('bozo_exception')}")
        self.assertEqual(feed.version, version)
        return {entry.title: entry for entry in feed.entries}

    def test_a_notice_is_in_the_latest_feed_in_rss_and_atom(self):
        for suffix, version in (("rss", "rss20"), ("atom", "atom10")):
            with self.subTest(suffix=suffix):
                entries = self.entries(f"/feeds/en/latest.{suffix}", version)
                self.assertEqual(set(entries), {"Road works on Sejong-daero", "Bike lanes"})
                entry = entries["Road works on Sejong-daero"]
                self.assertEqual(entry.link, self.notice.get_full_url())
                self.assertEqual(entry.id, self.notice.get_full_url())
                self.assertEqual(entry.summary, "Two lanes closed at night.")

    def test_a_notice_is_only_in_the_feed_of_its_language(self):
        self.assertEqual(self.entries("/feeds/ko/latest.rss", "rss20"), {})

    def test_an_unpublished_notice_leaves_the_feed(self):
        self.notice.unpublish()
        self.assertNotIn(
            "Road works on Sejong-daero", self.entries("/feeds/en/latest.atom", "atom10")
        )

    def test_the_home_page_advertises_the_latest_feed(self):
        self.assertContains(
            self.client.get("/en/"),
            f'type="application/atom+xml" title="{self.home.title}" href="/feeds/en/latest.atom"',
        )

    def test_every_registered_feed_is_purged(self):
        paths = feed_paths()
        for path in ["/feeds/en/latest.rss", "/feeds/ko/latest.atom", "/feeds/en/policies.rss"]:
            self.assertIn(path, paths)
