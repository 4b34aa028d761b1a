"""The cities list and a city's page run a fixed number of queries, however many cities,
relationships, transfers, outcomes and projects there are."""

from datetime import date

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from policyshare.core.tests.builders import make_policy, sections
from policyshare.sharing.models import TransferOutcome

from .builders import make_city, make_project, make_relationship, make_seoul, make_transfer


class CityQueryCountTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = sections()
        cls.seoul = make_seoul()
        cls.city = make_city(slug="ulaanbaatar")
        cls.count = 0

    def add(self, n):
        """n more partner cities, and n more transfers (with outcomes), projects and
        relationships for the measured city."""
        for _ in range(n):
            self.count += 1
            other = make_city(country="KZ")
            make_relationship(city=other, kind="friendship")
            make_relationship(city=self.city, kind="memorandum", signed_year=2000 + self.count)
            policy = make_policy(library=self.sections["policies"]["en"])
            into = make_transfer(policy=policy, source_city=self.seoul, target_city=self.city)
            TransferOutcome.objects.create(
                transfer=into, indicator={"en": "Riders"}, value=5, year=2020
            )
            make_transfer(
                policy=policy,
                source_city=self.city,
                target_city=other,
                parent=into,
                stages=(("interest", date(2019, 1, 1)),),
            )
            make_project(section=self.sections["sharing"]["en"], cities=[self.city, other])

    def queries_for(self, url) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_counts_do_not_grow_with_cities_and_transfers(self):
        urls = ["/en/cities/", "/en/cities/ulaanbaatar/", "/ko/cities/ulaanbaatar/"]
        self.add(2)
        for url in urls:  # warm the caches every page shares
            self.queries_for(url)
        before = {url: self.queries_for(url) for url in urls}
        self.add(18)
        after = {url: self.queries_for(url) for url in urls}
        self.assertEqual(before, after)
        html = self.client.get("/en/cities/ulaanbaatar/").content.decode()
        self.assertEqual(html.count('<article class="transfer">'), 40)
