"""Cooperation requests from cities and what staff did with them.

These are records, not editorial content: plain models, handled in the staff inbox of the
Wagtail admin (`wagtail_hooks.py`), written only through `services.py`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class RequestKind(models.TextChoices):
    CONSULTATION = "consultation", _("Policy consultation")
    STUDY_VISIT = "study_visit", _("Study visit")
    WEBINAR = "webinar", _("Webinar or virtual meeting")
    # A firm or agency asks Seoul to invite the officials of a city it wants to work with
    # (private-public cooperation). For this kind `city`, `country` and `city_record` name
    # that target city, not the requester's.
    OFFICIALS_INVITATION = "officials_invitation", _("Invitation of a partner city's officials")


# The kinds of request staff can turn into an event (a draft study visit or webinar).
EVENT_REQUEST_KINDS = {RequestKind.STUDY_VISIT, RequestKind.WEBINAR}


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    SCHEDULED = "scheduled", _("Scheduled")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")


class MeetingLanguage(models.TextChoices):
    KOREAN = "ko", _("Korean")
    ENGLISH = "en", _("English")
    OTHER = "other", _("Another language, with interpretation")


class ReferenceCounter(models.Model):
    """The last reference number given out in a year (PS-YYYY-NNNNNN).

    One row per year, locked while a number is taken, so concurrent submissions never share
    a number and the sequence has no gaps.
    """

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class CooperationRequest(models.Model):
    """A city's request for a consultation, a study visit or a webinar, or a firm's request
    that Seoul invite a partner city's officials."""

    reference = models.CharField(
        max_length=20, unique=True, editable=False, verbose_name=_("reference")
    )
    kind = models.CharField(
        max_length=20, choices=RequestKind.choices, db_index=True, verbose_name=_("type")
    )
    status = models.CharField(
        max_length=20,
        choices=RequestStatus.choices,
        default=RequestStatus.RECEIVED,
        db_index=True,
        verbose_name=_("status"),
    )
    # The interface language the request was made in: every e-mail about it uses it.
    language = models.CharField(max_length=10, verbose_name=_("language of the requester"))
    # The requester's IANA time zone ("America/Bogota") when their browser gave it (the form
    # works without; `core.datetimes`): their tracking page and mails show times in it.
    time_zone = models.CharField(
        max_length=64, blank=True, verbose_name=_("time zone of the requester")
    )

    name = models.CharField(max_length=200, verbose_name=_("name"))
    organisation = models.CharField(max_length=200, verbose_name=_("organisation"))
    city = models.CharField(max_length=100, verbose_name=_("city"))
    country = CountryField(verbose_name=_("country"), db_index=True)
    # The city's record (policy sharing), when the city the requester typed or chose is one
    # we know: a city's page counts the requests from it. For an officials invitation it is
    # the city whose officials the firm would like invited.
    city_record = models.ForeignKey(
        "sharing.City",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cooperation_requests",
        verbose_name=_("city record"),
    )
    position = models.CharField(max_length=200, blank=True, verbose_name=_("position"))
    email = models.EmailField(max_length=254, verbose_name=_("e-mail"))
    phone = models.CharField(max_length=50, blank=True, verbose_name=_("phone"))

    policies = models.ManyToManyField(
        "policies.PolicyCase", blank=True, related_name="+", verbose_name=_("policies of interest")
    )
    topic = models.CharField(max_length=200, verbose_name=_("topic"))
    date_from = models.DateField(null=True, blank=True, verbose_name=_("preferred from"))
    date_to = models.DateField(null=True, blank=True, verbose_name=_("preferred until"))
    participants = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("number of participants")
    )
    meeting_language = models.CharField(
        max_length=10, choices=MeetingLanguage.choices, verbose_name=_("preferred language")
    )
    message = models.TextField(blank=True, verbose_name=_("message"))
    # The public interest staff recorded when they took up an officials invitation
    # (`services.record_interest_from_request`).
    firm_interest = models.ForeignKey(
        "sharing.FirmInterest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("firm's interest recorded"),
    )
    # The event staff prepared from a study-visit or webinar request
    # (`services.create_event_from_request`); the event lists its requests in return.
    event_page = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cooperation_requests",
        verbose_name=_("event"),
    )
    consent_given_at = models.DateTimeField(null=True, verbose_name=_("consent given at"))
    # The wording the requester agreed to, as shown (version and language). Empty for requests
    # made before consent texts were versioned.
    consent_text = models.ForeignKey(
        "consent.ConsentText",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consent text agreed to"),
    )

    # SHA-256 of the private tracking token; the token itself is only ever in the e-mail.
    access_token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    decline_reason = models.TextField(blank=True, verbose_name=_("reason for declining"))
    created_at = models.DateTimeField(
        auto_now_add=True, db_index=True, verbose_name=_("received at")
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("last activity"))
    anonymised_at = models.DateTimeField(null=True, blank=True, verbose_name=_("anonymised at"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("cooperation request")
        verbose_name_plural = _("cooperation requests")
        # Only the custom permission exists: whoever has it sees and handles everything,
        # nobody else sees anything (the inbox holds personal data).
        default_permissions = ()
        permissions = [("handle_requests", _("Can see and handle cooperation requests"))]

    def __str__(self):
        return self.reference

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    @property
    def is_officials_invitation(self) -> bool:
        return self.kind == RequestKind.OFFICIALS_INVITATION

    @property
    def may_become_event(self) -> bool:
        return self.kind in EVENT_REQUEST_KINDS

    @property
    def is_closed(self) -> bool:
        return self.status in {RequestStatus.COMPLETED, RequestStatus.DECLINED}


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Request received")
    STATUS_CHANGED = "status_changed", _("Status changed")
    ASSIGNED = "assigned", _("Assigned")
    NOTE_ADDED = "note_added", _("Internal note added")
    REPLY_SENT = "reply_sent", _("Reply sent")
    ANONYMISED = "anonymised", _("Personal data erased")
    INTEREST_RECORDED = "interest_recorded", _("Firm's interest recorded")
    EVENT_CREATED = "event_created", _("Event created from the request")


# What the requester sees of the history on the tracking page; notes and assignments stay
# internal.

PUBLIC_EVENT_KINDS = {EventKind.SUBMITTED, EventKind.STATUS_CHANGED}


class RequestEvent(models.Model):
    """One thing that happened to a request: who did it and when."""

    request = models.ForeignKey(CooperationRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    from_status = models.CharField(max_length=20, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=RequestStatus.choices, blank=True)
    # Empty for the requester and for scheduled jobs (see `detail`).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    detail = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("request event")
        verbose_name_plural = _("request events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request_id} {self.kind}"


class RequestReply(models.Model):
    """A message from staff to the requester: e-mailed and shown on the tracking page."""

    request = models.ForeignKey(
        CooperationRequest, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reply to a request")
        verbose_name_plural = _("replies to requests")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request_id} reply {self.pk}"


class RequestNote(models.Model):
    """An internal note between staff; never shown to the requester."""

    request = models.ForeignKey(CooperationRequest, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("note on a request")
        verbose_name_plural = _("notes on requests")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request_id} note {self.pk}"
