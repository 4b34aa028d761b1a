"""The section's pages and feeds run a fixed number of queries, however many cities,
transfers, projects, notices and firms there are (in the style of
core/tests/test_query_counts.py). Run on SQLite and on PostgreSQL."""

import itertools
from datetime import date, timedelta

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from policyshare.core.tests.builders import make_partner, make_policy, sections
from policyshare.sharing.models import (
    FirmInterest,
    ProjectDocument,
    ProjectParticipant,
    ProjectRelation,
    ProjectResult,
    TenderNotice,
    TransferOutcome,
)

from .builders import make_city, make_project, make_relationship, make_seoul, make_transfer

_numbers = itertools.count(1)


class SectionQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = sections()
        cls.library = cls.sections["policies"]["en"]
        cls.section = cls.sections["sharing"]["en"]
        cls.seoul = make_seoul()
        cls.root_city = make_city()
        cls.root = make_transfer(
            policy=make_policy(library=cls.library),
            source_city=cls.seoul,
            target_city=cls.root_city,
        )
        cls.big_project = make_project(section=cls.section)

    def add_content(self, n):
        """n of everything: cities with relationships, transfers (each a new descendant of
        the root transfer's chain, with outcomes), projects, open notices, firms; and n more
        participants, results, documents, cities, policies and related projects on one
        project."""
        parent = self.root
        for _ in range(n):
            city = make_city()
            make_relationship(city=city, kind="friendship")
            policy = make_policy(library=self.library)
            child = make_transfer(
                policy=policy, source_city=parent.target_city, target_city=city, parent=parent
            )
            TransferOutcome.objects.create(
                transfer=self.root, indicator={"en": "Users"}, value=1, year=2020
            )
            parent = child
            project = make_project(section=self.section, cities=[city], policies=[policy])
            TenderNotice.objects.create(
                title={"en": f"Notice {next(_numbers)}"},
                city=city,
                country="MN",
                source_name="UNGM",
                source_url="https://example.org/notice",
                published_on=date(2026, 1, 1),
                deadline=timezone.now() + timedelta(days=30),
            )
            firm = make_partner(language="en", kind="private")
            FirmInterest.objects.create(firm=firm, city=city, policy=policy)
            big = self.big_project
            ProjectParticipant.objects.create(page=big, name="Funder", role="funding", city=city)
            ProjectResult.objects.create(page=big, title="Result", indicator="Users")
            ProjectDocument.objects.create(page=big, title="Report", url="https://example.org/r")
            ProjectRelation.objects.create(page=big, related=project)
            big.cities.add(city)
            big.policies.add(policy)
            big.save()
            make_transfer(policy=policy, source_city=self.seoul, target_city=city, project=big)

    def queries_for(self, url):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(queries)

    def test_pages_and_feeds_do_not_grow_with_records(self):
        urls = [
            "/en/sharing/",
            "/en/sharing/transfers/",
            "/en/sharing/transfers/?stage=implemented",
            f"/en/sharing/transfers/{self.root.pk}/",
            "/en/sharing/projects/",
            "/en/sharing/tenders/",
            "/en/sharing/firms/",
            self.big_project.url,
            "/feeds/en/sharing/transfers.rss",
            "/feeds/en/sharing/projects.atom",
        ]
        self.add_content(2)
        for url in urls:  # warm caches (content types, site root) before measuring
            self.queries_for(url)
        before = {url: self.queries_for(url) for url in urls}
        self.add_content(18)
        after = {url: self.queries_for(url) for url in urls}
        self.assertEqual(before, after)
