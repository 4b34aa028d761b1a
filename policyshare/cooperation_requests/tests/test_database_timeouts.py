"""A submission blocked on a row lock is refused with 503 before the proxy gives up."""

import threading
import time
import unittest

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import TestCase
from django.utils import timezone

from policyshare.cooperation_requests.models import CooperationRequest
from policyshare.cooperation_requests.tests.builders import form_data
from policyshare.mail.models import OutgoingMail

# Without a lock timeout the submission would wait for the other transaction; it lets go
# after this long so that the test fails (with a saved request) instead of hanging.
HOLD_SECONDS = 10


@pytest.mark.postgres
@unittest.skipUnless(connection.vendor == "postgresql", "row locks and timeouts need PostgreSQL")
class LockTimeoutTests(TestCase):
    def test_connections_carry_the_configured_timeouts(self):
        with connection.cursor() as cursor:
            cursor.execute("SHOW lock_timeout")
            lock_timeout = cursor.fetchone()[0]
            cursor.execute("SHOW statement_timeout")
            statement_timeout = cursor.fetchone()[0]
        self.assertEqual(lock_timeout, f"{settings.DATABASE_LOCK_TIMEOUT}s")
        self.assertEqual(statement_timeout, f"{settings.DATABASE_STATEMENT_TIMEOUT}s")
        # Below gunicorn's default timeout (30 s), so the app answers before it is killed.
        self.assertLess(settings.DATABASE_STATEMENT_TIMEOUT, 30)

    def test_submission_blocked_on_a_row_lock_gets_503_and_nothing_is_saved(self):
        # Another transaction holds this year's reference counter (it is inserting it, not
        # yet committed): the submission must wait for its row lock to number the request.
        other = psycopg.connect(**connection.get_connection_params())
        other.execute(
            "INSERT INTO cooperation_requests_referencecounter (year, last_number) VALUES (%s, 0)",
            [timezone.localdate().year],
        )
        release = threading.Timer(HOLD_SECONDS, other.rollback)
        release.start()
        try:
            started = time.monotonic()
            with self.captureOnCommitCallbacks(execute=True):
                response = self.client.post(
                    "/en/requests/consultation/",
                    form_data(date_from="", date_to=""),
                )
            waited = time.monotonic() - started
        finally:
            release.cancel()
            other.rollback()
            other.close()
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "10")
        self.assertIn(b"not</strong> sent", response.content)
        self.assertLess(waited, settings.DATABASE_LOCK_TIMEOUT + 2)
        self.assertFalse(CooperationRequest.objects.exists())
        self.assertFalse(OutgoingMail.objects.exists())
