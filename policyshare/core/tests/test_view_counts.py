"""조회수: once per visitor per day, bots excluded, pages stay cacheable."""

import io
from datetime import timedelta
from unittest import mock

from django.test import TestCase
from django.utils import timezone

from policyshare.core.models import PageViewCount
from policyshare.core.services import prune_page_visits
from policyshare.core.tests import builders

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"


class ViewCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.policy = builders.make_policy(library=sections["policies"]["en"], slug="counted")
        cls.post = builders.make_post(board=sections["news"]["en"], slug="counted-post")

    def hit(self, page, *, agent=BROWSER, address="203.0.113.5"):
        response = self.client.get(
            f"/views/{page.pk}.gif", HTTP_USER_AGENT=agent, REMOTE_ADDR=address
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/gif")
        return response

    def count(self, page):
        return PageViewCount.objects.filter(page=page).values_list("count", flat=True).first() or 0

    def test_counts_once_per_visitor_per_day(self):
        self.hit(self.policy)
        self.hit(self.policy)
        self.assertEqual(self.count(self.policy), 1)
        self.hit(self.policy, address="198.51.100.7")
        self.assertEqual(self.count(self.policy), 2)

    def test_the_next_day_counts_again(self):
        self.hit(self.policy)
        # The portal's day is the Seoul day (TIME_ZONE), whatever the machine's zone.
        tomorrow = timezone.localdate() + timedelta(days=1)
        with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
            self.hit(self.policy)
        self.assertEqual(self.count(self.policy), 2)

    def test_bots_are_not_counted(self):
        for agent in (
            "Googlebot/2.1 (+http://www.google.com/bot.html)",
            "curl/8.0",
            "",
            "Mozilla/5.0 (compatible; bingbot/2.0)",
            "python-requests/2.32",
        ):
            self.hit(self.policy, agent=agent)
        self.assertEqual(self.count(self.policy), 0)

    def test_unpublished_or_missing_pages_are_not_counted(self):
        self.policy.unpublish()
        self.hit(self.policy)
        self.assertEqual(self.count(self.policy), 0)
        self.assertEqual(self.client.get("/views/999999.gif").status_code, 200)

    def test_beacon_is_never_cached_and_pages_are(self):
        beacon = self.hit(self.post)
        self.assertIn("no-store", beacon["Cache-Control"])
        page = self.client.get("/en/news/counted-post/", HTTP_USER_AGENT=BROWSER)
        self.assertNotIn("Set-Cookie", page.headers)
        self.assertNotIn("Cookie", page.get("Vary", ""))
        # Rendering the page does not count: only the beacon does.
        self.assertEqual(self.count(self.post), 1)

    def test_counts_show_on_detail_and_list_pages(self):
        self.hit(self.post)
        self.hit(self.post, address="198.51.100.7")
        detail = self.client.get("/en/news/counted-post/").content.decode()
        self.assertRegex(detail, r"<dt>Views</dt><dd>2</dd>")
        self.assertIn(f'src="/views/{self.post.pk}.gif"', detail)
        listing = self.client.get("/en/news/").content.decode()
        self.assertRegex(listing, r"<dt>Views</dt><dd>2</dd>")

    def test_publishing_a_revision_keeps_the_count(self):
        self.hit(self.post)
        self.post.title = "Edited"
        self.post.save_revision().publish()
        self.assertEqual(self.count(self.post), 1)

    def test_old_visits_are_pruned_and_counts_kept(self):
        self.hit(self.post)
        self.assertEqual(prune_page_visits(before=timezone.localdate() + timedelta(days=1)), 1)
        self.assertEqual(self.count(self.post), 1)


class PruneCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.post = builders.make_post(board=sections["news"]["en"])

    def test_removes_old_records_and_keeps_todays(self):
        from django.core.management import call_command
        from django.utils import timezone

        from policyshare.core.models import PageVisit
        from policyshare.core.services import record_page_view

        today = timezone.localdate()
        record_page_view(page_id=self.post.pk, visitor="a", day=today - timedelta(days=5))
        record_page_view(page_id=self.post.pk, visitor="a", day=today)
        call_command("prune_page_visits", stdout=io.StringIO())
        self.assertEqual(list(PageVisit.objects.values_list("day", flat=True)), [today])
        self.assertEqual(PageViewCount.objects.get(page=self.post).count, 2)

    def test_refuses_to_forget_today(self):
        from django.core.management import CommandError, call_command

        with self.assertRaisesMessage(CommandError, "at least 1"):
            call_command("prune_page_visits", "--keep-days", "0")
