"""The admin dashboard's panels: who sees which, what they say, and how many queries."""

import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from policyshare.cooperation_requests import services as request_services
from policyshare.cooperation_requests.models import RequestEvent, RequestStatus
from policyshare.cooperation_requests.tests.builders import make_request
from policyshare.core.services import record_page_view
from policyshare.core.tests import builders
from policyshare.events.tests.builders import make_event, register
from policyshare.search.models import SearchQueryDay
from policyshare.workspace import selectors
from policyshare.workspace.panels import panels_for

SEOUL = ZoneInfo("Asia/Seoul")
DASHBOARD = "/admin/"
PANEL_IDS = {
    "workspace_requests": 'id="workspace-requests',
    "workspace_drafts": 'id="workspace-drafts',
    "workspace_translations": 'id="workspace-translations',
    "workspace_events": 'id="workspace-events',
    "workspace_reading": 'id="workspace-reading',
}
STAFF_PANELS = {
    "workspace_requests",
    "workspace_translations",
    "workspace_events",
    "workspace_reading",
}


def users():
    """One admin user per group, and a superuser, all reading the admin in English."""
    return {
        "superuser": builders.make_admin_user("root", superuser=True),
        "Editors": builders.make_admin_user("editor", group="Editors"),
        "Moderators": builders.make_admin_user("moderator", group="Moderators"),
        "Request handlers": builders.make_admin_user("handler", group="Request handlers"),
        "Contributors": builders.make_admin_user("contributor", group="Contributors"),
        "Event organisers": builders.make_admin_user("organiser", group="Event organisers"),
    }


def make_draft(page, *, user, title):
    """A change to a published page, saved by `user` and not published."""
    page.title = title
    page.save_revision(user=user)


class VisibilityTests(TestCase):
    """Each panel to the groups whose job it is; superusers see all."""

    EXPECTED = {
        "superuser": set(PANEL_IDS),
        "Editors": {
            "workspace_drafts",
            "workspace_translations",
            "workspace_events",
            "workspace_reading",
        },
        "Moderators": {"workspace_drafts", "workspace_translations", "workspace_reading"},
        "Request handlers": {"workspace_requests"},
        "Contributors": set(),
        # Organisers add and edit event pages (events/0003), so their drafts show too.
        "Event organisers": {"workspace_events", "workspace_drafts"},
    }

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.users = users()
        library = cls.sections["policies"]["ko"]
        # Every user has a draft, so the drafts panel shows wherever it is allowed.
        for name, user in cls.users.items():
            policy = builders.make_policy(library=library)
            make_draft(policy, user=user, title=f"Draft of {name}")
        make_request()

    def test_each_group_gets_its_panels(self):
        for group, user in self.users.items():
            with self.subTest(group):
                self.assertEqual({panel.name for panel in panels_for(user)}, self.EXPECTED[group])

    def test_the_dashboard_shows_them_and_no_others(self):
        for group, user in self.users.items():
            with self.subTest(group):
                self.client.force_login(user)
                response = self.client.get(DASHBOARD)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                for name, marker in PANEL_IDS.items():
                    if name == "workspace_drafts" and group == "Contributors":
                        # A contributor without an organisation may not edit any page.
                        self.assertNotIn(marker, html)
                    elif name in self.EXPECTED[group]:
                        self.assertIn(marker, html, name)
                    else:
                        self.assertNotIn(marker, html, name)

    def test_every_admin_language_renders_the_panels(self):
        root = self.users["superuser"]
        profile = UserProfile.get_for_user(root)
        self.client.force_login(root)
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            with self.subTest(code):
                profile.preferred_language = code
                profile.save()
                response = self.client.get(DASHBOARD)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f'lang="{code}"', msg_prefix="admin language")
                for marker in PANEL_IDS.values():
                    self.assertContains(response, marker)

    def test_contributors_see_no_staff_panel(self):
        names = {panel.name for panel in panels_for(self.users["Contributors"])}
        self.assertFalse(names & STAFF_PANELS)

    def test_wagtail_own_panels_are_kept(self):
        self.client.force_login(self.users["Editors"])
        # Wagtail's "Your most recent edits" and pages awaiting review are still there when
        # they have something to say; ours come after them in the list.
        from wagtail.admin.views.home import HomeView

        view = HomeView()
        view.request = self.client.get(DASHBOARD).wsgi_request
        names = [panel.name for panel in view.get_panels()]
        self.assertIn("workflow_objects_to_moderate", names)
        self.assertIn("recent_edits", names)
        self.assertIn("workspace_drafts", names)


class RequestPanelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections(languages=("en",))
        cls.handler = builders.make_admin_user("handler", group="Request handlers")
        now = timezone.now()
        cls.fresh, _token = make_request(city="Bogotá", country="CO")
        cls.old, _token = make_request(
            city="Kampala", country="UG", email="okello@example.org", phone="+256 700 000"
        )
        cls.answered, _token = make_request(city="Hanoi", country="VN")
        cls.closed, _token = make_request(city="Lima", country="PE")
        request_services.change_status(
            request=cls.answered, status=RequestStatus.IN_PROGRESS, actor=cls.handler
        )
        request_services.change_status(
            request=cls.closed, status=RequestStatus.COMPLETED, actor=cls.handler
        )
        long_ago = now - timedelta(days=30)
        for old in (cls.old, cls.answered, cls.closed):
            type(old).objects.filter(pk=old.pk).update(created_at=long_ago)
            RequestEvent.objects.filter(request=old).update(created_at=long_ago)
        # The answered request had a reply yesterday: not overdue.
        reply = request_services.add_reply(request=cls.answered, author=cls.handler, body="Hi")
        type(reply).objects.filter(pk=reply.pk).update(created_at=now - timedelta(days=1))

    def test_new_and_overdue_requests(self):
        backlog = selectors.request_backlog()
        self.assertEqual(backlog["new_count"], 2)
        self.assertEqual([r.pk for r in backlog["new"]], [self.old.pk, self.fresh.pk])
        self.assertEqual(backlog["overdue_count"], 1)
        self.assertEqual([r.pk for r in backlog["overdue"]], [self.old.pk])

    def test_panel_links_to_the_inbox_without_personal_data(self):
        self.client.force_login(self.handler)
        response = self.client.get(DASHBOARD)
        self.assertContains(response, "2 new requests not taken up yet")
        self.assertContains(response, "1 open request overdue")
        self.assertContains(response, "/admin/requests/?status=received")
        # The overdue count links to the inbox filtered to the same requests.
        self.assertContains(response, 'href="/admin/requests/?overdue=yes"')
        inbox = self.client.get("/admin/requests/?overdue=yes")
        self.assertEqual([r.pk for r in inbox.context["object_list"]], [self.old.pk])
        self.assertContains(response, self.old.reference)
        self.assertContains(response, "Uganda")
        html = response.content.decode()
        for personal in ("okello@example.org", "+256 700 000", "ana@example.org", "Ana Gómez"):
            self.assertNotIn(personal, html)

    @override_settings(REQUEST_OVERDUE_DAYS=40)
    def test_the_overdue_delay_is_a_setting(self):
        self.assertEqual(selectors.request_backlog()["overdue_count"], 0)


class OverdueCutoffTests(TestCase):
    def test_working_days_are_counted_back_in_seoul_days(self):
        cases = [
            # Thursday 26 November 2026, 10:00 in Seoul: five working days back is the
            # previous Thursday.
            (datetime.datetime(2026, 11, 26, 10, tzinfo=SEOUL), datetime.date(2026, 11, 19)),
            # Wednesday 23:30 UTC is already Thursday in Seoul.
            (
                datetime.datetime(2026, 11, 25, 23, 30, tzinfo=datetime.UTC),
                datetime.date(2026, 11, 19),
            ),
            # Monday: the weekend does not count.
            (datetime.datetime(2026, 11, 30, 9, tzinfo=SEOUL), datetime.date(2026, 11, 23)),
            # Sunday: back to Monday.
            (datetime.datetime(2026, 11, 29, 9, tzinfo=SEOUL), datetime.date(2026, 11, 23)),
        ]
        for now, day in cases:
            with self.subTest(now=now):
                cutoff = selectors.overdue_cutoff(now=now, days=5)
                self.assertEqual(cutoff, datetime.datetime.combine(day, datetime.time.min, SEOUL))


class DraftsPanelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.editor = builders.make_editor()
        cls.other = builders.make_admin_user("other", group="Editors")
        library = sections["policies"]["ko"]
        cls.mine = builders.make_policy(library=library, title="Published")
        make_draft(cls.mine, user=cls.editor, title="My new title")
        cls.newer = builders.make_policy(library=library)
        make_draft(cls.newer, user=cls.editor, title="My newer title")
        cls.theirs = builders.make_policy(library=library, title="Theirs")
        make_draft(cls.theirs, user=cls.editor, title="Mine first")
        make_draft(cls.theirs, user=cls.other, title="Theirs last")
        cls.published = builders.make_policy(library=library, title="Untouched")

    def test_own_unpublished_changes_newest_first(self):
        self.assertEqual(
            [page.pk for page in selectors.drafts_of(self.editor)],
            [self.newer.pk, self.mine.pk],
        )

    def test_panel_links_to_the_editor(self):
        self.client.force_login(self.editor)
        response = self.client.get(DASHBOARD)
        self.assertContains(response, "Your drafts")
        self.assertContains(response, f"/admin/pages/{self.newer.pk}/edit/")
        self.assertNotContains(response, f'/admin/pages/{self.published.pk}/edit/"')


class TranslationPanelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.editor = builders.make_editor()
        library = cls.sections["policies"]["ko"]
        cls.korean_only = builders.make_policy(library=library)
        cls.translated = builders.make_policy(library=library)
        builders.translate_page(cls.translated, language="en")
        cls.draft_only = builders.make_policy(library=library)
        cls.draft_only.unpublish()

    def rows(self):
        return {row["code"]: row for row in selectors.translation_backlog()}

    def policy_count(self, row):
        with translation.override("en"):
            names = {str(item["name"]): item["count"] for item in row["types"]}
        return names.get("policy cases", 0)

    def test_missing_live_versions_per_language_and_type(self):
        rows = self.rows()
        self.assertEqual(list(rows), ["ko", "en", "fr", "es", "ar", "zh-hans"])
        # English lacks the Korean-only policy; every other language lacks both policies
        # (the translated one counted once for its Korean and English versions).
        self.assertEqual(self.policy_count(rows["en"]), 1)
        self.assertEqual(self.policy_count(rows["ko"]), 0)
        for code in ("fr", "es", "ar", "zh-hans"):
            self.assertEqual(self.policy_count(rows[code]), 2, code)
        # The section pages ensure_sections makes in every language are not counted.
        self.assertEqual(rows["fr"]["total"], 2)
        self.assertEqual(rows["en"]["total"], 1)

    def test_panel_links_to_the_translation_status_of_each_language(self):
        self.client.force_login(self.editor)
        response = self.client.get(DASHBOARD)
        self.assertContains(response, "Translation backlog")
        self.assertContains(response, "/admin/translation-status/?language=fr")
        self.assertContains(response, "Policy cases: 2")

    def test_fixed_number_of_queries(self):
        library = self.sections["policies"]["ko"]
        with CaptureQueriesContext(connection) as few:
            selectors.translation_backlog()
        for _number in range(18):
            builders.make_policy(library=library)
        with CaptureQueriesContext(connection) as many:
            rows = {row["code"]: row for row in selectors.translation_backlog()}
        self.assertEqual(self.policy_count(rows["fr"]), 20)
        self.assertEqual(len(few), len(many))


class ReadingPanelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.editor = builders.make_editor()
        library = sections["policies"]["en"]
        cls.popular = builders.make_policy(library=library, title="Bus reform")
        cls.second = builders.make_policy(library=library, title="Bike sharing")
        cls.old_news = builders.make_policy(library=library, title="Old news")
        today = selectors.site_today()
        for number in range(3):
            record_page_view(page_id=cls.popular.pk, visitor=f"a{number}", day=today)
        record_page_view(page_id=cls.second.pk, visitor="b", day=today - timedelta(days=6))
        for number in range(5):
            record_page_view(
                page_id=cls.old_news.pk, visitor=f"c{number}", day=today - timedelta(days=7)
            )
        SearchQueryDay.objects.create(
            day=today, language="en", query="flood barrier", searches=4, misses=4
        )
        SearchQueryDay.objects.create(
            day=today - timedelta(days=7), language="en", query="tram", searches=9, misses=9
        )

    def test_last_seven_seoul_days(self):
        self.assertEqual(
            [(page.pk, visits) for page, visits in selectors.most_read_pages()],
            [(self.popular.pk, 3), (self.second.pk, 1)],
        )
        self.assertEqual(
            [row["query"] for row in selectors.zero_result_searches()], ["flood barrier"]
        )

    def test_panel_links_to_the_pages_and_the_report(self):
        self.client.force_login(self.editor)
        response = self.client.get(DASHBOARD)
        self.assertContains(response, "Bus reform")
        self.assertContains(response, "3 visitors")
        self.assertContains(response, self.popular.url)
        self.assertContains(response, "flood barrier")
        self.assertNotContains(response, "Old news")
        self.assertNotContains(response, "tram<")
        self.assertContains(response, "/admin/reports/failed-searches/")


class EventsPanelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.organiser = builders.make_admin_user("organiser", group="Event organisers")
        cls.editor = builders.make_editor()
        cls.soon = make_event(
            index=sections["events"]["ko"], capacity=1, starts_in=timedelta(days=2)
        )
        cls.soon_en = builders.translate_page(cls.soon, language="en", title="Soon in English")
        register(cls.soon, email="ana@example.org", name="Ana Gómez")
        register(cls.soon_en, email="li@example.org", name="Li Wei")
        cls.later = make_event(index=sections["events"]["en"], starts_in=timedelta(days=20))
        cls.past = make_event(index=sections["events"]["en"], starts_in=timedelta(days=-20))

    def test_next_events_once_each_with_shared_counts(self):
        events = selectors.upcoming_events(language="en")
        self.assertEqual([event.pk for event in events], [self.soon_en.pk, self.later.pk])
        self.assertEqual((events[0].confirmed, events[0].waiting, events[0].capacity), (1, 1, 1))
        self.assertEqual((events[1].confirmed, events[1].waiting), (0, 0))
        korean = selectors.upcoming_events(language="ko")
        self.assertEqual(korean[0].pk, self.soon.pk)

    def test_organisers_get_the_registrations_link_editors_do_not(self):
        self.client.force_login(self.organiser)
        response = self.client.get(DASHBOARD)
        self.assertContains(response, "Upcoming events")
        self.assertContains(response, "Soon in English")
        self.assertContains(response, "/admin/event_registrations/")
        self.assertNotContains(response, "Li Wei")
        self.assertNotContains(response, "ana@example.org")
        self.client.force_login(self.editor)
        response = self.client.get(DASHBOARD)
        self.assertContains(response, "Soon in English")
        self.assertNotContains(response, "/admin/event_registrations/")


class DashboardQueryCountTests(TestCase):
    """The whole dashboard reads as many queries with a little data as with much."""

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.root = builders.make_admin_user("root", superuser=True)
        cls.add_content(2, start=0)

    @classmethod
    def add_content(cls, count, *, start):
        library = cls.sections["policies"]["ko"]
        events = cls.sections["events"]["ko"]
        today = selectors.site_today()
        for number in range(start, start + count):
            policy = builders.make_policy(library=library)
            make_draft(policy, user=cls.root, title=f"Draft {number}")
            record_page_view(page_id=policy.pk, visitor=f"v{number}", day=today)
            SearchQueryDay.objects.create(
                day=today, language="en", query=f"query {number}", searches=1, misses=1
            )
            event = make_event(index=events, starts_in=timedelta(days=number + 1))
            register(event, email=f"person{number}@example.org")
            request, _token = make_request()
            type(request).objects.filter(pk=request.pk).update(
                created_at=timezone.now() - timedelta(days=30)
            )

    def dashboard_queries(self):
        self.client.force_login(self.root)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(DASHBOARD)
        self.assertEqual(response.status_code, 200)
        for marker in PANEL_IDS.values():
            self.assertContains(response, marker)
        return queries.captured_queries

    def test_same_number_of_queries_with_2_and_20_of_everything(self):
        # A first visit fills the caches every later one reads (sites, content types).
        self.dashboard_queries()
        few = self.dashboard_queries()
        self.add_content(18, start=2)
        many = self.dashboard_queries()
        self.assertEqual(len(few), len(many), self.difference(few, many))

    def difference(self, few, many):
        import difflib

        def lines(queries):
            return [query["sql"][:300] for query in queries]

        return "\n".join(difflib.unified_diff(lines(few), lines(many), lineterm=""))


class SubmitCasePanelTests(TestCase):
    """A partner-city contributor's dashboard: where to add a case, how it goes, theirs."""

    @classmethod
    def setUpTestData(cls):
        from policyshare.contributors.tests.test_contributor_isolation import draft_case, invite

        cls.sections = builders.sections()
        editor = builders.make_editor()
        cls.contributor = invite("ana@bogota.example", "Alcaldía de Bogotá", editor)
        other = invite("li@other.example", "Other City Hall", editor)
        library = cls.sections["policies"]["en"]
        cls.own = draft_case(library, cls.contributor, "TransMilenio feeder routes", "feeder")
        cls.foreign = draft_case(library, other, "Another city's case", "other-case")
        cls.library = library

    def setUp(self):
        profile = UserProfile.get_for_user(self.contributor)
        profile.preferred_language = "en"
        profile.save()
        self.client.force_login(self.contributor)

    def test_the_contributor_is_shown_where_to_add_and_how_it_goes(self):
        response = self.client.get(DASHBOARD)
        self.assertContains(response, "Submit a case")
        add_url = f"/admin/pages/add/policies/policycase/{self.library.pk}/"
        self.assertContains(response, f'href="{add_url}"')
        self.assertEqual(self.client.get(add_url).status_code, 200)
        # The steps name the submit button as the contributor's editor labels it.
        with translation.override("en"):
            from policyshare.contributors.services import admin_labels

            submit = admin_labels("en")["submit_label"]
        self.assertContains(response, f'then choose "{submit}"')
        # Their own case, never another organisation's.
        self.assertContains(response, "TransMilenio feeder routes")
        self.assertNotContains(response, "Another city&#x27;s case")

    def test_the_panel_is_in_the_contributors_language(self):
        profile = UserProfile.get_for_user(self.contributor)
        profile.preferred_language = "es"
        profile.save()
        response = self.client.get(DASHBOARD)
        with translation.override("es"):
            heading = translation.gettext("Submit a case")
        self.assertNotEqual(heading, "Submit a case")
        self.assertContains(response, heading)

    def test_staff_do_not_get_it(self):
        groups = ["Editors", "Moderators", "Request handlers", "Contributors", "Event organisers"]
        staff = [builders.make_admin_user(f"staff-{n}", group=g) for n, g in enumerate(groups)]
        staff.append(builders.make_admin_user("staff-root", superuser=True))
        for user in staff:
            with self.subTest(user.username):
                self.assertNotIn(
                    "workspace_submit_case", {panel.name for panel in panels_for(user)}
                )
