"""The demo events (content/events.py): every kind, in Korean and English, some past and
some upcoming from the day of the load, marked illustrative, loaded once."""

from collections import Counter
from datetime import date, timedelta

from django.test import TestCase

from policyshare.core.tests import builders
from policyshare.demo.content.events import EVENTS
from policyshare.demo.events import load_events
from policyshare.demo.services import DemoReport
from policyshare.events.models import EventPage
from policyshare.events.selectors import upcoming_events

TODAY = date(2031, 3, 2)


class DemoEventsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.themes = {
            code: {
                slug: builders.make_theme(language=code, slug=slug)
                for slug in ("transport", "e-government")
            }
            for code in ("ko", "en")
        }
        cls.report = cls.load()

    @classmethod
    def load(cls, today=TODAY):
        report = DemoReport()
        load_events(
            events=cls.sections["events"],
            libraries=cls.sections["policies"],
            themes=cls.themes,
            report=report,
            today=today,
        )
        return report

    def test_every_kind_in_both_languages_as_translations(self):
        self.assertGreaterEqual(len(EVENTS), 6)
        self.assertEqual(self.report.created["event"], 2 * len(EVENTS))
        for code in ("ko", "en"):
            events = EventPage.objects.live().filter(locale__language_code=code)
            self.assertEqual(events.count(), len(EVENTS))
            self.assertEqual(
                set(events.values_list("kind", flat=True)),
                {"training", "study_visit", "webinar", "conference"},
            )
        korean = EventPage.objects.get(locale__language_code="ko", slug="late-night-bus-webinar")
        english = EventPage.objects.get(locale__language_code="en", slug="late-night-bus-webinar")
        self.assertEqual(korean.translation_key, english.translation_key)
        self.assertNotEqual(korean.title, english.title)

    def test_past_events_keep_their_dates_and_upcoming_ones_follow_the_load_day(self):
        events = list(EventPage.objects.filter(locale__language_code="en"))
        starts = {event.slug: event.session_list()[0].start_in_zone() for event in events}
        past = [slug for slug, start in starts.items() if start.date() < TODAY]
        coming = [slug for slug, start in starts.items() if start.date() > TODAY]
        self.assertGreaterEqual(len(past), 3)
        self.assertGreaterEqual(len(coming), 3)
        for slug in past:
            self.assertTrue(2019 <= starts[slug].year <= 2025, slug)
        self.assertEqual(starts["miti-data-governance-course"].date(), TODAY + timedelta(days=21))
        self.assertEqual(starts["miti-data-governance-course"].hour, 9)
        # A past event was announced before it took place.
        course = EventPage.objects.get(
            locale__language_code="en", slug="miti-smart-transport-course-2019"
        )
        self.assertLess(course.first_published_at.date(), date(2019, 10, 14))

    def test_upcoming_events_are_listed_on_the_real_day_of_a_load(self):
        # Loaded today (as `load_demo` does), the upcoming ones are upcoming now.
        for event in EventPage.objects.all():
            event.delete()
        self.load(today=date.today())
        self.assertGreaterEqual(len(upcoming_events(language="en")), 3)
        self.assertGreaterEqual(len(upcoming_events(language="ko")), 3)

    def test_sessions_are_in_seoul_and_a_webinar_runs_in_two_zones(self):
        zones = Counter(
            session.time_zone
            for event in EventPage.objects.filter(locale__language_code="en")
            for session in event.sessions.all()
        )
        self.assertGreater(zones["Asia/Seoul"], 10)
        webinar = EventPage.objects.get(locale__language_code="en", slug="late-night-bus-webinar")
        self.assertEqual(
            {session.time_zone for session in webinar.sessions.all()},
            {"Asia/Seoul", "Europe/Paris"},
        )
        self.assertTrue(webinar.online_url.startswith("https://example.org/"))
        self.assertEqual(webinar.venue_name, "")

    def test_every_event_says_it_is_illustrative(self):
        for event in EventPage.objects.all():
            with self.subTest(event.slug, language=event.locale.language_code):
                marker = "예시" if event.locale.language_code == "ko" else "llustrative"
                self.assertIn(marker, event.summary)
                self.assertIn(marker, event.body)

    def test_themes_of_the_language_are_set(self):
        course = EventPage.objects.get(
            locale__language_code="ko", slug="miti-data-governance-course"
        )
        self.assertEqual(list(course.themes.all()), [self.themes["ko"]["e-government"]])

    def test_loading_again_creates_nothing(self):
        report = self.load(today=TODAY + timedelta(days=5))
        self.assertEqual(report.created["event"], 0)
        self.assertEqual(report.present["event"], 2 * len(EVENTS))
        self.assertEqual(EventPage.objects.count(), 2 * len(EVENTS))
