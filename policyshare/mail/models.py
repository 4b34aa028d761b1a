"""The project-wide outbox: every e-mail the portal sends is stored here first.

A plain model, written only through `services.py` (`queue_mail`) and sent by the task worker.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """The outbox: every e-mail is stored before it is sent and retried until it goes.

    A failed send never loses what caused it (the request is already saved) and
    `manage.py send_pending_mail` queues it again once `next_attempt_at` has come.
    """

    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    headers = models.JSONField(default=dict, blank=True)
    # The cooperation request a mail is about: its mail holds the requester's personal data,
    # so it goes when the request is anonymised or deleted. A string reference, so this app
    # imports nothing of the requests app; newsletter and invitation mail leave it empty.
    request = models.ForeignKey(
        "cooperation_requests.CooperationRequest",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The body carries a secret (a tracking link): blanked once the mail has gone.
    redact_after_sending = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # When the scheduler queues it again if it has not gone by then (backing off after
    # failures).
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    # A mail that collects changes (`services.queue_collected_mail`): unsent mails with the
    # same key are one mail, whose text is written again with each change while it waits
    # until `hold_until`; `collects_since` is the time of the first change it tells.
    collect_key = models.CharField(max_length=100, blank=True, db_index=True)
    collects_since = models.DateTimeField(null=True, blank=True)
    hold_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.to}: {self.subject}"
