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
from policyshare.mail.services import (
    MAX_ATTEMPTS,
    REDACTED_BODY,
    deliver,
    queue_collected_mail,
    retry_delay,
)
from policyshare.mail.tests.helpers import send_held_mail

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


def collect(testcase, text: str, *, hold=timedelta(minutes=5), key="k:1"):
    """Queue a collected mail whose body lists every change since it started (`seen`)."""
    seen = testcase.changes

    def compose(since):
        testcase.starts.append(since)
        return f"{len(seen)} changes", "\n".join(seen)

    seen.append(text)
    with testcase.captureOnCommitCallbacks(execute=True):
        return queue_collected_mail(
            key=key,
            since=timezone.now(),
            hold=hold,
            compose=compose,
            to="ana@example.org",
            language="en",
        )


class CollectedMailTests(TestCase):
    """Changes made within the hold of each other are one mail, sent once it has passed."""

    def setUp(self):
        self.changes, self.starts = [], []

    def test_changes_in_one_sitting_are_one_mail_sent_after_the_wait(self):
        first = collect(self, "assigned")
        with clock(timedelta(minutes=3)):
            second = collect(self, "scheduled")
        self.assertEqual(first.pk, second.pk)
        self.assertEqual(self.starts[0], self.starts[1])  # collects from the first change
        # Not before its time: neither the worker nor the scheduler sends it.
        self.assertFalse(deliver(mail_id=first.pk, attempt=0))
        with clock(timedelta(minutes=6)), self.captureOnCommitCallbacks(execute=True):
            call_command("send_pending_mail", stdout=io.StringIO())
        self.assertEqual(len(mail.outbox), 0)
        # Five minutes after the last change it goes, once, with both changes.
        self.assertEqual(send_held_mail(self, minutes=9), 1)
        [sent] = mail.outbox
        self.assertEqual(sent.subject, "2 changes")
        self.assertEqual(sent.body, "assigned\nscheduled")
        self.assertEqual(OutgoingMail.objects.get().attempts, 1)

    def test_a_change_after_the_mail_went_starts_a_new_one(self):
        first = collect(self, "assigned")
        send_held_mail(self)
        second = collect(self, "reply")
        self.assertNotEqual(first.pk, second.pk)
        self.assertEqual(OutgoingMail.objects.filter(sent_at__isnull=True).count(), 1)

    def test_a_mail_being_tried_is_not_rewritten(self):
        first = collect(self, "assigned")
        with mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTP_DOWN):
            send_held_mail(self)
        first.refresh_from_db()
        self.assertEqual(first.attempts, 1)
        second = collect(self, "reply")
        self.assertNotEqual(first.pk, second.pk)

    def test_keys_keep_mails_apart(self):
        collect(self, "a", key="request-update:1")
        collect(self, "b", key="request-update:2")
        self.assertEqual(OutgoingMail.objects.count(), 2)


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

    def test_collected_mail_is_queued_for_when_its_wait_is_over(self):
        self.changes, self.starts = [], []
        mail_ = collect(self, "assigned")
        task = DBTaskResult.objects.get()
        self.assertEqual(task.run_after, mail_.hold_until)
        # A worker that takes it early (or an earlier task of a rewritten mail) sends nothing.
        self.assertFalse(deliver(mail_id=mail_.pk, attempt=0))
        self.assertEqual(len(mail.outbox), 0)
