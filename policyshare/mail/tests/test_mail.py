"""The outbox: mail is queued for the task worker after the commit and retried with pauses."""

import io
import smtplib
from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from policyshare.cooperation_requests.models import CooperationRequest
from policyshare.cooperation_requests.tests.builders import make_request
from policyshare.mail.models import OutgoingMail
from policyshare.mail.services import MAX_ATTEMPTS, REDACTED_BODY, retry_delay

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SMTP_DOWN = smtplib.SMTPServerDisconnected("down")


def clock(delta: timedelta):
    """Move the clock forward for the code under test."""
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + delta)


class OutboxTests(TestCase):
    """With the immediate backend of the tests: each queued mail is tried at once."""

    def retry_pending(self):
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_pending_mail", stdout=io.StringIO())

    def test_failed_send_keeps_the_request_and_the_mail_and_retries_after_a_pause(self):
        with (
            mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTP_DOWN),
            self.captureOnCommitCallbacks(execute=True),
        ):
            request, token = make_request()
        self.assertTrue(CooperationRequest.objects.filter(pk=request.pk).exists())
        outgoing = OutgoingMail.objects.get()
        self.assertIsNone(outgoing.sent_at)
        self.assertEqual(outgoing.attempts, 1)
        self.assertIn("SMTPServerDisconnected", outgoing.last_error)
        self.assertIn(token, outgoing.body)
        self.assertEqual(len(mail.outbox), 0)

        # Not before its pause is over.
        self.retry_pending()
        outgoing.refresh_from_db()
        self.assertEqual(outgoing.attempts, 1)

        with clock(retry_delay(attempts=1) + timedelta(seconds=1)):
            self.retry_pending()
        outgoing.refresh_from_db()
        self.assertIsNotNone(outgoing.sent_at)
        self.assertEqual(outgoing.attempts, 2)
        self.assertEqual(outgoing.body, REDACTED_BODY)
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn(token, mail.outbox[0].body)

    def test_pauses_grow_and_the_mail_is_given_up_after_max_attempts(self):
        with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("refused")):
            with self.captureOnCommitCallbacks(execute=True):
                make_request()
            later = timedelta()
            for _ in range(MAX_ATTEMPTS + 2):
                later += timedelta(days=1)
                with clock(later) as now:
                    self.retry_pending()
                outgoing = OutgoingMail.objects.get()
                if outgoing.attempts < MAX_ATTEMPTS:
                    self.assertEqual(
                        outgoing.next_attempt_at - now.return_value,
                        retry_delay(attempts=outgoing.attempts),
                    )
        self.assertEqual(outgoing.attempts, MAX_ATTEMPTS)
        self.assertEqual(retry_delay(attempts=1), timedelta(minutes=1))
        self.assertEqual(retry_delay(attempts=3), timedelta(minutes=4))
        self.assertEqual(retry_delay(attempts=MAX_ATTEMPTS), timedelta(hours=4))
        self.assertEqual(len(mail.outbox), 0)

    def test_sent_mail_is_not_sent_again(self):
        with self.captureOnCommitCallbacks(execute=True):
            make_request()
        with clock(timedelta(days=1)):
            self.retry_pending()
        self.assertEqual(len(mail.outbox), 1)


@override_settings(TASKS=DATABASE_QUEUE)
class DatabaseQueueTests(TestCase):
    """As in production: the request only queues; `db_worker` sends."""

    def work(self):
        # The worker closes its connection between tasks (as a request would); here that
        # connection holds the test's transaction.
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command(
                "db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO()
            )

    def test_mail_is_sent_by_the_worker_not_in_the_request(self):
        with (
            mock.patch("django.core.mail.EmailMessage.send") as send,
            self.captureOnCommitCallbacks(execute=True),
        ):
            make_request()
        send.assert_not_called()
        self.assertEqual(DBTaskResult.objects.count(), 1)

        self.work()
        self.assertEqual(len(mail.outbox), 1)
        self.assertIsNotNone(OutgoingMail.objects.get().sent_at)

    def test_a_rolled_back_request_queues_nothing(self):
        class Refused(Exception):
            pass

        with (
            self.captureOnCommitCallbacks(execute=True),
            self.assertRaises(Refused),
            transaction.atomic(),
        ):
            make_request()
            raise Refused
        self.assertFalse(DBTaskResult.objects.exists())
        self.assertFalse(OutgoingMail.objects.exists())
        self.work()
        self.assertEqual(len(mail.outbox), 0)

    def test_mail_server_down_then_back_nothing_lost(self):
        with self.captureOnCommitCallbacks(execute=True):
            _request, token = make_request()
        with mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTP_DOWN):
            self.work()
        outgoing = OutgoingMail.objects.get()
        self.assertIsNone(outgoing.sent_at)
        self.assertEqual(outgoing.attempts, 1)

        # The scheduler queues it again once the pause is over; the worker sends it.
        with (
            clock(retry_delay(attempts=1) + timedelta(seconds=1)),
            self.captureOnCommitCallbacks(execute=True),
        ):
            call_command("send_pending_mail", stdout=io.StringIO())
        self.work()
        outgoing.refresh_from_db()
        self.assertIsNotNone(outgoing.sent_at)
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn(token, mail.outbox[0].body)

    def test_a_mail_queued_twice_is_tried_once(self):
        with self.captureOnCommitCallbacks(execute=True):
            make_request()
        # The worker was stopped past the grace period: the scheduler queues it again.
        with clock(timedelta(hours=1)), self.captureOnCommitCallbacks(execute=True):
            call_command("send_pending_mail", stdout=io.StringIO())
        self.assertEqual(DBTaskResult.objects.count(), 2)
        with mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTP_DOWN):
            self.work()
        self.assertEqual(OutgoingMail.objects.get().attempts, 1)
