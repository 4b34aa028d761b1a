"""The home page shows the next three events of its language with their first session's
date in that session's zone, links to the events section, and never an event that is over."""

from datetime import timedelta
from unittest import mock

from django.core.cache import cache
from django.test import TestCase, override_settings
from django.utils import timezone

from policyshare.core import fragments
from policyshare.core.tests import builders
from policyshare.events.tests.builders import make_event
from policyshare.home.selectors import home_events


class HomeEventsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.index = cls.sections["events"]["en"]
        cls.events = [
            make_event(index=cls.index, starts_in=timedelta(days=days)) for days in (40, 5, 20, 9)
        ]
        cls.past = make_event(index=cls.index, starts_in=timedelta(days=-30))
        cls.bogota = make_event(
            index=cls.sections["events"]["ko"],
            starts_in=timedelta(days=3),
            zone="America/Bogota",
        )

    def test_the_next_three_soonest_first_with_a_link_to_the_section(self):
        response = self.client.get("/en/")
        self.assertEqual(response.status_code, 200)
        shown = [event.pk for event in response.context["upcoming_events"]]
        # Days 5, 9 and 20: not the past one, nor day 40, nor the Korean section's own.
        self.assertEqual(shown, [self.events[1].pk, self.events[3].pk, self.events[2].pk])
        html = response.content.decode()
        self.assertIn('aria-labelledby="home-events-title"', html)
        self.assertIn(self.events[1].url, html)
        self.assertIn('href="/en/events/"', html)
        first = self.events[1].session_list()[0]
        self.assertIn(first.start_in_zone().strftime("%Y"), html)

    def test_the_date_is_in_the_sessions_zone_with_the_zone_named(self):
        response = self.client.get("/ko/")
        section = (
            response.content.decode().split('id="home-events-title"')[1].split("</section>")[0]
        )
        self.assertIn(self.bogota.title, section)
        self.assertIn("UTC-5", section)

    def test_no_block_without_upcoming_events(self):
        later = timezone.now() + timedelta(days=400)
        found = home_events(self.sections["policies"]["en"].get_parent().specific, now=later)
        self.assertEqual(found["upcoming_events"], [])
        self.assertEqual(found["events_index"].pk, self.index.pk)

    @override_settings(FRAGMENT_CACHE_SECONDS=3600)
    def test_cached_and_an_event_over_within_the_hour_is_dropped(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)
        base = timezone.now()
        ends = (base + timedelta(days=2)).replace(minute=30, second=0, microsecond=0)
        ending = make_event(index=self.index, starts_in=ends - timedelta(hours=3) - base)
        home = self.sections["policies"]["en"].get_parent().specific
        before = home_events(home, now=ends - timedelta(minutes=10))["upcoming_events"]
        self.assertEqual(before[0].pk, ending.pk)
        # Twenty minutes later, the same hour: read from the fragment without a query, and
        # the event that ended meanwhile gives its place to the next one.
        with (
            mock.patch("policyshare.home.selectors.upcoming_events") as compute,
            self.assertNumQueries(0),
        ):
            after = home_events(home, now=ends + timedelta(minutes=10))["upcoming_events"]
        compute.assert_not_called()
        self.assertEqual(len(after), 3)
        self.assertNotIn(ending.pk, [event.pk for event in after])
        # The next one comes from the spare events kept in the fragment.
        self.assertEqual(
            [e.pk for e in after], [self.events[1].pk, self.events[3].pk, self.events[2].pk]
        )

    def test_publishing_retires_the_cached_block(self):
        with override_settings(FRAGMENT_CACHE_SECONDS=3600):
            cache.clear()
            fragments.clear_local()
            self.addCleanup(fragments.clear_local)
            self.client.get("/en/")
            new = make_event(index=self.index, starts_in=timedelta(days=1))
            response = self.client.get("/en/")
            self.assertEqual(response.context["upcoming_events"][0].pk, new.pk)
