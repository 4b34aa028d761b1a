"""The view-count beacon's cheap path (issue 20): every hit counted exactly once in the
visits, the page's total and its day's row; a fixed number of queries; the page check kept
in the cache until an editor's change; the middleware it does not need skipped."""

from datetime import timedelta
from unittest import mock

from django.core.cache import cache
from django.db import OperationalError, connection
from django.db.models import Sum
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from policyshare.core.models import PageViewCount, PageViewDay, PageVisit
from policyshare.core.tests import builders

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"


class BeaconTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.policy = builders.make_policy(library=sections["policies"]["en"], slug="beaconed")
        cls.other = builders.make_policy(library=sections["policies"]["en"], slug="other")

    def setUp(self):
        cache.clear()

    def hit(self, page, address="203.0.113.5"):
        response = self.client.get(
            f"/views/{page.pk}.gif", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=address
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/gif")
        return response

    def counted(self, page):
        """(visit rows, total, sum of the day rows) of the page."""
        return (
            PageVisit.objects.filter(page=page).count(),
            PageViewCount.objects.filter(page=page).values_list("count", flat=True).first() or 0,
            PageViewDay.objects.filter(page=page).aggregate(n=Sum("views"))["n"] or 0,
        )


class CountTests(BeaconTestCase):
    def test_each_new_visitor_is_counted_once_everywhere(self):
        self.assertEqual(self.counted(self.policy), (0, 0, 0))
        self.hit(self.policy, "198.51.100.1")  # the page's first view: its total is created
        self.assertEqual(self.counted(self.policy), (1, 1, 1))
        for n in range(2, 6):
            self.hit(self.policy, f"198.51.100.{n}")
        self.assertEqual(self.counted(self.policy), (5, 5, 5))
        self.hit(self.policy, "198.51.100.3")  # a visitor already counted today
        self.assertEqual(self.counted(self.policy), (5, 5, 5))
        self.assertEqual(self.counted(self.other), (0, 0, 0))

    def test_a_new_day_gets_its_own_row(self):
        today = timezone.localdate()
        tomorrow = today + timedelta(days=1)
        self.hit(self.policy)
        with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
            self.hit(self.policy)
            self.hit(self.policy)
        self.assertEqual(
            dict(PageViewDay.objects.filter(page=self.policy).values_list("day", "views")),
            {today: 1, tomorrow: 1},
        )
        self.assertEqual(self.counted(self.policy), (2, 2, 2))

    def test_an_existing_total_is_added_to(self):
        PageViewCount.objects.create(page=self.policy, count=40)  # e.g. a legacy import's
        self.hit(self.policy)
        self.assertEqual(PageViewCount.objects.get(page=self.policy).count, 41)

    def test_no_address_or_browser_is_stored(self):
        self.hit(self.policy, "198.51.100.77")
        visitor = PageVisit.objects.get(page=self.policy).visitor
        self.assertEqual(len(visitor), 64)
        self.assertNotIn("198.51.100.77", visitor)
        self.assertNotIn("Firefox", visitor)

    def test_a_database_that_cannot_be_reached_gets_the_503(self):
        with mock.patch(
            "policyshare.core.views.record_page_view", side_effect=OperationalError("down")
        ):
            response = self.client.get(f"/views/{self.policy.pk}.gif", HTTP_USER_AGENT=BROWSER)
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "10")


@override_settings(FRAGMENT_CACHE_SECONDS=3600)
class CheapPathTests(BeaconTestCase):
    def writes(self) -> int:
        # SQLite: a savepoint (the test's transaction is open), the visit, the total, the
        # day's row and the savepoint's release; PostgreSQL: all of it in one statement.
        return 1 if connection.vendor == "postgresql" else 5

    def test_a_new_visitor_costs_a_fixed_number_of_queries(self):
        self.hit(self.policy, "198.51.100.1")  # the page check, then kept in the cache
        self.hit(self.other, "198.51.100.1")
        for address in ("198.51.100.2", "198.51.100.3"):
            with self.assertNumQueries(self.writes()):
                self.hit(self.policy, address)
        with self.assertNumQueries(self.writes()):
            self.hit(self.other, "198.51.100.2")
        self.assertEqual(self.counted(self.policy), (3, 3, 3))

    def test_a_repeated_visit_writes_nothing(self):
        self.hit(self.policy)
        with CaptureQueriesContext(connection) as queries:
            self.hit(self.policy)
        self.assertLessEqual(len(queries), self.writes())
        self.assertEqual(self.counted(self.policy), (1, 1, 1))

    def test_unpublishing_or_restricting_a_page_stops_counting_at_once(self):
        self.hit(self.policy, "198.51.100.1")
        self.policy.unpublish()
        self.hit(self.policy, "198.51.100.2")
        self.assertEqual(self.counted(self.policy), (1, 1, 1))
        PageViewRestriction.objects.create(
            page=self.other, restriction_type=PageViewRestriction.LOGIN
        )
        self.hit(self.other, "198.51.100.3")
        self.assertEqual(self.counted(self.other), (0, 0, 0))

    def test_publishing_again_counts_again(self):
        self.policy.unpublish()
        self.hit(self.policy, "198.51.100.1")
        self.policy.save_revision().publish()
        self.hit(self.policy, "198.51.100.2")
        self.assertEqual(self.counted(self.policy), (1, 1, 1))


class MiddlewareTests(BeaconTestCase):
    def test_the_beacon_skips_session_locale_and_auth(self):
        response = self.hit(self.policy)
        self.assertNotIn("Set-Cookie", response.headers)
        self.assertNotIn("Vary", response.headers)  # no locale or session middleware
        self.assertIn("no-store", response["Cache-Control"])
        # The middleware before it still run: security headers and the policy.
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertIn("Content-Security-Policy", response.headers)
        self.assertIsNone(getattr(response.wsgi_request, "user", None))

    def test_other_addresses_under_views_go_through_the_stack(self):
        response = self.client.get("/views/not-a-page.gif")
        self.assertEqual(response.status_code, 404)
        self.assertIsNotNone(getattr(response.wsgi_request, "user", None))

    def test_only_get_is_answered(self):
        response = self.client.post(f"/views/{self.policy.pk}.gif")
        self.assertEqual(response.status_code, 405)
        self.assertEqual(self.counted(self.policy), (0, 0, 0))
