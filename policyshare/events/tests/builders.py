"""Builders for the events tests."""

import itertools
from datetime import timedelta

from django.utils import timezone

from policyshare.consent.services import current_text, current_version
from policyshare.events import services
from policyshare.events.models import EventPage, EventSession

_numbers = itertools.count(1)


def make_event(
    *, index, starts_in=timedelta(days=10), hours=3, sessions=1, zone="Asia/Seoul", **fields
):
    """A published event whose sessions start `starts_in` from now, one day apart."""
    number = next(_numbers)
    fields.setdefault("kind", "training")
    fields.setdefault("summary", f"Summary of event {number}.")
    fields.setdefault("venue_name", "Seoul Urban Solutions Agency")
    fields.setdefault("venue_address", "Jung-gu, Seoul")
    fields.setdefault("capacity", 30)
    event = EventPage(title=f"Event {number}", slug=f"event-{number}", **fields)
    start = timezone.now() + starts_in
    for position in range(sessions):
        session_start = start + timedelta(days=position)
        event.sessions.add(
            EventSession(
                sort_order=position,
                title=f"Day {position + 1}",
                start=session_start,
                end=session_start + timedelta(hours=hours),
                time_zone=zone,
            )
        )
    index.add_child(instance=event)
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def form_data(**overrides) -> dict:
    data = {
        "name": "Ana Gómez",
        "organisation": "Alcaldía de Bogotá",
        "city": "Bogotá",
        "country": "CO",
        "email": "ana@example.org",
        "consent": "on",
        "consent_version": str(current_version("event")),
        "time_zone": "America/Bogota",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def register(event, *, email="ana@example.org", language="en", **fields):
    values = {
        "name": "Ana Gómez",
        "organisation": "Alcaldía de Bogotá",
        "city": "Bogotá",
        "country": "CO",
        "email": email,
    }
    values.update(fields)
    return services.register(
        event=event,
        language=language,
        consent_text=current_text(purpose="event", language=language),
        **values,
    )
