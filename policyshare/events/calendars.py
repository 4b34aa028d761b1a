"""iCalendar (RFC 5545) files made with the `icalendar` library: one per event, and a feed
of a language's upcoming events. Each session is a VEVENT in its own zone, with that zone's
VTIMEZONE, and a UID that stays the same across edits:
`event-<translation_key>-session-<id>@<host>`.

The online link is never written: a calendar file is public.
"""

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from policyshare.core.datetimes import in_zone

PRODUCT_ID = "-//PolicyShare//Events//EN"
ICAL_STATUS = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def _calendar(*, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def session_uid(event, session, *, host: str) -> str:
    return f"event-{event.translation_key}-session-{session.pk}@{host.split(':')[0]}"


def _add_event(calendar: Calendar, event, *, host: str, stamp) -> None:
    url = event.full_url or ""
    location = ", ".join(part for part in (event.venue_name, event.venue_address) if part)
    for session in event.session_list():
        item = CalendarEvent()
        item.add("uid", session_uid(event, session, host=host))
        item.add("dtstamp", stamp)
        # In the session's own zone: the VTIMEZONE added below describes it.
        item.add("dtstart", in_zone(session.start, session.time_zone))
        item.add("dtend", in_zone(session.end, session.time_zone))
        summary = f"{event.title}: {session.title}" if session.title else event.title
        item.add("summary", summary)
        if event.summary:
            item.add("description", event.summary)
        if location:
            item.add("location", location)
        if url:
            item.add("url", url)
        item.add("categories", [event.get_kind_display()])
        # RFC 5545: calendars that imported the event mark it cancelled; a postponed one
        # keeps its old dates only as tentative.
        item.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
        calendar.add_component(item)


def event_calendar(event, *, host: str) -> bytes:
    calendar = _calendar(name=event.title)
    _add_event(calendar, event, host=host, stamp=timezone.now())
    calendar.add_missing_timezones()
    return calendar.to_ical()


def feed_calendar(events, *, host: str, language: str) -> bytes:
    calendar = _calendar(name=f"PolicyShare ({language})")
    stamp = timezone.now()
    for event in events:
        _add_event(calendar, event, host=host, stamp=stamp)
    calendar.add_missing_timezones()
    return calendar.to_ical()
