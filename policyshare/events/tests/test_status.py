"""An event cancelled or postponed: in every language at once, with a note to readers and to
the people registered, who are each told in their language; registration closes, calendars
and search engines learn it, and no reminder follows. Only those who may publish the event
may change its status."""

import json
from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from policyshare.core.tests import builders
from policyshare.events.models import EventStatusChange, Registration
from policyshare.events.tests.builders import form_data, make_event, register

NOTE = {"en": "The venue is closed for repairs.", "ko": "행사장 보수 공사로 취소되었습니다."}


def status_url(event):
    return reverse("events_admin:status", args=[event.pk])


def note_fields(note: dict) -> dict:
    # LocalizedTextWidget: one input per content language, note_<language code>.
    from django.conf import settings

    return {
        f"note_{code}": note.get(code, "") for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


class EventStatusTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))
        cls.event_en = make_event(
            index=cls.sections["events"]["en"], starts_in=timedelta(hours=20), capacity=1
        )
        cls.event_ko = builders.translate_page(cls.event_en, language="ko", title="행사")
        cls.moderator = builders.make_admin_user("moderator", group="Moderators")

    def setUp(self):
        self.confirmed, _ = register(self.event_en, email="confirmed@example.org")
        self.waiting, _ = register(self.event_ko, email="waiting@example.org", language="ko")
        self.gone, _ = register(self.event_en, email="gone@example.org")
        Registration.objects.filter(pk=self.gone.pk).update(status="cancelled")
        mail.outbox.clear()

    def cancel(self, event, **fields):
        self.client.force_login(self.moderator)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                status_url(event), {"status": "cancelled", **note_fields(NOTE), **fields}
            )

    def test_cancelling_in_one_language_cancels_every_language_and_tells_each_registrant(self):
        response = self.cancel(self.event_ko)
        self.assertRedirects(response, status_url(self.event_ko))

        self.assertEqual(EventStatusChange.objects.count(), 1)
        by_address = {message.to[0]: message for message in mail.outbox}
        # Confirmed and waiting, each in their language; not the one who had cancelled.
        self.assertEqual(set(by_address), {"confirmed@example.org", "waiting@example.org"})
        self.assertIn("has been cancelled", by_address["confirmed@example.org"].body)
        self.assertIn(NOTE["en"], by_address["confirmed@example.org"].body)
        self.assertIn(NOTE["ko"], by_address["waiting@example.org"].body)
        self.assertNotIn("has been cancelled", by_address["waiting@example.org"].body)

        for event, note in ((self.event_en, NOTE["en"]), (self.event_ko, NOTE["ko"])):
            with self.subTest(event.locale.language_code):
                page = self.client.get(event.url)
                self.assertContains(page, "notice--status")
                self.assertContains(page, note)
                self.assertNotContains(page, reverse("events:register", args=[event.pk]))

    def test_a_cancelled_event_takes_no_registration(self):
        self.cancel(self.event_en)
        self.client.logout()
        with translation.override("en"):
            url = reverse("events:register", args=[self.event_en.pk])
        form = self.client.get(url)
        self.assertContains(form, "This event has been cancelled.")
        before = Registration.objects.count()
        response = self.client.post(url, form_data())
        self.assertEqual(response.status_code, 409)
        self.assertEqual(Registration.objects.count(), before)

    def test_json_ld_calendar_api_and_list_say_cancelled(self):
        self.cancel(self.event_en)
        self.client.logout()
        page = self.client.get(self.event_en.url).content.decode()
        blocks = [
            json.loads(block.split("</script>")[0])
            for block in page.split('<script type="application/ld+json">')[1:]
        ]
        event = next(block for block in blocks if block.get("@type") == "Event")
        self.assertEqual(event["eventStatus"], "https://schema.org/EventCancelled")

        ics = self.client.get(reverse("events:event_calendar", args=[self.event_en.pk]))
        statuses = [str(item["STATUS"]) for item in Calendar.from_ical(ics.content).walk("VEVENT")]
        self.assertEqual(statuses, ["CANCELLED"])

        api = self.client.get("/api/v1/events", {"language": "en"}).json()
        self.assertEqual([item["status"] for item in api["results"]], ["cancelled"])

        listing = self.client.get(self.sections["events"]["en"].url)
        self.assertContains(listing, "badge--status")

    def test_no_reminder_for_a_cancelled_event(self):
        self.cancel(self.event_en)
        mail.outbox.clear()
        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_event_reminders", stdout=out)
        self.assertEqual(out.getvalue().strip(), "Event reminders: 0 sent.")
        self.assertEqual(mail.outbox, [])

    def test_sending_the_same_status_twice_tells_nobody_again(self):
        self.cancel(self.event_en)
        mail.outbox.clear()
        self.cancel(self.event_en)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(EventStatusChange.objects.count(), 1)

    def test_going_ahead_again_reopens_registration_and_says_so(self):
        self.cancel(self.event_en)
        mail.outbox.clear()
        self.cancel(self.event_en, status="scheduled", **note_fields({}))
        self.assertEqual(len(mail.outbox), 2)
        self.assertTrue(
            all(
                "going ahead" in m.subject.lower() or m.to == ["waiting@example.org"]
                for m in mail.outbox
            )
        )
        self.client.logout()
        page = self.client.get(self.event_en.url)
        self.assertNotContains(page, "notice--status")
        self.assertContains(page, reverse("events:register", args=[self.event_en.pk]))
        self.assertEqual(
            EventStatusChange.objects.filter(translation_key=self.event_en.translation_key).count(),
            2,
        )

    def test_bad_input_changes_nothing(self):
        response = self.cancel(self.event_en, status="closed-forever")
        self.assertEqual(response.status_code, 400)
        response = self.cancel(self.event_en, note_en="x" * 601)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(EventStatusChange.objects.count(), 0)
        self.assertEqual(mail.outbox, [])


class EventStatusPermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections(languages=("en",))
        cls.event = make_event(index=sections["events"]["en"])

    def test_who_may_cancel(self):
        for group, allowed in (
            ("Editors", False),  # they submit pages for moderation; moderators publish
            ("Moderators", True),
            ("Event organisers", False),
            ("Request handlers", False),
            ("Contributors", False),
        ):
            with self.subTest(group):
                user = builders.make_admin_user(group.lower().replace(" ", "-"), group=group)
                self.client.force_login(user)
                page = self.client.get(status_url(self.event))
                response = self.client.post(
                    status_url(self.event), {"status": "cancelled", **note_fields({})}
                )
                if allowed:
                    self.assertEqual(page.status_code, 200)
                    # Three choices, no empty one; a note box per content language.
                    self.assertEqual(page.content.decode().count('name="status"'), 3)
                    self.assertContains(page, 'name="note_ar"')
                    self.assertEqual(response.status_code, 302)
                    EventStatusChange.objects.all().delete()
                else:
                    self.assertNotEqual(page.status_code, 200)
                    # Wagtail's admin answers a refusal with a redirect to its home page.
                    self.assertNotEqual(response.get("Location"), status_url(self.event))
                    self.assertFalse(EventStatusChange.objects.exists())
                # The page's header offers it to those who may use it, and only to them.
                edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.event.pk]))
                if edit.status_code == 200:
                    self.assertEqual(status_url(self.event) in edit.content.decode(), allowed)

    def test_anonymous_visitors_are_sent_to_the_login(self):
        response = self.client.get(status_url(self.event))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])
