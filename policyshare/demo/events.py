"""Load the demo events (content/events.py) in Korean and English.

Events are found again by their slug under each events section (the English one as the
Korean one's translation), so loading again creates nothing and changes nothing. Upcoming
events are dated from `today`, the day the demo is loaded; past ones keep their dates and
are dated as published two months before they began.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Page

from policyshare.events.models import EventPage, EventSession
from policyshare.policies.models import PolicyCase

from .content.events import DEMO_NOTE, EVENTS, ILLUSTRATIVE, ONLINE_URL, VENUE

LANGUAGES = ("ko", "en")
ANNOUNCED_BEFORE = timedelta(days=60)


def first_day(spec, *, today: date) -> date:
    if "on" in spec:
        return spec["on"]
    return today + timedelta(days=spec["starts_in_days"])


def _at(day: date, clock: str, zone: str) -> datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hours, minutes), ZoneInfo(zone))


def _sessions(spec, *, code: str, today: date) -> list[EventSession]:
    start_day = first_day(spec, today=today)
    several = len(spec["sessions"]) > 1
    sessions = []
    for position, (offset, start, end, zone) in enumerate(spec["sessions"]):
        day = start_day + timedelta(days=offset)
        title = ""
        if several:
            title = f"{position + 1}일차" if code == "ko" else f"Day {position + 1}"
            if spec["kind"] == "webinar":
                title = f"{position + 1}회" if code == "ko" else f"Sitting {position + 1}"
        sessions.append(
            EventSession(
                sort_order=position,
                title=title,
                start=_at(day, start, zone),
                end=_at(day, end, zone),
                time_zone=zone,
            )
        )
    return sessions


def load_events(*, events, libraries, themes, report, today: date) -> None:
    """`events` and `libraries`: the events sections and policy libraries by language;
    `themes`: the demo's themes by language and slug."""
    for spec in EVENTS:
        source = None
        for code in LANGUAGES:
            index = events[code]
            page = _find(index=index, source=source, slug=spec["slug"])
            created = page is None
            if created:
                page = _event_page(
                    spec=spec,
                    code=code,
                    index=index,
                    source=source,
                    themes=themes[code],
                    library=libraries[code],
                    today=today,
                )
            report.add("event", created=created)
            source = source or page


def _find(*, index, source, slug: str):
    if source is not None:
        page = (
            Page.objects.filter(translation_key=source.translation_key, locale=index.locale)
            .exclude(pk=source.pk)
            .first()
        )
        if page is not None:
            return page.specific
    page = Page.objects.child_of(index).filter(slug=slug).first()
    return page.specific if page else None


def _event_page(*, spec, code, index, source, themes, library, today) -> EventPage:
    text = spec[code]
    venue_name, venue_address = VENUE[code] if spec.get("venue") else ("", "")
    page = EventPage(
        title=text["title"],
        slug=spec["slug"],
        locale=index.locale,
        kind=spec["kind"],
        summary=f"{ILLUSTRATIVE[code]}: {text['summary']}",
        body=text["body"] + DEMO_NOTE[code],
        capacity=spec["capacity"],
        venue_name=venue_name,
        venue_address=venue_address,
        online_url=ONLINE_URL.format(slug=spec["slug"]) if spec.get("online") else "",
    )
    if source is not None:
        page.translation_key = source.translation_key
    for session in _sessions(spec, code=code, today=today):
        page.sessions.add(session)
    page.themes.set([themes[slug] for slug in spec["themes"] if slug in themes])
    if library is not None:
        page.related_policies.set(
            PolicyCase.objects.child_of(library).filter(slug__in=spec["policies"])
        )
    index.add_child(instance=page)
    page.save_revision().publish()
    if "on" in spec:
        # A past event was announced before it took place, not on the day of the load.
        when = timezone.make_aware(datetime.combine(spec["on"] - ANNOUNCED_BEFORE, time(10)))
        Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    return page
