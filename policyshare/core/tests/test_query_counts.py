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
        self.assertEqual(before, after)
