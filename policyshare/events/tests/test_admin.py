"""Staff see registrations in the admin and export them as CSV; editors do not."""

import csv
import io

from django.test import TestCase

from policyshare.core.tests import builders
from policyshare.events.tests.builders import make_event, register

ADMIN = "/admin/event_registrations/"


class RegistrationAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections(languages=("en",))
        cls.event = make_event(index=sections["events"]["en"], capacity=1)
        register(cls.event, email="ana@example.org")
        register(cls.event, email="li@example.org", name="Li Wei")
        cls.organiser = builders.make_admin_user("organiser", group="Event organisers")
        cls.editor = builders.make_editor()

    def test_editors_cannot_see_registrations(self):
        self.client.force_login(self.editor)
        for url in (ADMIN, f"{ADMIN}?export=csv"):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn(b"ana@example.org", response.content)
        self.assertNotContains(self.client.get("/admin/"), ADMIN)

    def test_organisers_see_and_export_registrations_but_cannot_add(self):
        self.client.force_login(self.organiser)
        self.assertContains(self.client.get("/admin/"), ADMIN)
        listing = self.client.get(ADMIN)
        self.assertContains(listing, "Li Wei")
        self.assertContains(listing, "On the waiting list")
        self.assertNotEqual(self.client.get(f"{ADMIN}new/").status_code, 200)

        response = self.client.get(f"{ADMIN}?export=csv")
        self.assertEqual(response.status_code, 200)
        self.assertIn("event-registrations", response["Content-Disposition"])
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(content)))
        self.assertEqual(len(rows), 3)
        self.assertIn("ana@example.org", content)
        # Status codes, not labels: stable for whoever processes the file.
        self.assertIn(",confirmed,Ana Gómez,", content)
        self.assertIn(",waiting,Li Wei,", content)


class OrganiserPagePermissionTests(TestCase):
    def test_organisers_may_add_and_edit_events_in_every_events_section(self):
        from wagtail.models import GroupPagePermission

        sections = builders.sections(languages=("ko", "en"))
        organiser = builders.make_admin_user("organiser", group="Event organisers")
        for code, index in sections["events"].items():
            with self.subTest(code):
                codenames = set(
                    GroupPagePermission.objects.filter(
                        group__name="Event organisers", page=index
                    ).values_list("permission__codename", flat=True)
                )
                self.assertEqual(codenames, {"add_page", "change_page"})
                permissions = index.permissions_for_user(organiser)
                self.assertTrue(permissions.can_add_subpage())
                self.assertFalse(permissions.can_publish_subpage())
        # Nowhere else: not the policy library.
        library = sections["policies"]["en"]
        self.assertFalse(library.permissions_for_user(organiser).can_add_subpage())
