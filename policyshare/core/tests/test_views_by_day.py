"""Views by page and day (kept indefinitely) and the explorer's "Views (30 days)" column."""

from datetime import timedelta
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from policyshare.core.models import PageViewDay
from policyshare.core.services import prune_page_visits, record_page_view
from policyshare.core.tests import builders


def view(page, visitor, day):
    return record_page_view(page_id=page.pk, visitor=visitor, day=day)


class ViewsByDayTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.policy = builders.make_policy(library=cls.sections["policies"]["en"], slug="read")

    def test_each_counted_view_adds_to_its_day_and_survives_pruning(self):
        today = timezone.localdate()
        yesterday = today - timedelta(days=1)
        self.assertTrue(view(self.policy, "a", yesterday))
        self.assertTrue(view(self.policy, "b", yesterday))
        self.assertFalse(view(self.policy, "a", yesterday))  # the same visitor-day
        self.assertTrue(view(self.policy, "a", today))
        rows = dict(PageViewDay.objects.values_list("day", "views"))
        self.assertEqual(rows, {yesterday: 2, today: 1})
        prune_page_visits(before=today + timedelta(days=1))
        self.assertEqual(dict(PageViewDay.objects.values_list("day", "views")), rows)


class ExplorerViewsColumnTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.library = cls.sections["policies"]["en"]
        cls.quiet = builders.make_policy(library=cls.library, title="Quiet", slug="quiet")
        cls.read = builders.make_policy(library=cls.library, title="Much read", slug="read")
        cls.editor = builders.make_editor()
        profile = UserProfile.get_for_user(cls.editor)
        profile.preferred_language = "en"
        profile.save()

    def setUp(self):
        self.client.force_login(self.editor)

    def explore(self, query=""):
        response = self.client.get(f"/admin/pages/{self.library.pk}/{query}")
        self.assertEqual(response.status_code, 200)
        return response

    def test_views_in_the_last_30_days_are_a_sortable_column(self):
        today = timezone.localdate()
        for number in range(3):
            view(self.read, f"v{number}", today - timedelta(days=number))
        view(self.quiet, "old", today - timedelta(days=30))  # a day too old
        view(self.quiet, "new", today - timedelta(days=29))
        response = self.explore()
        self.assertContains(response, "Views (30 days)")
        pages = {page.pk: page.views_recent for page in response.context["pages"]}
        self.assertEqual(pages[self.read.pk], 3)
        self.assertEqual(pages[self.quiet.pk], 1)
        most = self.explore("?ordering=-views_recent").context["pages"]
        self.assertEqual([page.pk for page in most][:2], [self.read.pk, self.quiet.pk])
        least = self.explore("?ordering=views_recent").context["pages"]
        self.assertEqual([page.pk for page in least][:2], [self.quiet.pk, self.read.pk])

    def test_the_window_follows_the_sites_day(self):
        today = timezone.localdate()
        view(self.read, "a", today)
        later = today + timedelta(days=30)
        with mock.patch("django.utils.timezone.localdate", return_value=later):
            pages = {page.pk: page.views_recent for page in self.explore().context["pages"]}
        self.assertEqual(pages[self.read.pk], 0)

    def test_the_column_costs_no_query_per_page(self):
        def reading_views():
            with CaptureQueriesContext(connection) as queries:
                self.explore()
            return [q["sql"] for q in queries if "pageviewday" in q["sql"].lower()]

        self.assertEqual(len(reading_views()), 1)  # a subquery of the listing's query
        for number in range(15):
            page = builders.make_policy(library=self.library, slug=f"more-{number}")
            view(page, "a", timezone.localdate())
        self.assertEqual(len(reading_views()), 1)
