"""/admin/analytics/: the figures on fixed data, who may see it, CSV, the page's structure and
a fixed number of queries."""

import csv
import io
import re
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from policyshare.analytics import selectors
from policyshare.analytics.periods import Period, default_period
from policyshare.cooperation_requests.models import CooperationRequest, RequestReply
from policyshare.cooperation_requests.tests.builders import make_request
from policyshare.core.models import DocumentDownloadDay, PageViewDay
from policyshare.core.tests import builders
from policyshare.core.tests.html_checks import audit
from policyshare.newsletter.models import NewsletterSubscription, SubscriptionStatus
from policyshare.search.models import SearchQueryDay

URL = "/admin/analytics/"
LANGUAGES = ["ko", "en", "fr", "es", "ar", "zh-hans"]


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


def make_document(title):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="report.pdf")
    )


def subscribe(email, *, confirmed_days_ago=None):
    confirmed_at = None
    if confirmed_days_ago is not None:
        confirmed_at = timezone.now() - timedelta(days=confirmed_days_ago)
    return NewsletterSubscription.objects.create(
        email=email,
        language="en",
        status=SubscriptionStatus.ACTIVE if confirmed_at else SubscriptionStatus.PENDING,
        consent_given_at=timezone.now(),
        confirmed_at=confirmed_at,
    )


class AnalyticsData(TestCase):
    """Fixed data: two pages read on two days of the last 30 (and one long before), searches,
    two requests (one answered after five hours), three subscriptions."""

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.theme = builders.make_theme(language="en", name="Mobility")
        cls.library_en = cls.sections["policies"]["en"]
        cls.policy_en = builders.make_policy(
            library=cls.library_en, title="Bus reform", themes=[cls.theme]
        )
        cls.policy_ko = builders.make_policy(
            library=cls.sections["policies"]["ko"], title="버스 개혁"
        )
        cls.home_en = cls.library_en.get_parent()
        PageViewDay.objects.bulk_create(
            [
                PageViewDay(page=cls.policy_en, day=days_ago(2), views=3),
                PageViewDay(page=cls.policy_en, day=days_ago(1), views=5),
                PageViewDay(page=cls.policy_ko, day=days_ago(1), views=2),
                PageViewDay(page=cls.home_en, day=days_ago(1), views=1),
                PageViewDay(page=cls.policy_en, day=days_ago(40), views=100),
            ]
        )
        SearchQueryDay.objects.bulk_create(
            [
                SearchQueryDay(day=days_ago(2), language="en", query="bus", searches=4),
                SearchQueryDay(day=days_ago(1), language="en", query="=cmd", searches=2, misses=2),
                SearchQueryDay(day=days_ago(40), language="en", query="bus", searches=1),
            ]
        )
        cls.answered, _token = make_request(policies=[cls.policy_en], country="CO")
        make_request(kind="study_visit", country="KR")
        reply = RequestReply.objects.create(request=cls.answered, body="Thank you.")
        RequestReply.objects.filter(pk=reply.pk).update(
            created_at=cls.answered.created_at + timedelta(hours=5)
        )
        cls.report = make_document("Bus reform report")
        cls.formula = make_document("=HYPERLINK(1)")
        DocumentDownloadDay.objects.bulk_create(
            [
                DocumentDownloadDay(document=cls.report, day=days_ago(3), downloads=4),
                DocumentDownloadDay(document=cls.report, day=days_ago(1), downloads=2),
                DocumentDownloadDay(document=cls.formula, day=days_ago(1), downloads=1),
                DocumentDownloadDay(document=cls.report, day=days_ago(45), downloads=50),
            ]
        )
        subscribe("old@example.org", confirmed_days_ago=40)
        subscribe("new@example.org", confirmed_days_ago=2)
        subscribe("pending@example.org")
        cls.period = default_period()
        cls.editor = builders.make_admin_user("editor", group="Editors")


class FigureTests(AnalyticsData):
    def test_views_per_day_language_and_section(self):
        per_day = dict(selectors.views_per_day(self.period))
        self.assertEqual(len(per_day), 30)
        self.assertEqual(per_day[days_ago(2)], 3)
        self.assertEqual(per_day[days_ago(1)], 8)
        self.assertEqual(sum(per_day.values()), 11)
        self.assertEqual(selectors.views_total(self.period), 11)
        self.assertEqual(selectors.views_per_language(self.period), [("en", 9), ("ko", 2)])
        sections = selectors.views_per_section(self.period, language="en")
        self.assertEqual(
            [(s["slug"], s["title"], s["views"]) for s in sections],
            [("policies", "Seoul Policies", 10), (None, None, 1)],
        )
        korean = selectors.views_per_section(self.period, language="ko")
        self.assertEqual(korean[0]["title"], "서울 정책")

    def test_views_per_theme(self):
        self.assertEqual(selectors.views_per_theme(self.period, language="en"), [("Mobility", 8)])
        korean = builders.make_theme(language="ko", name="교통", translation_of=self.theme)
        self.policy_ko.themes.add(korean)
        self.policy_ko.save_revision().publish()
        self.assertEqual(selectors.views_per_theme(self.period, language="en"), [("Mobility", 10)])
        self.assertEqual(selectors.views_per_theme(self.period, language="ko"), [("교통", 10)])

    def test_most_read_pages(self):
        self.assertEqual(
            [(page.pk, views) for page, views in selectors.top_pages(self.period)],
            [(self.policy_en.pk, 8), (self.policy_ko.pk, 2), (self.home_en.pk, 1)],
        )

    def test_the_previous_period(self):
        previous = self.period.previous()
        self.assertEqual(selectors.views_total(previous), 100)

    def test_searches_and_top_queries_with_their_change(self):
        per_day = {day: (s, m) for day, s, m in selectors.searches_per_day(self.period)}
        self.assertEqual(per_day[days_ago(2)], (4, 0))
        self.assertEqual(per_day[days_ago(1)], (2, 2))
        self.assertEqual(per_day[days_ago(3)], (0, 0))
        top = selectors.top_queries(self.period, compare=self.period.previous())
        self.assertEqual(
            [(r["query"], r["total"], r["previous"], r["change"]) for r in top],
            [("bus", 4, 1, 3), ("=cmd", 2, 0, 2)],
        )
        zero = selectors.top_queries(self.period, misses=True)
        self.assertEqual([(r["query"], r["total"]) for r in zero], [("=cmd", 2)])
        self.assertNotIn("change", zero[0])

    def test_requests_by_kind_status_country_and_theme(self):
        self.assertEqual(
            sorted(selectors.requests_by(self.period, "kind")),
            [("consultation", 1), ("study_visit", 1)],
        )
        self.assertEqual(selectors.requests_by(self.period, "status"), [("received", 2)])
        self.assertEqual(
            sorted(selectors.requests_by(self.period, "country")), [("CO", 1), ("KR", 1)]
        )
        self.assertEqual(selectors.requests_by_theme(self.period, language="en"), [("Mobility", 1)])
        with self.assertRaises(ValueError):
            selectors.requests_by(self.period, "email")

    def test_requests_before_the_period_are_left_out(self):
        CooperationRequest.objects.update(created_at=timezone.now() - timedelta(days=31))
        self.assertEqual(selectors.requests_by(self.period, "kind"), [])
        self.assertEqual(selectors.first_reply_times(self.period)["answered"], 0)

    def test_median_time_to_first_reply(self):
        replies = selectors.first_reply_times(self.period)
        self.assertEqual(replies["median"], timedelta(hours=5))
        self.assertEqual((replies["answered"], replies["unanswered"]), (1, 1))
        other = CooperationRequest.objects.exclude(pk=self.answered.pk).get()
        for hours in (1, 2):  # the first reply counts, not the later one
            reply = RequestReply.objects.create(request=other, body="Hello.")
            RequestReply.objects.filter(pk=reply.pk).update(
                created_at=other.created_at + timedelta(hours=hours)
            )
        replies = selectors.first_reply_times(self.period)
        self.assertEqual(replies["median"], timedelta(hours=3))  # of 1 and 5 hours

    def test_subscribers_over_time(self):
        per_day = dict(selectors.subscribers_per_day(self.period))
        self.assertEqual(per_day[self.period.start], 1)
        self.assertEqual(per_day[days_ago(3)], 1)
        self.assertEqual(per_day[days_ago(2)], 2)
        self.assertEqual(per_day[self.period.end], 2)

    def test_attachment_downloads_per_day_and_per_document(self):
        per_day = dict(selectors.downloads_per_day(self.period))
        self.assertEqual(len(per_day), 30)
        self.assertEqual(per_day[days_ago(3)], 4)
        self.assertEqual(per_day[days_ago(1)], 3)
        self.assertEqual(sum(per_day.values()), 7)
        top = [
            (row["document__title"], row["total"]) for row in selectors.top_documents(self.period)
        ]
        self.assertEqual(top, [("Bus reform report", 6), ("=HYPERLINK(1)", 1)])
        earlier = Period(days_ago(59), days_ago(30))
        self.assertEqual([row["total"] for row in selectors.top_documents(earlier)], [50])

    def test_a_short_period_in_the_past(self):
        period = Period(days_ago(41), days_ago(39))
        self.assertEqual(selectors.views_total(period), 100)
        self.assertEqual(dict(selectors.subscribers_per_day(period))[days_ago(39)], 1)


class PageTests(AnalyticsData):
    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_page_shows_charts_and_tables(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        # views, searches, misses, downloads, subscribers
        self.assertEqual(html.count('role="img"'), 5)
        self.assertIn(
            '<title id="analytics-chart-downloads-title">Attachment downloads per day</title>', html
        )
        self.assertIn('<h2 id="analytics-downloads-heading">Attachment downloads</h2>', html)
        self.assertIn("Bus reform report", html)
        self.assertIn(f"/admin/documents/edit/{self.report.pk}/", html)
        self.assertIn('<title id="analytics-chart-views-title">Views per day</title>', html)
        self.assertIn("Bus reform", html)
        self.assertIn(f"/admin/pages/{self.policy_en.pk}/edit/", html)
        self.assertIn("Median time to the first reply: 5 hours (over 1 answered request).", html)
        self.assertIn("1 request without a reply.", html)
        self.assertIn("Policy consultation", html)
        self.assertIn("Colombia", html)
        self.assertIn("Mobility", html)
        # Nothing personal.
        self.assertNotIn("Ana Gómez", html)
        self.assertNotIn("ana@example.org", html)
        self.assertNotIn("example.org", html)

    def test_structure_tables_and_accessibility(self):
        html = self.client.get(URL).content.decode()
        result = audit(html)
        self.assertEqual(result.headings.count(1), 1)
        self.assertFalse(result.heading_jumps(), result.headings)
        self.assertFalse(result.unlabelled_controls())
        self.assertFalse(result.external_loads)
        duplicates = {i for i in result.ids if result.ids.count(i) > 1}
        self.assertFalse(duplicates)
        tables = re.findall(r'<table class="listing analytics-table".*?</table>', html, re.S)
        self.assertEqual(len(tables), 17)
        for table in tables:
            self.assertEqual(table.count("<caption>"), 1)
            self.assertNotIn("<th>", table)  # every heading cell has a scope
            self.assertIn('<th scope="col">', table)
            if "No request is overdue." not in table:
                self.assertIn('<th scope="row">', table)
        self.assertNotIn('<script src="http', html)

    def test_comparison(self):
        response = self.client.get(URL, {"compare": "previous"})
        html = response.content.decode()
        self.assertIn("Previous period", html)
        self.assertIn("+3 (+300%)", html)  # "bus": 4 against 1
        self.assertIn("-89 (-89%)", html)  # views: 11 against 100

    def test_bad_input_shows_an_error_and_the_default_period(self):
        default = default_period()
        for query, message in (
            ({"from": "2026-02-01", "to": "2026-01-01"}, "The start date is after the end date."),
            ({"from": "3000-01-01", "to": "3000-01-02"}, "The period is in the future"),
            ({"from": "1990-01-01", "to": "2000-01-01"}, "longer than five years"),
            ({"from": "soon", "to": "later"}, "Enter a date as YYYY-MM-DD"),
        ):
            with self.subTest(query):
                response = self.client.get(URL, query)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertIn(message, html)
                self.assertIn(f"From {default.start} to {default.end}", html)

    def test_every_admin_language_renders(self):
        profile = UserProfile.get_for_user(self.editor)
        for language in LANGUAGES:
            with self.subTest(language):
                profile.preferred_language = language
                profile.save()
                response = self.client.get(URL, {"compare": "previous"})
                self.assertEqual(response.status_code, 200)
                self.assertIn(f'lang="{language}"', response.content.decode()[:600])


class OverdueAndShortcutTests(AnalyticsData):
    """The requests overdue today (for Editors: nothing personal, no link they cannot
    follow) and the links to common periods."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        long_ago = timezone.now() - timedelta(days=30)
        cls.late, _token = make_request(
            country="UG", name="Okello Late", email="late@example.org", phone="+256 700"
        )
        CooperationRequest.objects.filter(pk=cls.late.pk).update(created_at=long_ago)
        cls.late.events.update(created_at=long_ago)
        cls.handler = builders.make_admin_user("handler", group="Request handlers")
        cls.handler.groups.add(*cls.editor.groups.all())

    def overdue_table(self, html):
        return re.search(r'<table[^>]*id="analytics-overdue".*?</table>', html, re.S).group(0)

    def test_editors_see_the_late_requests_without_personal_data_or_inbox_links(self):
        self.client.force_login(self.editor)
        html = self.client.get(URL).content.decode()
        table = self.overdue_table(html)
        self.assertIn("Requests overdue today: 1 (no status change or reply", table)
        self.assertNotIn("No request is overdue.", table)
        self.assertIn(self.late.reference, table)
        self.assertIn("Uganda", table)
        self.assertNotIn("/admin/requests/", html)
        for personal in ("Okello", "late@example.org", "+256 700"):
            self.assertNotIn(personal, html)
        rows = list(
            csv.reader(
                io.StringIO(
                    self.client.get(URL, {"format": "csv", "table": "overdue"}).content.decode(
                        "utf-8-sig"
                    )
                )
            )
        )
        self.assertEqual(rows[1][:3], [self.late.reference, "Policy consultation", "Uganda"])
        self.assertEqual(len(rows), 2)

    def test_request_handlers_get_links_to_the_requests_and_the_filtered_inbox(self):
        self.client.force_login(self.handler)
        html = self.client.get(URL).content.decode()
        table = self.overdue_table(html)
        self.assertIn(f'href="/admin/requests/{self.late.pk}/"', table)
        self.assertIn('href="/admin/requests/?overdue=yes"', html)
        self.assertIn("All overdue requests in the inbox", html)

    def test_period_shortcuts_link_to_their_dates(self):
        self.client.force_login(self.editor)
        today = timezone.localdate()
        last_month_end = today.replace(day=1) - timedelta(days=1)
        html = self.client.get(URL).content.decode()
        self.assertIn('aria-current="true">Last 30 days</a>', html)
        url = (
            f"{URL}?from={last_month_end.replace(day=1).isoformat()}"
            f"&amp;to={last_month_end.isoformat()}"
        )
        self.assertIn(f'href="{url}">Last month</a>', html)
        response = self.client.get(url.replace("&amp;", "&"))
        self.assertContains(response, 'aria-current="true">Last month</a>')
        self.assertContains(response, f"From {last_month_end.replace(day=1)} to {last_month_end}")


class CsvTests(AnalyticsData):
    def setUp(self):
        self.client.force_login(self.editor)

    def read(self, table, **params):
        response = self.client.get(URL, {"format": "csv", "table": table, **params})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    def test_views_per_day(self):
        rows = self.read("views")
        self.assertEqual(rows[0], ["Day", "Views"])
        self.assertEqual(len(rows), 31)
        self.assertIn([days_ago(1).isoformat(), "8"], rows)

    def test_cells_that_spreadsheets_would_run_are_escaped(self):
        rows = self.read("queries", compare="previous")
        self.assertIn(["'=cmd", "English", "2", "0", "'+2"], rows)
        self.assertIn(["bus", "English", "4", "1", "'+3 (+300%)"], rows)

    def test_every_table_of_the_page_has_its_csv(self):
        html = self.client.get(URL).content.decode()
        keys = set(re.findall(r"format=csv&amp;table=([a-z_]+)", html))
        self.assertEqual(len(keys), 16)
        for key in keys:
            with self.subTest(key):
                self.assertTrue(self.read(key))

    def test_downloads_per_day_and_per_document(self):
        rows = self.read("downloads")
        self.assertEqual(rows[0], ["Day", "Downloads"])
        self.assertEqual(len(rows), 31)
        self.assertIn([days_ago(1).isoformat(), "3"], rows)
        rows = self.read("documents")
        self.assertEqual(
            rows, [["Document", "Downloads"], ["Bus reform report", "6"], ["'=HYPERLINK(1)", "1"]]
        )

    def test_an_unknown_table_is_a_bad_request(self):
        response = self.client.get(URL, {"format": "csv", "table": "users"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.content.decode(), "There is no such table.")


class PermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.users = {
            "superuser": builders.make_admin_user("root", superuser=True),
            "Editors": builders.make_admin_user("editor", group="Editors"),
            "Moderators": builders.make_admin_user("moderator", group="Moderators"),
            "Request handlers": builders.make_admin_user("handler", group="Request handlers"),
            "Contributors": builders.make_admin_user("contributor", group="Contributors"),
            "Event organisers": builders.make_admin_user("organiser", group="Event organisers"),
        }

    def test_editors_moderators_and_superusers_only(self):
        allowed = {"superuser", "Editors", "Moderators"}
        for name, user in self.users.items():
            with self.subTest(name):
                self.client.force_login(user)
                response = self.client.get(URL)
                self.assertEqual(response.status_code, 200 if name in allowed else 403)
                for table in ("views", "downloads", "documents"):
                    csv_response = self.client.get(URL, {"format": "csv", "table": table})
                    self.assertEqual(csv_response.status_code, 200 if name in allowed else 403)
                menu = self.client.get("/admin/").content.decode()
                self.assertEqual(f'"{URL}"' in menu, name in allowed)

    def test_anonymous_visitors_are_sent_to_the_login(self):
        for params in ({}, {"format": "csv", "table": "views"}):
            response = self.client.get(URL, params)
            self.assertEqual(response.status_code, 302)
            self.assertIn("/admin/login/", response["Location"])


class QueryCountTests(TestCase):
    """The page reads the same number of queries with 2 and with 20 of everything."""

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.library = cls.sections["policies"]["en"]
        cls.theme = builders.make_theme(language="en")
        cls.editor = builders.make_admin_user("editor", group="Editors")

    def add(self, start, stop):
        for n in range(start, stop):
            policy = builders.make_policy(library=self.library, themes=[self.theme])
            PageViewDay.objects.create(page=policy, day=days_ago(n % 30), views=n + 1)
            PageViewDay.objects.create(page=policy, day=days_ago(30 + n % 30), views=1)
            for day in (days_ago(n % 30), days_ago(30 + n % 30)):
                SearchQueryDay.objects.create(
                    day=day, language="en", query=f"query {n}", searches=n + 1, misses=n % 2
                )
            request, _token = make_request(policies=[policy], country="FR")
            # Half of them overdue.
            if n % 2:
                long_ago = timezone.now() - timedelta(days=30)
                CooperationRequest.objects.filter(pk=request.pk).update(created_at=long_ago)
                request.events.update(created_at=long_ago)
            RequestReply.objects.create(request=request, body="Thank you.")
            subscribe(f"reader{n}@example.org", confirmed_days_ago=n % 40)
            document = make_document(f"Report {n}")
            DocumentDownloadDay.objects.create(document=document, day=days_ago(n % 30), downloads=n)
            DocumentDownloadDay.objects.create(document=document, day=days_ago(30 + n % 30))

    def count(self, params):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(URL, params)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_fixed_number_of_queries(self):
        self.client.force_login(self.editor)
        for params in (
            {},
            {"compare": "previous"},
            {"format": "csv", "table": "pages"},
            {"format": "csv", "table": "documents"},
        ):
            with self.subTest(params):
                PageViewDay.objects.all().delete()
                SearchQueryDay.objects.all().delete()
                CooperationRequest.objects.all().delete()
                NewsletterSubscription.objects.all().delete()
                get_document_model().objects.all().delete()
                self.add(0, 2)
                self.count(params)  # warm caches (site root paths, locales)
                few = self.count(params)
                self.add(2, 20)
                self.assertEqual(self.count(params), few)
