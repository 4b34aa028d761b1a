"""Editors create events in the admin: sessions need a known time zone and an end after the
start; an event needs a venue or an online link."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from policyshare.core.tests import builders
from policyshare.events.models import EventIndexPage, EventPage


class EventAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("en",))
        cls.index = cls.sections["events"]["en"]
        cls.admin = builders.make_admin_user("boss", superuser=True)

    def setUp(self):
        self.client.force_login(self.admin)

    def data(self, *, zone="Asia/Seoul", end="2030-05-01 12:00", **fields):
        values = {
            "title": "Urban mobility course",
            "slug": "urban-mobility-course",
            "kind": "training",
            "summary": "A week on buses.",
            "body": rich_text("<p>Programme.</p>"),
            "capacity": 20,
            "venue_name": "Seoul Urban Solutions Agency",
            "venue_address": "",
            "online_url": "",
            "sessions": inline_formset(
                [{"title": "Day 1", "start": "2030-05-01 09:00", "end": end, "time_zone": zone}]
            ),
        }
        values.update(fields)
        return nested_form_data(values)

    def test_section_takes_events_only(self):
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertCanCreate(self.index, EventPage, self.data())
        event = EventPage.objects.get(slug="urban-mobility-course")
        self.assertEqual(event.sessions.get().time_zone, "Asia/Seoul")

    def test_refusals(self):
        url = f"/admin/pages/add/events/eventpage/{self.index.pk}/"
        cases = {
            "zone": self.data(zone="Mars/Olympus"),
            "end": self.data(end="2030-05-01 08:00"),
            "where": self.data(venue_name=""),
            "sessions": self.data(sessions=inline_formset([])),
        }
        for name, data in cases.items():
            with self.subTest(name):
                response = self.client.post(url, data)
                self.assertEqual(response.status_code, 200)
        self.assertFalse(EventPage.objects.exists())
