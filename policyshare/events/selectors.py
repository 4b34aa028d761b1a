"""Reads of events: the section's list with its filters, the upcoming events of a language
(feeds, calendars, API) and the seats of an event."""

import re
from datetime import datetime

from django.db.models import Max, Min, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone
from wagtail.models import Locale

from policyshare.core.languages import children_with_fallback, translations_with_fallback
from policyshare.policies.models import Theme

from .models import (
    EventIndexPage,
    EventKind,
    EventPage,
    EventSession,
    EventStatusChange,
    Registration,
)
from .models import RegistrationStatus as Status

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def with_dates(events: QuerySet) -> QuerySet:
    """Each event's first start and last end (from its sessions), its status, its sessions
    and themes, read in a fixed number of queries however many events there are."""
    latest_status = EventStatusChange.objects.filter(
        translation_key=OuterRef("translation_key")
    ).order_by("-changed_at", "-pk")
    return (
        events.annotate(
            first_start=Min("sessions__start"),
            last_end=Max("sessions__end"),
            current_status=Subquery(latest_status.values("status")[:1]),
        )
        .select_related("locale")
        .prefetch_related(
            Prefetch("sessions", queryset=EventSession.objects.order_by("start", "pk")),
            Prefetch("themes", queryset=Theme.objects.select_related("locale")),
        )
    )


def parse_month(value: str | None) -> tuple[int, int] | None:
    match = _MONTH.match((value or "").strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def event_listing(*, index: EventIndexPage, params, now=None) -> dict:
    """The events of a section, split into upcoming (soonest first) and past (latest
    first), narrowed by the GET filters `type`, `theme` (a slug) and `month` (YYYY-MM).
    Unknown filter values are ignored, never an error."""
    now = now or timezone.now()
    events = with_dates(children_with_fallback(EventPage, index))
    kind = params.get("type", "")
    if kind in EventKind.values:
        events = events.filter(kind=kind)
    else:
        kind = ""
    themes = list(translations_with_fallback(Theme.objects.live(), index.locale).order_by("name"))
    theme = params.get("theme", "")
    if theme in {t.slug for t in themes}:
        events = events.filter(themes__slug=theme).distinct()
    else:
        theme = ""
    month = parse_month(params.get("month"))
    if month:
        events = events.filter(sessions__start__year=month[0], sessions__start__month=month[1])
        events = events.distinct()
    events = list(events)
    upcoming = sorted(
        (e for e in events if e.last_end and e.last_end >= now), key=lambda e: e.first_start
    )
    past = sorted(
        (e for e in events if e.last_end and e.last_end < now),
        key=lambda e: e.first_start,
        reverse=True,
    )
    return {
        "upcoming": upcoming,
        "past": past,
        "kinds": EventKind.choices,
        "themes": themes,
        "selected_type": kind,
        "selected_theme": theme,
        "selected_month": f"{month[0]:04d}-{month[1]:02d}" if month else "",
    }


def upcoming_events(*, language: str, now=None) -> list[EventPage]:
    """The events of a language not yet over, soonest first (with the fallback versions of
    events not translated into it, as the section lists them)."""
    now = now or timezone.now()
    index = EventIndexPage.objects.live().filter(locale__language_code=language).first()
    if index is None:
        return []
    events = with_dates(children_with_fallback(EventPage, index)).filter(last_end__gte=now)
    return sorted(events, key=lambda e: e.first_start)


def api_events(*, language: str | None = None, kind: str | None = None) -> QuerySet:
    events = EventPage.objects.live().public()
    if language:
        locale = Locale.objects.filter(language_code=language).first()
        events = events.filter(locale=locale) if locale else events.none()
    if kind:
        events = events.filter(kind=kind)
    return with_dates(events).order_by("first_start", "pk")


def seats_taken(event_key) -> int:
    return Registration.objects.filter(event_key=event_key, status=Status.CONFIRMED).count()


def seats_left(event: EventPage) -> int:
    return max(event.capacity - seats_taken(event.translation_key), 0)


def session_start(event: EventPage) -> datetime | None:
    sessions = event.session_list()
    return sessions[0].start if sessions else None


def has_event_section(*, language: str) -> bool:
    return EventIndexPage.objects.live().filter(locale__language_code=language).exists()
