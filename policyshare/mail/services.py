"""The outbox: mail is stored first, sent by the task worker after the transaction commits,
and retried with growing pauses when the mail server fails."""

import logging
import re
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger(__name__)

# After this many failed attempts (about a day with the pauses below) a mail is left for a
# person to look at.
MAX_ATTEMPTS = 12
# The pause after the first failure; it doubles after each one, up to the longest.
FIRST_RETRY_DELAY = timedelta(minutes=1)
LONGEST_RETRY_DELAY = timedelta(hours=4)
# A queued mail the worker has not tried within this long (worker stopped, task lost) is
# queued again by the scheduler.
QUEUED_GRACE = timedelta(minutes=10)
REDACTED_BODY = "[removed after sending: it contained a private link]"


def from_address() -> str:
    return settings.REQUEST_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL


def retry_delay(*, attempts: int) -> timedelta:
    return min(FIRST_RETRY_DELAY * 2 ** (attempts - 1), LONGEST_RETRY_DELAY)


def _enqueue(*, mail_id: int, attempt: int, run_after=None) -> None:
    # Imported here: the task module imports this one.
    from .tasks import deliver_mail

    if run_after is None:
        deliver_mail.enqueue(mail_id=mail_id, attempt=attempt)
    elif deliver_mail.get_backend().supports_defer:
        deliver_mail.using(run_after=run_after).enqueue(mail_id=mail_id, attempt=attempt)
    # Otherwise the scheduler's `send_pending_mail` queues it once its time has come.


# Line breaks of every kind (header injection) and other control characters; not the
# no-break space French puts before ":" (str.split() would take that too).
_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def _one_line(text: str) -> str:
    return " ".join(part for part in _LINE_BREAKS.sub(" ", text).split(" ") if part)


@transaction.atomic
def queue_mail(
    *,
    to: str,
    subject: str,
    body: str,
    request=None,
    language: str,
    headers=None,
    redact_after_sending: bool = False,
) -> OutgoingMail:
    """Store a mail and send it once the surrounding transaction has committed.

    `language` is the one the mail was rendered in (the recipient's, chosen by the caller,
    never the language of whoever caused the mail): sent as `Content-Language` (RFC 3282).
    """
    headers = {**(headers or {}), "Content-Language": language}
    mail = OutgoingMail.objects.create(
        to=to,
        # Header injection: a subject is one line.
        subject=_one_line(subject)[:255],
        body=body,
        request=request,
        headers=headers,
        redact_after_sending=redact_after_sending,
        next_attempt_at=timezone.now() + QUEUED_GRACE,
    )
    # Queued only once the change that caused it is committed: a rolled-back request
    # sends nothing. The worker sends it, outside the request.
    transaction.on_commit(lambda: _enqueue(mail_id=mail.pk, attempt=0))
    return mail


@transaction.atomic
def queue_collected_mail(
    *,
    key: str,
    since,
    hold: timedelta,
    compose,
    to: str,
    language: str,
    request=None,
    redact_after_sending: bool = False,
) -> OutgoingMail:
    """One mail for several changes made within `hold` of each other.

    While a mail with the same `key` waits unsent, each change writes its text again and
    holds it `hold` longer; otherwise a new one starts, collecting from `since` (the time of
    the change that causes it). `compose(collecting_since)` returns (subject, body) for every
    change from then on. The waiting mail is locked, so a change never races its delivery:
    once it has gone, or is being tried, the next change starts a new mail.
    """
    pending = (
        OutgoingMail.objects.select_for_update()
        .filter(collect_key=key, sent_at__isnull=True, attempts=0)
        .first()
    )
    collecting_since = pending.collects_since if pending is not None else since
    subject, body = compose(collecting_since)
    hold_until = timezone.now() + hold
    fields = {
        "to": to,
        "subject": _one_line(subject)[:255],
        "body": body,
        "headers": {"Content-Language": language},
        "request": request,
        "redact_after_sending": redact_after_sending,
        "hold_until": hold_until,
        "next_attempt_at": hold_until,
    }
    if pending is None:
        mail = OutgoingMail.objects.create(
            collect_key=key, collects_since=collecting_since, **fields
        )
    else:
        for name, value in fields.items():
            setattr(pending, name, value)
        pending.save(update_fields=list(fields))
        mail = pending
    transaction.on_commit(lambda: _enqueue(mail_id=mail.pk, attempt=0, run_after=hold_until))
    return mail


def delete_mail_about(*, request) -> int:
    """Delete every stored mail about a cooperation request, sent or not (its personal
    data goes with the request's). Returns how many."""
    deleted, _ = OutgoingMail.objects.filter(request=request).delete()
    return deleted


def deliver(*, mail_id: int, attempt: int) -> bool:
    """Try to send one stored mail; record the attempt. True when it went.

    `attempt` is the number of attempts made when it was queued: a mail queued twice for
    the same attempt (the scheduler's safety net) is tried once.
    """
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update()
            .filter(pk=mail_id, sent_at__isnull=True, attempts=attempt)
            .first()
        )
        if mail is None:
            return False
        if mail.hold_until is not None and mail.hold_until > timezone.now():
            # Held for more changes: a later task (or the scheduler) sends it.
            return False
        mail.attempts += 1
        message = EmailMessage(
            subject=mail.subject,
            body=mail.body,
            from_email=from_address(),
            to=[mail.to],
            headers=mail.headers or None,
        )
        try:
            message.send(fail_silently=False)
        except (smtplib.SMTPException, OSError) as error:
            mail.last_error = f"{type(error).__name__}: {error}"[:2000]
            mail.next_attempt_at = timezone.now() + retry_delay(attempts=mail.attempts)
            mail.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            logger.warning(
                "Mail %s to be retried at %s: %s",
                mail.pk,
                mail.next_attempt_at,
                mail.last_error,
            )
            return False
        mail.sent_at = timezone.now()
        mail.last_error = ""
        if mail.redact_after_sending:
            mail.body = REDACTED_BODY
        mail.save(update_fields=["attempts", "last_error", "sent_at", "body"])
        return True


def send_pending_mail(*, limit: int = 500) -> int:
    """Queue again unsent mail whose time has come, oldest first. Returns how many.

    Run every minute by the scheduler: it retries failed mail once its pause is over, and
    mail whose task was lost.
    """
    now = timezone.now()
    queued = 0
    with transaction.atomic():
        due = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, next_attempt_at__lte=now)
            .filter(Q(hold_until__isnull=True) | Q(hold_until__lte=now))
            .order_by("next_attempt_at", "pk")
            .values_list("pk", "attempts")[:limit]
        )
        for mail_id, attempts in due:
            OutgoingMail.objects.filter(pk=mail_id).update(next_attempt_at=now + QUEUED_GRACE)
            transaction.on_commit(
                lambda mail_id=mail_id, attempts=attempts: _enqueue(
                    mail_id=mail_id, attempt=attempts
                )
            )
            queued += 1
    return queued
