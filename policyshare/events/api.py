"""The events' typed endpoint of the open-data API: /api/v1/events.

Mounted on the shared API by `wagtail_hooks.py` (REGISTER_ROUTER_HOOK). It never carries an
event's online link or anything about its registrants.
"""

# django-ninja declares query parameters as Query(...) defaults, the way FastAPI does.
# ruff: noqa: B008

from datetime import datetime
from enum import Enum

from django.http import HttpRequest
from ninja import Query, Router, Schema

from policyshare.api import representations as rep
from policyshare.api.api import ERRORS, LanguageParam
from policyshare.api.schemas import Language, ListFields

from .models import EventKind, EventStatus
from .selectors import api_events

router = Router()

EventType = Enum("EventType", {kind: kind for kind in EventKind.values}, type=str)
StatusType = Enum("StatusType", {status: status for status in EventStatus.values}, type=str)


class SessionOut(Schema):
    id: int
    title: str
    start: datetime
    end: datetime
    time_zone: str


class EventOut(Schema):
    id: int
    translation_key: str
    language: str
    title: str
    url: str | None
    kind: str
    status: StatusType
    summary: str
    themes: list[str]
    capacity: int
    registration_deadline: datetime | None
    venue_name: str
    venue_address: str
    online: bool
    sessions: list[SessionOut]


class EventList(ListFields):
    results: list[EventOut]


def event_out(request, event) -> dict:
    return {
        "id": event.pk,
        "translation_key": str(event.translation_key),
        "language": event.locale.language_code,
        "title": event.title,
        "url": event.get_full_url(request),
        "kind": event.kind,
        # Going ahead ("scheduled"), "postponed" or "cancelled": every language at once.
        "status": event.status,
        "summary": event.summary,
        "themes": [theme.slug for theme in event.themes.all()],
        "capacity": event.capacity,
        "registration_deadline": event.registration_deadline,
        "venue_name": event.venue_name,
        "venue_address": event.venue_address,
        # Whether it happens online, never where: the link is for registrants only.
        "online": bool(event.online_url),
        "sessions": [
            {
                "id": session.pk,
                "title": session.title,
                "start": session.start_in_zone(),
                "end": session.end_in_zone(),
                "time_zone": session.time_zone,
            }
            for session in event.sessions.all()
        ],
    }


@router.get("/events", response={200: EventList, **ERRORS}, tags=["events"])
def list_events(
    request: HttpRequest,
    language: Language | None = LanguageParam,
    kind: EventType | None = Query(None, description="Only events of this type."),
    page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(rep.MAX_PAGE_SIZE, ge=1, le=rep.MAX_PAGE_SIZE),
):
    """Events (training courses, study visits, webinars, conferences), soonest first."""
    queryset = api_events(
        language=language.value if language else None, kind=kind.value if kind else None
    )
    items, fields = rep.paginate(request, queryset, page=page, page_size=page_size)
    return {**fields, "results": [event_out(request, item) for item in items]}
