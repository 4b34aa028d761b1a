"""Events: training courses, study-visit programmes, webinars and conferences, their
sessions, and the registrations of the people who attend them (docs/events.md)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from policyshare.core.blocks import RICH_TEXT_FEATURES
from policyshare.core.content.metadata import publisher
from policyshare.core.datetimes import MAX_ZONE_LENGTH, in_zone, valid_zone
from policyshare.core.forms import PortalPageForm
from policyshare.core.localized import LocalizedTextField, localized, localized_language
from policyshare.core.models import PortalPageMixin
from policyshare.policies.models import PolicyCase, Theme
from policyshare.translations.panels import TranslationStatusPanel


class EventKind(models.TextChoices):
    TRAINING = "training", _("Training course")
    STUDY_VISIT = "study_visit", _("Study-visit programme")
    WEBINAR = "webinar", _("Webinar")
    CONFERENCE = "conference", _("Conference")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Going ahead")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


# schema.org's EventStatusType, for the JSON-LD.
SCHEMA_EVENT_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}


class EventIndexPage(PortalPageMixin, Page):
    """The events section: upcoming events first, then past ones, with filters."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    translated_fields = ["title", "introduction"]
    content_panels = [TranslationStatusPanel(), *Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "events/event_index_page.html"
    api_fields = ["introduction"]

    class Meta:
        verbose_name = _("events section")
        verbose_name_plural = _("events sections")

    in_latest_feed = False
    json_ld_type = "CollectionPage"

    def get_context(self, request, *args, **kwargs):
        # Imported here: selectors import this module.
        from .selectors import event_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(event_listing(index=self, params=request.GET))
        return context


class EventPageForm(PortalPageForm):
    """Offers only the themes and policies of the page's own language (as PolicyCase does)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_page_language_only("themes", "related_policies")
        if "related_policies" in self.fields:
            policies = self.fields["related_policies"]
            policies.queryset = policies.queryset.order_by("title")

    def is_valid(self):
        # Checked here: the sessions formset is validated after the form's own clean().
        valid = super().is_valid()
        sessions = self.formsets.get("sessions")
        if valid and sessions is not None:
            kept = [form for form in sessions.forms if not sessions._should_delete_form(form)]
            if not any(form.has_changed() or form.instance.pk for form in kept):
                self.add_error(None, _("An event needs at least one session."))
                return False
        return valid

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("venue_name") and not cleaned.get("online_url"):
            self.add_error("venue_name", _("Give a venue, an online link, or both."))
        return cleaned


class EventPage(PortalPageMixin, Page):
    kind = models.CharField(max_length=20, choices=EventKind.choices, verbose_name=_("type"))
    summary = models.TextField(blank=True, verbose_name=_("summary"))
    body = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("body"))
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="events", verbose_name=_("themes")
    )
    related_policies = ParentalManyToManyField(
        PolicyCase, blank=True, related_name="events", verbose_name=_("related policies")
    )
    capacity = models.PositiveIntegerField(
        default=30,
        verbose_name=_("capacity"),
        help_text=_("Seats; further registrants join the waiting list."),
    )
    registration_deadline = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("registration deadline"),
        help_text=_("Empty: registration closes when the first session starts."),
    )
    venue_name = models.CharField(max_length=200, blank=True, verbose_name=_("venue"))
    venue_address = models.TextField(blank=True, verbose_name=_("venue address"))
    # Never on the public page, the API, the feeds or the calendars: only on a confirmed
    # registrant's private page and in their mails.
    online_url = models.URLField(
        max_length=500,
        blank=True,
        verbose_name=_("online link"),
        help_text=_("Shown only to confirmed registrants, on their private registration page."),
    )

    translated_fields = ["title", "summary", "body", "venue_name", "venue_address"]
    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("sessions", label=_("Sessions"), min_num=1),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_policies", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"
    # The online link is left out on purpose.
    api_fields = ["kind", "summary", "body", "capacity", "registration_deadline", "venue_name"]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    open_graph_type = "website"

    def session_list(self) -> list:
        return sorted(self.sessions.all(), key=lambda session: (session.start, session.pk or 0))

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    def policies_shown(self) -> list:
        return [policy for policy in self.related_policies.all() if policy.live]

    def registration_closes_at(self):
        if self.registration_deadline:
            return self.registration_deadline
        sessions = self.session_list()
        return sessions[0].start if sessions else None

    def registration_open(self, now=None) -> bool:
        if self.status != EventStatus.SCHEDULED:
            return False
        closes = self.registration_closes_at()
        return closes is not None and (now or timezone.now()) < closes

    # --- Status (cancelled, postponed): one record for every language of the event ---------

    @property
    def status_change(self):
        """The latest `EventStatusChange` of this event, or None (it is going ahead). Read
        once per page object."""
        if "_status_change" not in self.__dict__:
            self.__dict__["_status_change"] = EventStatusChange.objects.filter(
                translation_key=self.translation_key
            ).first()
        return self.__dict__["_status_change"]

    @property
    def status(self) -> str:
        # Lists annotate it (`selectors.with_dates`), so that a list costs no query per event.
        annotated = self.__dict__.get("current_status", False)
        if annotated is not False:
            return annotated or EventStatus.SCHEDULED
        change = self.status_change
        return change.status if change else EventStatus.SCHEDULED

    def get_status_display(self) -> str:
        return EventStatus(self.status).label

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self) -> bool:
        return self.status == EventStatus.POSTPONED

    def status_note(self, language: str | None = None) -> str:
        """The note of the latest status change, in `language` (the reader's by default) or
        its fallback."""
        change = self.status_change
        return localized(change.note, language) if change else ""

    @property
    def status_note_lang(self) -> str:
        """The language of `status_note()` when it is a fallback ("" when it is the
        reader's), for the template's `lang` attribute."""
        change = self.status_change
        code = localized_language(change.note) if change else ""
        return "" if code == get_language() else code

    def json_ld(self, *, request) -> dict:
        sessions = self.session_list()
        language = self.locale.language_code
        if self.venue_name and self.online_url:
            mode = "https://schema.org/MixedEventAttendanceMode"
        elif self.online_url:
            mode = "https://schema.org/OnlineEventAttendanceMode"
        else:
            mode = "https://schema.org/OfflineEventAttendanceMode"
        locations = []
        if self.venue_name:
            locations.append(
                {"@type": "Place", "name": self.venue_name, "address": self.venue_address}
            )
        if self.online_url:
            # The page's own address: the link itself is for registrants only.
            locations.append({"@type": "VirtualLocation", "url": self.get_full_url(request)})
        data = {
            **self.json_ld_common(request=request),
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "eventAttendanceMode": mode,
            "eventStatus": SCHEMA_EVENT_STATUS[EventStatus(self.status)],
            "organizer": publisher(language),
            "location": locations[0] if len(locations) == 1 else locations,
            "maximumAttendeeCapacity": self.capacity,
        }
        if sessions:
            data["startDate"] = sessions[0].start_in_zone().isoformat()
            data["endDate"] = max(sessions, key=lambda s: s.end).end_in_zone().isoformat()
        return data


class EventSession(Orderable):
    """One sitting of an event, in the time zone where it takes place."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=200, blank=True, verbose_name=_("title"))
    start = models.DateTimeField(verbose_name=_("start"))
    end = models.DateTimeField(verbose_name=_("end"))
    time_zone = models.CharField(
        max_length=MAX_ZONE_LENGTH,
        default="Asia/Seoul",
        verbose_name=_("time zone"),
        help_text=_("The IANA zone where the session takes place, e.g. Asia/Seoul."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("time_zone"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def clean(self):
        super().clean()
        if not valid_zone(self.time_zone):
            raise ValidationError({"time_zone": _("Give an IANA time zone, e.g. Asia/Seoul.")})
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})

    def start_in_zone(self):
        return in_zone(self.start, self.time_zone)

    def end_in_zone(self):
        return in_zone(self.end, self.time_zone)


# --- Status --------------------------------------------------------------------------------


class EventStatusChange(models.Model):
    """An event cancelled or postponed (or going ahead again), with a note to readers and
    registrants. Keyed by the event pages' translation key, so it holds for every language
    at once: a cancellation in Korean is a cancellation in English. The latest change is the
    event's status; an event without one is going ahead. Changes are kept as its history."""

    translation_key = models.UUIDField(db_index=True, editable=False)
    status = models.CharField(max_length=20, choices=EventStatus.choices, verbose_name=_("status"))
    note = LocalizedTextField(
        max_length=600,
        multiline=True,
        blank=True,
        verbose_name=_("note"),
        help_text=_(
            "Why, and what happens next (a new date, a refund, a recording). Shown on the "
            "event's page and sent to everyone registered, each in their language."
        ),
    )
    changed_at = models.DateTimeField(default=timezone.now, verbose_name=_("changed"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("event status change")
        verbose_name_plural = _("event status changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.get_status_display()} ({self.changed_at:%Y-%m-%d})"


# --- Registrations ------------------------------------------------------------------------


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    """A person's place at an event (or in its waiting list). Not editorial content.

    Seats are shared by every translation of an event: `event_key` is the pages'
    translation key; `event` is the version the person registered through.
    """

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    event_key = models.UUIDField(db_index=True, editable=False)
    status = models.CharField(
        max_length=20, choices=RegistrationStatus.choices, verbose_name=_("status")
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))
    organisation = models.CharField(max_length=200, verbose_name=_("organisation"))
    city = models.CharField(max_length=100, verbose_name=_("city"))
    country = models.CharField(max_length=2, verbose_name=_("country"))
    email = models.EmailField(max_length=254, verbose_name=_("e-mail"))
    language = models.CharField(max_length=10, verbose_name=_("language"))
    time_zone = models.CharField(max_length=MAX_ZONE_LENGTH, blank=True, editable=False)
    consent_given_at = models.DateTimeField()
    consent_text = models.ForeignKey(
        "consent.ConsentText", on_delete=models.PROTECT, related_name="+"
    )
    access_token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("registered"))
    promoted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("promoted"))
    cancelled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("cancelled"))
    reminder_sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("reminded"))

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event_key", "status", "created_at"])]

    def __str__(self):
        # No personal data: this is what logs and admin messages show.
        return f"Registration {self.pk}"
