"""Staff turn a study-visit or webinar request into a draft event (docs/events.md, "From a
request to an event"): only those who may add events under the events section see the
button; doing it twice gives the same event."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.test import Client, TestCase
from django.utils import timezone

from policyshare.cooperation_requests.models import (
    CooperationRequest,
    EventKind,
    RequestKind,
)
from policyshare.cooperation_requests.tests.builders import make_handler, make_request
from policyshare.core.tests import builders
from policyshare.events.models import EventPage

INBOX = "/admin/requests/"
BUTTON = "Create an event from this request"
SEOUL = ZoneInfo("Asia/Seoul")


def in_groups(user, *names):
    user.groups.add(*Group.objects.filter(name__in=names))
    return user


class EventFromRequestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.theme = builders.make_theme(language="en", name="Transport", slug="transport")
        cls.policy = builders.make_policy(
            library=cls.sections["policies"]["en"], title="Bus reform", themes=[cls.theme]
        )
        cls.visit, _token = make_request(
            kind=RequestKind.STUDY_VISIT,
            language="en",
            policies=[cls.policy],
            topic="Bus rapid transit",
            date_from=date(2031, 5, 12),
            date_to=date(2031, 5, 14),
            participants=12,
        )
        # A request handler who is also an editor (Wagtail's Editors may add pages).
        cls.editor_handler = in_groups(make_handler("editor-handler"), "Editors")
        # A request handler who is also an event organiser (page permissions on the events
        # sections, given when the sections were created).
        cls.organiser_handler = in_groups(make_handler("organiser-handler"), "Event organisers")
        # A request handler without any page permission.
        cls.handler = make_handler("plain-handler")

    def detail(self, user, request=None):
        self.client.force_login(user)
        return self.client.get(f"{INBOX}{(request or self.visit).pk}/")

    def create(self, user, request=None):
        self.client.force_login(user)
        return self.client.post(f"{INBOX}{(request or self.visit).pk}/event/")

    def test_a_handler_who_may_add_events_creates_a_draft_prefilled_from_the_request(self):
        self.assertContains(self.detail(self.editor_handler), BUTTON)
        response = self.create(self.editor_handler)

        event = EventPage.objects.get()
        self.assertRedirects(
            response, f"/admin/pages/{event.pk}/edit/", fetch_redirect_response=False
        )
        self.assertFalse(event.live)
        self.assertEqual(event.get_parent().pk, self.sections["events"]["en"].pk)
        self.assertEqual(event.kind, "study_visit")
        self.assertEqual(event.title, "Study visit from Bogotá: Bus rapid transit")
        self.assertIn("Colombia", event.summary)
        self.assertEqual(event.capacity, 12)
        self.assertEqual(list(event.related_policies.all()), [self.policy])
        self.assertEqual(list(event.themes.all()), [self.theme])
        [session] = event.session_list()
        self.assertEqual(session.time_zone, "Asia/Seoul")
        self.assertEqual(session.start, datetime(2031, 5, 12, 9, 0, tzinfo=SEOUL))
        self.assertEqual(session.end, datetime(2031, 5, 14, 18, 0, tzinfo=SEOUL))
        self.assertEqual(session.title, "")
        # Linked both ways, and in the request's history with who did it.
        self.visit.refresh_from_db()
        self.assertEqual(self.visit.event_page_id, event.pk)
        self.assertEqual(list(event.cooperation_requests.all()), [self.visit])
        history = self.visit.events.get(kind=EventKind.EVENT_CREATED)
        self.assertEqual(history.actor, self.editor_handler)
        self.assertIn(event.title, history.detail)
        # The draft has a revision the editor opens on.
        self.assertIsNotNone(event.latest_revision)
        self.assertEqual(self.client.get(f"/admin/pages/{event.pk}/edit/").status_code, 200)

        # The detail now links the event instead of offering a second one.
        page = self.detail(self.editor_handler)
        self.assertNotContains(page, BUTTON)
        self.assertContains(page, f"/admin/pages/{event.pk}/edit/")

    def test_doing_it_twice_links_the_existing_event(self):
        self.create(self.editor_handler)
        response = self.create(self.organiser_handler)
        event = EventPage.objects.get()
        self.assertRedirects(
            response, f"/admin/pages/{event.pk}/edit/", fetch_redirect_response=False
        )
        self.assertEqual(EventPage.objects.count(), 1)
        self.assertEqual(self.visit.events.filter(kind=EventKind.EVENT_CREATED).count(), 1)

    def test_event_organisers_may_create_it_through_their_section_permissions(self):
        self.assertContains(self.detail(self.organiser_handler), BUTTON)
        response = self.create(self.organiser_handler)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(EventPage.objects.count(), 1)

    def test_a_handler_without_page_permission_sees_no_button_and_gets_403(self):
        self.assertNotContains(self.detail(self.handler), BUTTON)
        self.assertEqual(self.create(self.handler).status_code, 403)
        self.assertFalse(EventPage.objects.exists())
        self.visit.refresh_from_db()
        self.assertIsNone(self.visit.event_page_id)

    def test_people_who_do_not_handle_requests_cannot_post(self):
        editor = builders.make_editor("just-editor")
        self.assertEqual(self.create(editor).status_code, 403)
        self.client.logout()
        response = self.client.post(f"{INBOX}{self.visit.pk}/event/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])
        self.assertFalse(EventPage.objects.exists())

    def test_the_post_needs_the_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.editor_handler)
        self.assertEqual(client.post(f"{INBOX}{self.visit.pk}/event/").status_code, 403)
        self.assertFalse(EventPage.objects.exists())

    def test_a_get_does_not_create(self):
        self.client.force_login(self.editor_handler)
        self.assertEqual(self.client.get(f"{INBOX}{self.visit.pk}/event/").status_code, 405)
        self.assertFalse(EventPage.objects.exists())

    def test_a_consultation_offers_no_event(self):
        consultation, _token = make_request(kind=RequestKind.CONSULTATION)
        self.assertNotContains(self.detail(self.editor_handler, consultation), BUTTON)
        self.assertEqual(self.create(self.editor_handler, consultation).status_code, 403)
        self.assertFalse(EventPage.objects.exists())

    def test_a_webinar_is_set_in_the_requesters_zone_and_a_missing_date_is_a_placeholder(self):
        webinar, _token = make_request(
            kind=RequestKind.WEBINAR, topic="Open data", time_zone="America/Bogota"
        )
        self.create(self.editor_handler, webinar)
        event = EventPage.objects.get()
        self.assertEqual(event.kind, "webinar")
        self.assertEqual(event.title, "Webinar for Bogotá: Open data")
        self.assertEqual(event.capacity, 30)
        [session] = event.session_list()
        self.assertEqual(session.time_zone, "America/Bogota")
        self.assertIn("Date to be confirmed", session.title)
        local = session.start_in_zone()
        self.assertEqual((local.hour, local.minute), (10, 0))
        self.assertEqual(local.date(), timezone.localdate() + timedelta(days=60))

    def test_a_request_in_a_language_without_events_section_goes_to_the_default_one(self):
        french, _token = make_request(kind=RequestKind.STUDY_VISIT, language="fr")
        self.create(self.editor_handler, french)
        event = EventPage.objects.get()
        self.assertEqual(event.get_parent().pk, self.sections["events"]["ko"].pk)
        self.assertEqual(event.locale.language_code, "ko")

    def test_deleting_the_event_keeps_the_request(self):
        self.create(self.editor_handler)
        EventPage.objects.get().delete()
        request = CooperationRequest.objects.get(pk=self.visit.pk)
        self.assertIsNone(request.event_page_id)

    def test_a_korean_request_goes_to_the_korean_section_in_korean(self):
        korean, _token = make_request(kind=RequestKind.STUDY_VISIT, language="ko")
        # The staff member reads the admin in English; the event is written in Korean.
        self.create(self.editor_handler, korean)
        event = EventPage.objects.get()
        self.assertEqual(event.get_parent().pk, self.sections["events"]["ko"].pk)
        self.assertIn("콜롬비아", event.summary)
        self.assertNotIn("Colombia", event.summary)
