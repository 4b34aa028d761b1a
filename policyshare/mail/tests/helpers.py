"""For tests of code that sends mail through the outbox."""

from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.utils import timezone

from policyshare.mail.services import send_pending_mail


def send_held_mail(testcase, *, minutes: int | None = None) -> int:
    """What the scheduler sends once collected mail has waited its time (by default
    REQUEST_UPDATE_MAIL_WAIT_MINUTES and a second): the clock is moved forward."""
    wait = settings.REQUEST_UPDATE_MAIL_WAIT_MINUTES if minutes is None else minutes
    later = timezone.now() + timedelta(minutes=wait, seconds=1)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        testcase.captureOnCommitCallbacks(execute=True),
    ):
        return send_pending_mail()
