"""List pages run a fixed number of queries, however many items they show."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from policyshare.core.tests import builders


class QueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.theme = builders.make_theme(language="en", slug="transport", is_popular=True)
        cls.partner_count = 0

    def add_content(self, n):
        for _ in range(n):
            builders.make_policy(
                library=self.sections["policies"]["en"], themes=[self.theme], is_featured=True
            )
            builders.make_post(board=self.sections["news"]["en"])
            builders.make_post(board=self.sections["media"]["en"], source_outlet="Outlet")
            builders.make_partner(language="en")

    def queries_for(self, url):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_list_pages_do_not_grow_with_items(self):
        urls = [
            "/en/",
            "/en/policies/",
            "/en/policies/?theme=transport",
            "/en/news/",
            "/en/partners/",
        ]
        self.add_content(2)
        for url in urls:  # warm caches (content types, site root) before measuring
            self.queries_for(url)
        before = {url: self.queries_for(url) for url in urls}
        self.add_content(8)
        after = {url: self.queries_for(url) for url in urls}
        # Home reads the featured policies, then the newest others only while fewer than
        # six are featured (all of these are): one read fewer with more content.
        self.assertEqual(after.pop("/en/"), before.pop("/en/") - 1)
        self.assertEqual(before, after)


class DetailQueryCountTests(TestCase):
    """Detail pages run a fixed number of queries, however many themes, indicators,
    attachments or related policies they show."""

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        library = cls.sections["policies"]["en"]
        cls.small = cls.policy_with(library, slug="small", extras=1)
        cls.large = cls.policy_with(library, slug="large", extras=4)

    @classmethod
    def policy_with(cls, library, *, slug, extras):
        themes = []
        for _ in range(extras):
            ko = builders.make_theme(language="ko")
            themes.append(builders.make_theme(language="en", translation_of=ko))
        indicators = [
            {"name": f"Indicator {n}", "baseline_value": "1", "target_value": "2", "unit": "%"}
            for n in range(extras)
        ]
        policy = builders.make_policy(
            library=library, slug=slug, themes=themes, indicators=indicators
        )
        for n in range(extras):
            other = builders.make_policy(library=library, slug=f"{slug}-related-{n}")
            policy.related_policies.create(policy=other, sort_order=n)
        policy.save_revision().publish()
        return policy

    def queries_for(self, url):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_policy_detail_does_not_grow_with_what_it_shows(self):
        self.queries_for("/en/policies/small/")  # warm caches
        self.assertEqual(
            self.queries_for("/en/policies/small/"), self.queries_for("/en/policies/large/")
        )

    def test_board_post_does_not_grow_with_the_board(self):
        board = self.sections["news"]["en"]
        first = builders.make_post(board=board, slug="first-post")
        self.queries_for(first.url)
        before = self.queries_for(first.url)
        for _ in range(5):
            builders.make_post(board=board)
        self.assertEqual(self.queries_for(first.url), before)
