"""The outbox: mail is stored first, sent after the transaction commits, retried on failure."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger(__name__)

# After this many failed attempts a mail is left for a person to look at.
MAX_ATTEMPTS = 8
REDACTED_BODY = "[removed after sending: it contained a private link]"


def from_address() -> str:
    return settings.REQUEST_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL


@transaction.atomic
def queue_mail(
    *,
    to: str,
    subject: str,
    body: str,
    request=None,
    headers=None,
    redact_after_sending: bool = False,
) -> OutgoingMail:
    """Store a mail and send it once the surrounding transaction has committed."""
    mail = OutgoingMail.objects.create(
        to=to,
        # Header injection: a subject is one line.
        subject=" ".join(subject.split())[:255],
        body=body,
        request=request,
        headers=headers or {},
        redact_after_sending=redact_after_sending,
    )
    transaction.on_commit(lambda: deliver(mail_id=mail.pk))
    return mail


def deliver(*, mail_id: int) -> bool:
    """Try to send one stored mail; record the attempt. True when it went."""
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update()
            .filter(pk=mail_id, sent_at__isnull=True)
            .first()
        )
        if mail is None:
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
            mail.save(update_fields=["attempts", "last_error"])
            logger.warning("Mail %s to be retried: %s", mail.pk, mail.last_error)
            return False
        mail.sent_at = timezone.now()
        mail.last_error = ""
        if mail.redact_after_sending:
            mail.body = REDACTED_BODY
        mail.save(update_fields=["attempts", "last_error", "sent_at", "body"])
        return True


def send_pending_mail(*, limit: int = 500) -> tuple[int, int]:
    """Retry unsent mail, oldest first. Returns (sent, still failing)."""
    pending = list(
        OutgoingMail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    sent = sum(1 for pk in pending if deliver(mail_id=pk))
    return sent, len(pending) - sent
