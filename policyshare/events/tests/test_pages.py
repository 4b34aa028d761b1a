"""The events section, its filters and the event pages, in Korean, English and Arabic."""

import json
from datetime import timedelta

from django.core.cache import cache, caches
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from policyshare.core.tests import builders
from policyshare.events.tests.builders import make_event


class EventPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en", "ar"))
        cls.index = cls.sections["events"]["en"]
        cls.theme = builders.make_theme(language="en", slug="transport", name="Transport")
        cls.upcoming = make_event(
            index=cls.index, kind="webinar", online_url="https://meet.example.org/secret-room"
        )
        cls.upcoming.themes.add(cls.theme)
        cls.upcoming.save_revision().publish()
        cls.past = make_event(index=cls.index, kind="conference", starts_in=timedelta(days=-40))

    def test_section_in_three_languages(self):
        for language, title in (("ko", "행사"), ("en", "Events"), ("ar", "الفعاليات")):
            with self.subTest(language):
                response = self.client.get(f"/{language}/events/")
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, title)

    def test_upcoming_and_past_are_listed_apart(self):
        response = self.client.get("/en/events/")
        self.assertEqual(response.context["upcoming"], [self.upcoming])
        self.assertEqual(response.context["past"], [self.past])

    def test_filters(self):
        by_type = self.client.get("/en/events/?type=conference").context
        self.assertEqual((by_type["upcoming"], by_type["past"]), ([], [self.past]))
        by_theme = self.client.get("/en/events/?theme=transport").context
        self.assertEqual((by_theme["upcoming"], by_theme["past"]), ([self.upcoming], []))
        month = self.upcoming.session_list()[0].start.strftime("%Y-%m")
        by_month = self.client.get(f"/en/events/?month={month}").context
        self.assertEqual(by_month["upcoming"], [self.upcoming])
        self.assertNotIn(self.past, by_month["past"])

    def test_bad_filters_are_ignored(self):
        for query in ("type=party", "theme=%00", "month=2026-13", "month=x" * 50):
            with self.subTest(query):
                response = self.client.get(f"/en/events/?{query}")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(len(response.context["upcoming"]), 1)

    def test_event_page_shows_sessions_in_their_zone_and_hides_the_online_link(self):
        response = self.client.get(self.upcoming.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "KST (UTC+9)")
        self.assertNotContains(response, "secret-room")
        self.assertContains(response, f"/en/event/{self.upcoming.pk}/register/")

    def test_json_ld_event(self):
        response = self.client.get(self.upcoming.url)
        blocks = [
            json.loads(block)
            for block in response.content.decode().split('<script type="application/ld+json">')[1:]
            for block in [block.split("</script>")[0]]
        ]
        event = next(block for block in blocks if block.get("@type") == "Event")
        self.assertTrue(event["startDate"].endswith("+09:00"))
        self.assertEqual(
            event["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode"
        )
        self.assertIn("organizer", event)
        self.assertNotIn("secret-room", json.dumps(event))


class EventQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("en",))
        cls.index = cls.sections["events"]["en"]
        cls.theme = builders.make_theme(language="en", slug="water")

    def add_events(self, n):
        for _ in range(n):
            event = make_event(index=self.index, sessions=2)
            event.themes.add(self.theme)
            event.save()

    def queries_for(self, url):
        # As the API's own query-count tests do: a rate-limit window that starts between two
        # requests would otherwise cost the first of its requests one query more.
        cache.clear()
        caches["limits"].clear()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_lists_do_not_grow_with_events(self):
        urls = [
            "/en/events/",
            "/en/events/?theme=water",
            "/api/v1/events",
            "/en/event/calendar.ics",
        ]
        self.add_events(2)
        for url in urls:
            self.queries_for(url)
        before = {url: self.queries_for(url) for url in urls}
        self.add_events(18)
        after = {url: self.queries_for(url) for url in urls}
        self.assertEqual(before, after)
