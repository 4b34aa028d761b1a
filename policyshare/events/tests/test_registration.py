"""Registering for an event: the form, the private page, the waiting list, cancellation,
the deadline, the rate limit and the reminders."""

import re
from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.cache import cache, caches
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from policyshare.core.tests import builders
from policyshare.events import services
from policyshare.events.models import Registration, RegistrationStatus
from policyshare.events.tests.builders import form_data, make_event, register

LINK = re.compile(r"https?://\S+/event/registration/([\w-]+)/")


def token_in(message) -> str:
    return LINK.search(message.body).group(1)


class RegistrationFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))
        cls.event = make_event(
            index=cls.sections["events"]["en"],
            capacity=1,
            online_url="https://meet.example.org/secret-room",
        )
        cls.url = f"/en/event/{cls.event.pk}/register/"

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def test_form_in_the_readers_language(self):
        korean = builders.translate_page(self.event, language="ko", title="행사 1")
        response = self.client.get(f"/ko/event/{korean.pk}/register/")
        self.assertContains(response, "csrfmiddlewaretoken")
        self.assertContains(response, "서울특별시가 행사 등록을")

    def test_happy_path(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.url, form_data())
        self.assertEqual(response.status_code, 302)
        registration = Registration.objects.get()
        self.assertEqual(registration.status, RegistrationStatus.CONFIRMED)
        self.assertEqual(registration.time_zone, "America/Bogota")
        self.assertEqual(len(mail.outbox), 1)
        token = token_in(mail.outbox[0])
        self.assertEqual(response["Location"], f"/en/event/registration/{token}/")
        # Only the digest is stored.
        self.assertNotIn(token, registration.access_token_hash)
        page = self.client.get(response["Location"])
        self.assertContains(page, "secret-room")
        self.assertContains(page, "Ana Gómez")
        self.assertIn("no-cache", page["Cache-Control"])
        self.assertEqual(page["Referrer-Policy"], "no-referrer")
        self.assertContains(page, f'action="/en/event/registration/{token}/cancel/"')

    def test_cancel_needs_a_post(self):
        _registration, token = register(self.event)
        response = self.client.get(f"/en/event/registration/{token}/cancel/")
        self.assertEqual(response.status_code, 405)
        self.client.post(f"/en/event/registration/{token}/cancel/")
        self.assertEqual(Registration.objects.get().status, RegistrationStatus.CANCELLED)
        page = self.client.get(f"/en/event/registration/{token}/")
        self.assertNotContains(page, "secret-room")

    def test_unknown_token(self):
        response = self.client.get("/en/event/registration/nothing-here/")
        self.assertEqual(response.status_code, 404)
        response = self.client.post("/en/event/registration/nothing-here/cancel/")
        self.assertEqual(response.status_code, 404)

    def test_deadline_passed_says_so(self):
        event = make_event(
            index=self.sections["events"]["en"],
            registration_deadline=timezone.now() - timedelta(hours=1),
        )
        page = self.client.get(event.url)
        self.assertContains(page, "Registration for this event has closed.")
        response = self.client.post(f"/en/event/{event.pk}/register/", form_data())
        self.assertContains(response, "Registration for this event has closed.", status_code=409)
        self.assertFalse(Registration.objects.exists())

    def test_bad_input_is_refused_never_a_server_error(self):
        cases = [
            {"email": "not an address"},
            {"country": "XX"},
            {"consent": None},
            {"name": "x" * 500},
            {"name": "line\nbreak"},
            {"consent_version": "abc"},
            {"time_zone": "Mars/Olympus"},
            {"website": "http://spam.example"},
        ]
        for overrides in cases:
            with self.subTest(overrides):
                caches["limits"].clear()
                response = self.client.post(self.url, form_data(**overrides))
                if "time_zone" in overrides:
                    # An unknown zone is dropped, not refused.
                    self.assertEqual(response.status_code, 302)
                    Registration.objects.all().delete()
                else:
                    self.assertEqual(response.status_code, 200)
        self.assertEqual(self.client.get("/en/event/999999/register/").status_code, 404)
        self.assertEqual(self.client.post("/en/event/999999/register/", {}).status_code, 404)

    @override_settings(REQUEST_RATE_LIMIT=2)
    def test_rate_limit_counts_accepted_registrations_and_keeps_what_was_typed(self):
        # Forms sent back with errors cost nothing.
        statuses = [self.client.post(self.url, form_data(email="")).status_code for _ in range(3)]
        self.assertEqual(statuses, [200, 200, 200])
        for number in range(2):
            response = self.client.post(self.url, form_data(email=f"p{number}@example.org"))
            self.assertEqual(response.status_code, 302)
        response = self.client.post(self.url, form_data(email="third@example.org"))
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response["Retry-After"], "3600")
        self.assertContains(response, "Nothing you sent in this last attempt", status_code=429)
        self.assertContains(response, 'value="third@example.org"', status_code=429)
        self.assertEqual(Registration.objects.count(), 2)


class WaitingListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))

    def test_full_event_puts_people_on_the_waiting_list_and_a_cancellation_promotes(self):
        event = make_event(index=self.sections["events"]["en"], capacity=1)
        korean = builders.translate_page(event, language="ko", title="행사")
        with self.captureOnCommitCallbacks(execute=True):
            first, _first_token = register(event, email="first@example.org")
            # Through the Korean version: the seats are the same event's.
            second, second_token = register(korean, email="second@example.org", language="ko")
            third, _token = register(event, email="third@example.org")
        self.assertEqual(first.status, RegistrationStatus.CONFIRMED)
        self.assertEqual(second.status, RegistrationStatus.WAITING)
        self.assertEqual(third.status, RegistrationStatus.WAITING)
        # Each in the language of their registration: the Korean one in Korean.
        self.assertEqual(mail.outbox[1].to, ["second@example.org"])
        self.assertEqual(mail.outbox[1].extra_headers.get("Content-Language"), "ko")
        self.assertEqual(mail.outbox[2].to, ["third@example.org"])
        self.assertIn("Waiting list", mail.outbox[2].subject + mail.outbox[2].body)
        mail.outbox.clear()

        with self.captureOnCommitCallbacks(execute=True):
            self.assertTrue(services.cancel(registration=first))
        second.refresh_from_db()
        third.refresh_from_db()
        self.assertEqual(second.status, RegistrationStatus.CONFIRMED)
        self.assertIsNotNone(second.promoted_at)
        self.assertEqual(third.status, RegistrationStatus.WAITING)
        self.assertEqual([m.to for m in mail.outbox], [["second@example.org"]])
        self.assertEqual(mail.outbox[0].extra_headers.get("Content-Language"), "ko")
        new_token = token_in(mail.outbox[0])
        self.assertIsNone(services.find_by_token(second_token))
        self.assertEqual(services.find_by_token(new_token), second)
        # Cancelling twice changes nothing and promotes nobody else.
        self.assertFalse(services.cancel(registration=first))
        third.refresh_from_db()
        self.assertEqual(third.status, RegistrationStatus.WAITING)

    def test_cancelling_from_the_waiting_list_frees_no_seat(self):
        event = make_event(index=self.sections["events"]["en"], capacity=1)
        register(event, email="first@example.org")
        waiting, _token = register(event, email="second@example.org")
        third, _token = register(event, email="third@example.org")
        services.cancel(registration=waiting)
        third.refresh_from_db()
        self.assertEqual(third.status, RegistrationStatus.WAITING)


class ReminderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("en",))

    def test_reminder_sent_once_to_confirmed_registrants_the_day_before(self):
        index = self.sections["events"]["en"]
        soon = make_event(
            index=index,
            starts_in=timedelta(hours=20),
            capacity=1,
            online_url="https://meet.example.org/secret-room",
        )
        later = make_event(index=index, starts_in=timedelta(days=5))
        confirmed, _token = register(soon, email="confirmed@example.org")
        register(soon, email="waiting@example.org")
        register(later, email="later@example.org")
        mail.outbox.clear()
        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_event_reminders", stdout=out)
        self.assertEqual(out.getvalue().strip(), "Event reminders: 1 sent.")
        self.assertEqual([m.to for m in mail.outbox], [["confirmed@example.org"]])
        self.assertIn("secret-room", mail.outbox[0].body)
        confirmed.refresh_from_db()
        self.assertIsNotNone(confirmed.reminder_sent_at)

        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_event_reminders", stdout=out)
        self.assertEqual(out.getvalue().strip(), "Event reminders: 0 sent.")
        self.assertEqual(len(mail.outbox), 1)

    def test_an_unpublished_event_sends_no_reminder(self):
        soon = make_event(index=self.sections["events"]["en"], starts_in=timedelta(hours=20))
        register(soon, email="confirmed@example.org")
        soon.unpublish()
        mail.outbox.clear()
        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_event_reminders", stdout=out)
        self.assertEqual(out.getvalue().strip(), "Event reminders: 0 sent.")
        self.assertEqual(mail.outbox, [])


class CapacityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("en",))

    def test_publishing_more_seats_promotes_people_waiting(self):
        event = make_event(index=self.sections["events"]["en"], capacity=1)
        register(event, email="first@example.org")
        waiting, _token = register(event, email="second@example.org")
        mail.outbox.clear()
        event.capacity = 2
        with self.captureOnCommitCallbacks(execute=True):
            event.save_revision().publish()
        waiting.refresh_from_db()
        self.assertEqual(waiting.status, RegistrationStatus.CONFIRMED)
        self.assertEqual([m.to for m in mail.outbox], [["second@example.org"]])
