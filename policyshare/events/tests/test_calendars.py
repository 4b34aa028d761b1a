"""The .ics files (parsed back with `icalendar`), the Atom feed and /api/v1/events: none of
them shows an event's online link or anything about its registrants."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.test import TestCase
from icalendar import Calendar

from policyshare.core.tests import builders
from policyshare.events.tests.builders import make_event, register

SECRET = "https://meet.example.org/secret-room"


class CalendarTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))
        index = cls.sections["events"]["en"]
        cls.event = make_event(index=index, sessions=2, zone="America/Bogota", online_url=SECRET)
        cls.past = make_event(index=index, starts_in=timedelta(days=-30))
        register(cls.event, email="ana@example.org")

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/calendar"))
        self.assertNotIn(SECRET, response.content.decode())
        self.assertNotIn("ana@example.org", response.content.decode())
        return Calendar.from_ical(response.content)

    def test_event_calendar_parses_with_timezones_and_stable_uids(self):
        calendar = self.parse(f"/en/event/{self.event.pk}/calendar.ics")
        events = calendar.walk("VEVENT")
        self.assertEqual(len(events), 2)
        zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
        self.assertEqual(zones, ["America/Bogota"])
        sessions = self.event.session_list()
        for item, session in zip(events, sessions, strict=True):
            self.assertEqual(
                str(item["UID"]),
                f"event-{self.event.translation_key}-session-{session.pk}@testserver",
            )
            start = item.decoded("DTSTART")
            # iCalendar has whole seconds.
            self.assertEqual(start, session.start.replace(microsecond=0))
            self.assertEqual(start.tzinfo, ZoneInfo("America/Bogota"))
        again = self.parse(f"/en/event/{self.event.pk}/calendar.ics")
        self.assertEqual(
            [str(e["UID"]) for e in again.walk("VEVENT")], [str(e["UID"]) for e in events]
        )

    def test_language_feed_holds_upcoming_events_only(self):
        calendar = self.parse("/en/event/calendar.ics")
        uids = {str(item["UID"]) for item in calendar.walk("VEVENT")}
        self.assertEqual(len(uids), 2)
        self.assertTrue(all(str(self.event.translation_key) in uid for uid in uids))

    def test_atom_feed(self):
        response = self.client.get("/feeds/en/events.atom")
        self.assertEqual(response.status_code, 200)
        body = response.content.decode()
        self.assertIn(self.event.title, body)
        self.assertNotIn(self.past.title + "<", body)
        self.assertNotIn(SECRET, body)

    def test_api(self):
        response = self.client.get("/api/v1/events?language=en")
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual(data["count"], 2)
        item = next(e for e in data["results"] if e["id"] == self.event.pk)
        self.assertTrue(item["online"])
        self.assertEqual(len(item["sessions"]), 2)
        self.assertTrue(item["sessions"][0]["start"].endswith("-05:00"))
        self.assertNotIn(SECRET, response.content.decode())
        self.assertNotIn("ana@example.org", response.content.decode())
        self.assertEqual(self.client.get("/api/v1/events?kind=party").status_code, 422)
        self.assertEqual(self.client.get("/api/v1/events?kind=webinar").json()["count"], 0)

    def test_pages_api_leaves_out_the_online_link(self):
        response = self.client.get(f"/api/v1/pages/{self.event.pk}")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(SECRET, response.content.decode())
