"""export_requests and anonymise_requests."""

import csv
import io
import json
from datetime import timedelta

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from policyshare.cooperation_requests import selectors, services
from policyshare.cooperation_requests.models import CooperationRequest, EventKind
from policyshare.cooperation_requests.tests.builders import make_handler, make_request
from policyshare.mail.models import OutgoingMail


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first, _ = make_request(name="Ana", topic="Buses")
        cls.second, _ = make_request(
            name="김민수", kind="webinar", topic="Water", language="ar", time_zone="Africa/Cairo"
        )

    def test_csv_has_the_admin_columns_and_every_request(self):
        rows = list(csv.DictReader(io.StringIO(run("export_requests", "--format", "csv"))))
        self.assertEqual(list(rows[0].keys()), selectors.EXPORT_COLUMNS)
        self.assertEqual({row["name"] for row in rows}, {"Ana", "김민수"})

    def test_json_filters_by_kind(self):
        rows = json.loads(run("export_requests", "--format", "json", "--kind", "webinar"))
        self.assertEqual([row["reference"] for row in rows], [self.second.reference])
        self.assertEqual(rows[0]["name"], "김민수")
        # The wording agreed to (version and language) and where the requester was.
        self.assertEqual(rows[0]["language"], "ar")
        self.assertEqual(rows[0]["time_zone"], "Africa/Cairo")
        self.assertEqual(rows[0]["consent_language"], "ar")
        self.assertEqual(rows[0]["consent_version"], self.second.consent_text.version)
        self.assertTrue(rows[0]["consent_given_at"])

    def test_a_request_without_a_versioned_consent_or_a_zone_has_empty_columns(self):
        CooperationRequest.objects.filter(pk=self.first.pk).update(consent_text=None)
        rows = list(csv.DictReader(io.StringIO(run("export_requests", "--format", "csv"))))
        row = next(row for row in rows if row["reference"] == self.first.reference)
        self.assertEqual(
            (row["time_zone"], row["consent_version"], row["consent_language"]), ("", "", "")
        )
        self.assertEqual(row["language"], "en")

    def test_output_file(self):
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "requests.json"
            run("export_requests", "--format", "json", "--output", str(path))
            self.assertEqual(len(json.loads(path.read_text(encoding="utf-8"))), 2)


class AnonymiseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.handler = make_handler()

    def make_old(self, days):
        request, _token = make_request(email="old@example.org", message="Personal story")
        services.add_note(request=request, author=self.handler, body="About Ana's family")
        services.add_reply(request=request, author=self.handler, body="Dear Ana")
        CooperationRequest.objects.filter(pk=request.pk).update(
            updated_at=timezone.now() - timedelta(days=days)
        )
        return request

    @override_settings(REQUEST_RETENTION_DAYS=365)
    def test_only_requests_past_the_retention_period_are_anonymised(self):
        old = self.make_old(400)
        recent = self.make_old(100)
        output = run("anonymise_requests")
        self.assertIn(f"anonymised {old.reference}", output)
        self.assertIn("1 requests anonymised", output)
        old.refresh_from_db()
        recent.refresh_from_db()
        self.assertIsNotNone(old.anonymised_at)
        self.assertIsNone(recent.anonymised_at)
        self.assertEqual(old.name, services.ERASED)
        self.assertEqual(old.message, "")
        self.assertNotIn("old@example.org", old.email)
        self.assertIsNone(old.access_token_hash)
        self.assertEqual(old.notes.get().body, services.ERASED)
        self.assertEqual(old.replies.get().body, services.ERASED)
        self.assertFalse(OutgoingMail.objects.filter(request=old).exists())
        self.assertTrue(OutgoingMail.objects.filter(request=recent).exists())
        # What the statistics need stays.
        self.assertEqual((old.country.code, old.city), ("CO", "Bogotá"))
        self.assertTrue(old.events.filter(kind=EventKind.ANONYMISED).exists())
        # Running it again finds nothing new.
        self.assertIn("0 requests anonymised", run("anonymise_requests"))

    def test_days_option_overrides_the_setting(self):
        request = self.make_old(40)
        run("anonymise_requests", "--days", "30")
        request.refresh_from_db()
        self.assertIsNotNone(request.anonymised_at)
