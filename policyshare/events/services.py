"""Writes for event registrations: taking a seat or a place on the waiting list, cancelling
(which promotes the first person waiting), and the reminder the day before.

Seats are taken under a row lock on the event's pages (every translation of the event, in
the order of their ids, so two registrations never wait for each other): two people cannot
take the last seat at once on PostgreSQL. SQLite serialises writing transactions anyway.
Nothing personal is logged.
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Min, OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from policyshare.core.localized import localized
from policyshare.core.signal_handlers import retire, urls_showing
from policyshare.mail.services import queue_mail

from .models import EventPage, EventStatus, EventStatusChange, Registration
from .models import RegistrationStatus as Status

logger = logging.getLogger(__name__)

REMINDER_AHEAD = timedelta(days=1)


class RegistrationClosed(ValidationError):
    pass


def hash_token(token: str) -> str:
    # The token has 256 random bits, so a plain digest cannot be reversed or guessed.
    return hashlib.sha256(token.encode()).hexdigest()


def find_by_token(token: str) -> Registration | None:
    if not token or len(token) > 100:
        return None
    return (
        Registration.objects.filter(access_token_hash=hash_token(token))
        .select_related("event", "event__locale")
        .first()
    )


def registration_url(*, token: str, language: str) -> str:
    with translation.override(language):
        path = reverse("events:registration", kwargs={"token": token})
    return settings.SITE_URL.rstrip("/") + path


def _lock_event(event: EventPage) -> EventPage:
    """Lock every translation of the event (the seats are theirs together) and return the
    fresh version registered through."""
    locked = list(
        EventPage.objects.select_for_update(of=("self",))
        .filter(translation_key=event.translation_key)
        .order_by("pk")
    )
    return next(page for page in locked if page.pk == event.pk)


def _confirmed_count(event_key) -> int:
    return Registration.objects.filter(event_key=event_key, status=Status.CONFIRMED).count()


@transaction.atomic
def register(
    *, event: EventPage, language: str, consent_text, time_zone: str = "", now=None, **fields
) -> tuple[Registration, str]:
    """Give the person a seat, or a place on the waiting list when the event is full, and
    mail them a private link to their registration.

    Raises RegistrationClosed after the deadline. Returns the registration and its private
    token (stored only as a hash).
    """
    now = now or timezone.now()
    event = _lock_event(event)
    if not event.registration_open(now):
        raise RegistrationClosed(_("Registration for this event has closed."))
    full = _confirmed_count(event.translation_key) >= event.capacity
    token = secrets.token_urlsafe(32)
    registration = Registration(
        event=event,
        event_key=event.translation_key,
        status=Status.WAITING if full else Status.CONFIRMED,
        language=language,
        time_zone=time_zone,
        consent_given_at=now,
        consent_text=consent_text,
        access_token_hash=hash_token(token),
        created_at=now,
        **fields,
    )
    registration.full_clean()
    registration.save()
    _mail(registration, "registered", {"link": registration_url(token=token, language=language)})
    logger.info("Event %s: registration %s (%s)", event.pk, registration.pk, registration.status)
    return registration, token


@transaction.atomic
def cancel(*, registration: Registration, now=None) -> bool:
    """Cancel a registration; a freed seat goes to the first person waiting, who is told.
    The private link keeps working and shows the cancellation. False if already cancelled."""
    now = now or timezone.now()
    _lock_event(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == Status.CANCELLED:
        return False
    freed_seat = registration.status == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    logger.info("Event %s: registration %s cancelled", registration.event_id, registration.pk)
    if freed_seat:
        fill_seats(event=registration.event, now=now)
    return True


@transaction.atomic
def fill_seats(*, event: EventPage, now=None) -> list[Registration]:
    """Promote people from the waiting list, first come first served, while seats are free
    (after a cancellation, or when an editor raises the capacity)."""
    now = now or timezone.now()
    event = _lock_event(event)
    free = event.capacity - _confirmed_count(event.translation_key)
    if free <= 0:
        return []
    waiting = list(
        Registration.objects.filter(event_key=event.translation_key, status=Status.WAITING)
        .select_related("event", "event__locale")
        .order_by("created_at", "pk")[:free]
    )
    for registration in waiting:
        registration.status = Status.CONFIRMED
        registration.promoted_at = now
        # A new private link, mailed with the news; the one from the first mail stops
        # working (only its hash was stored, so it cannot be sent again).
        token = secrets.token_urlsafe(32)
        registration.access_token_hash = hash_token(token)
        registration.save(update_fields=["status", "promoted_at", "access_token_hash"])
        link = registration_url(token=token, language=registration.language)
        _mail(registration, "promoted", {"link": link})
        logger.info("Event %s: registration %s promoted", event.pk, registration.pk)
    return waiting


def send_reminders(*, now=None) -> int:
    """Mail each confirmed registrant once, in the day before their event's first session.
    An event that was unpublished, cancelled or postponed gets no reminder. Safe to run as
    often as wanted: a reminder is claimed (sent_at recorded) in the same transaction that
    queues its mail. Returns how many were sent."""
    now = now or timezone.now()
    due = (
        Registration.objects.filter(
            status=Status.CONFIRMED, reminder_sent_at__isnull=True, event__live=True
        )
        .annotate(first_start=Min("event__sessions__start"))
        .filter(first_start__gt=now, first_start__lte=now + REMINDER_AHEAD)
        # Cancelled or postponed events get no reminder: their registrants were told.
        .exclude(event_key__in=_not_going_ahead())
        .values_list("pk", flat=True)
    )
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=pk, status=Status.CONFIRMED, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            registration = Registration.objects.select_related("event", "event__locale").get(pk=pk)
            _mail(registration, "reminder")
            sent += 1
    return sent


@transaction.atomic
def change_status(*, event: EventPage, status: str, note: dict, user=None) -> int:
    """Cancel or postpone an event (or let it go ahead again), in every language at once,
    and tell everyone registered or waiting, each in their language, with the note. Returns
    how many were told. A change to the status it already has records nothing and mails
    nobody (a second click, a form sent twice)."""
    status = EventStatus(status)
    previous = event.status
    if status == previous and note == (event.status_change.note if event.status_change else {}):
        return 0
    change = EventStatusChange.objects.create(
        translation_key=event.translation_key, status=status, note=note, changed_by=user
    )
    event.__dict__["_status_change"] = change
    event.__dict__.pop("current_status", None)
    told = 0
    if status != previous:
        people = Registration.objects.filter(
            event_key=event.translation_key, status__in=[Status.CONFIRMED, Status.WAITING]
        ).select_related("event", "event__locale")
        for registration in people:
            _mail(
                registration, f"status_{status}", {"note": localized(note, registration.language)}
            )
            told += 1
    # Ids only: nothing personal in the logs.
    logger.info("Event %s: status %s -> %s, %d registrants told", event.pk, previous, status, told)
    pages = list(EventPage.objects.filter(translation_key=event.translation_key).live())
    retire(lambda: set().union(*(urls_showing(page) for page in pages)))
    return told


def _not_going_ahead():
    """The translation keys of events whose latest status is not "going ahead"."""
    latest = EventStatusChange.objects.filter(translation_key=OuterRef("translation_key"))
    return (
        EventStatusChange.objects.annotate(
            latest_pk=Subquery(latest.order_by("-changed_at", "-pk").values("pk")[:1])
        )
        .filter(pk=F("latest_pk"))
        .exclude(status=EventStatus.SCHEDULED)
        .values("translation_key")
    )


def _mail(registration: Registration, template: str, context=None) -> None:
    event = registration.event
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": event,
            "sessions": event.session_list(),
            "site_url": settings.SITE_URL,
            **(context or {}),
        }
        subject = render_to_string(f"events/email/{template}_subject.txt", context)
        body = render_to_string(f"events/email/{template}.txt", context)
    queue_mail(
        to=registration.email,
        subject=subject,
        body=body,
        language=registration.language,
        # Mails carrying a private link are not kept readable in the outbox.
        redact_after_sending="link" in context,
    )


# --- Who may add events ---------------------------------------------------------------------

ORGANISERS_GROUP = "Event organisers"
# Add and edit events (drafts); publishing stays with moderators, as for editors.
ORGANISER_PAGE_PERMISSIONS = ("add_page", "change_page")


def grant_organisers(index) -> None:
    """The Event organisers group may add and edit events under an events section. Called
    when a section is created (`signal_handlers`); migration 0003 covered those that
    existed before. Idempotent."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.filter(name=ORGANISERS_GROUP).first()
    if group is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=ORGANISER_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
