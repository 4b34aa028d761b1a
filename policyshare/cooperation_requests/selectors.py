"""Reads for cooperation requests: what the requester sees, the inbox filters, exports."""

import datetime
from zoneinfo import ZoneInfo

import django_filters
from django.conf import settings
from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.filters import WagtailFilterSet

from policyshare.core.forms import RecordChoiceField
from policyshare.policies.models import PolicyCase
from policyshare.sharing.models import City

from .models import (
    PUBLIC_EVENT_KINDS,
    CooperationRequest,
    EventKind,
    RequestEvent,
    RequestKind,
    RequestReply,
    RequestStatus,
)


def known_city(slug: str):
    """The policy-sharing city record at `slug` (a city page's "Ask Seoul" link), or None.

    Read through the request's foreign key, so this app names no model of the sharing app.
    """
    if not slug:
        return None
    city_model = CooperationRequest._meta.get_field("city_record").related_model
    return city_model.objects.filter(slug=slug[:80]).first()


def city_matches(city, typed: str) -> bool:
    """Whether the city the requester typed is `city`: one of its names in any language,
    ignoring case and spacing. A requester who changed the prefilled city is not counted."""
    wanted = " ".join(typed.split()).casefold()
    return bool(wanted) and any(
        " ".join(name.split()).casefold() == wanted for name in (city.names or {}).values() if name
    )


def request_for_confirmation(*, pk: int) -> CooperationRequest | None:
    return CooperationRequest.objects.filter(pk=pk, anonymised_at__isnull=True).first()


def tracking_view(request: CooperationRequest) -> dict:
    """What the requester sees: the status history and the replies, never internal notes."""
    return {
        "history": list(request.events.filter(kind__in=PUBLIC_EVENT_KINDS)),
        "replies": list(request.replies.all()),
        "policies": list(request.policies.all()),
    }


# --- Overdue requests (the dashboard's panel and the inbox's filter) ------------------------

CLOSED_STATUSES = (RequestStatus.COMPLETED, RequestStatus.DECLINED)


def _site_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def overdue_cutoff(*, now=None, days: int | None = None) -> datetime.datetime:
    """The start (Seoul midnight) of the working day `days` working days before today:
    an open request whose last status change or reply is older is overdue. Working days are
    Monday to Friday; public holidays are not known."""
    days = settings.REQUEST_OVERDUE_DAYS if days is None else days
    day = timezone.localdate(now or timezone.now(), timezone=_site_zone())
    counted = 0
    while counted < days:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            counted += 1
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=_site_zone())


def with_last_activity(queryset):
    """Each request's last status change or reply (its receipt when it has neither)."""
    last_event = (
        RequestEvent.objects.filter(
            request=OuterRef("pk"), kind__in=[EventKind.SUBMITTED, EventKind.STATUS_CHANGED]
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    last_reply = (
        RequestReply.objects.filter(request=OuterRef("pk"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    # Greatest() is NULL on SQLite when any argument is: fall back to the receipt first.
    return queryset.annotate(
        last_activity=Greatest(
            Coalesce(Subquery(last_event), "created_at"),
            Coalesce(Subquery(last_reply), "created_at"),
        )
    )


def overdue_requests(queryset, *, now=None):
    """The open requests of `queryset` with no status change or reply for more than
    `REQUEST_OVERDUE_DAYS` working days (annotated with `last_activity`)."""
    return with_last_activity(queryset.exclude(status__in=CLOSED_STATUSES)).filter(
        last_activity__lt=overdue_cutoff(now=now)
    )


class _RecordChoiceFilter(django_filters.ModelChoiceFilter):
    """django-filter's choice of a record that refuses ids out of the database's integer
    range (policyshare.core.forms.RecordChoiceField)."""

    class field_class(RecordChoiceField, django_filters.fields.ModelChoiceField):
        pass


OVERDUE_ONLY = "yes"


class RequestFilter(WagtailFilterSet):
    """The inbox filters: type, status, country, known city, policy, received between two
    dates. For an officials invitation the city is the one whose officials are invited."""

    kind = django_filters.ChoiceFilter(label=_("Type"), choices=RequestKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RequestStatus.choices)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=lambda: list(countries))
    city = _RecordChoiceFilter(
        label=_("City"),
        field_name="city_record",
        queryset=lambda request: City.objects.order_by("slug"),
    )
    policy = _RecordChoiceFilter(
        label=_("Policy"),
        field_name="policies",
        queryset=lambda request: PolicyCase.objects.order_by("title"),
    )
    received_from = django_filters.DateFilter(
        label=_("Received from"), field_name="created_at", lookup_expr="date__gte"
    )
    received_to = django_filters.DateFilter(
        label=_("Received until"), field_name="created_at", lookup_expr="date__lte"
    )
    # The dashboard's "overdue" panel links here with `overdue=yes`.
    overdue = django_filters.ChoiceFilter(
        label=_("Overdue"),
        choices=[(OVERDUE_ONLY, _("Only overdue requests"))],
        method="filter_overdue",
    )

    class Meta:
        model = CooperationRequest
        fields = [
            "kind",
            "status",
            "country",
            "city",
            "policy",
            "received_from",
            "received_to",
            "overdue",
        ]

    def filter_overdue(self, queryset, name, value):
        return overdue_requests(queryset) if value == OVERDUE_ONLY else queryset


def inbox_queryset():
    """The inbox's rows, newest first, with what its columns show."""
    return (
        CooperationRequest.objects.select_related("assigned_to")
        .prefetch_related(Prefetch("policies", queryset=PolicyCase.objects.order_by("title")))
        .order_by("-created_at", "-pk")
    )


def inbox(params) -> RequestFilter:
    """The inbox's filters applied to its rows (the CSV export's and the command's)."""
    return RequestFilter(params or None, queryset=inbox_queryset())


# The columns of every export (admin CSV, `manage.py export_requests`), in order.
EXPORT_COLUMNS = [
    "reference",
    "kind",
    "status",
    "received_at",
    "last_activity",
    "name",
    "position",
    "organisation",
    "city",
    "country",
    "email",
    "phone",
    "policies",
    "topic",
    "date_from",
    "date_to",
    "participants",
    "meeting_language",
    "message",
    "assigned_to",
    "decline_reason",
    "anonymised",
    # Added after the columns above, so spreadsheets built on them keep working.
    "language",
    "time_zone",
    "consent_given_at",
    "consent_version",
    "consent_language",
    # The known city (its slug) the request names: for an officials invitation, the city
    # whose officials are invited.
    "city_record",
]


def export_rows(queryset):
    """One dict per request with EXPORT_COLUMNS, values as plain strings or numbers.

    Times are ISO 8601 with their UTC offset; `time_zone` is the requester's IANA zone when
    their browser gave it (empty otherwise). `consent_version` and `consent_language` name the
    wording the requester agreed to, as shown to them (empty for requests made before consent
    texts were versioned)."""
    for request in queryset.select_related("consent_text", "city_record"):
        consent = request.consent_text
        yield {
            "reference": request.reference,
            "kind": request.kind,
            "status": request.status,
            "received_at": request.created_at.isoformat(),
            "last_activity": request.updated_at.isoformat(),
            "name": request.name,
            "position": request.position,
            "organisation": request.organisation,
            "city": request.city,
            "country": request.country.code,
            "email": request.email,
            "phone": request.phone,
            "policies": "; ".join(policy.title for policy in request.policies.all()),
            "topic": request.topic,
            "date_from": request.date_from.isoformat() if request.date_from else "",
            "date_to": request.date_to.isoformat() if request.date_to else "",
            "participants": request.participants if request.participants is not None else "",
            "meeting_language": request.meeting_language,
            "message": request.message,
            "assigned_to": request.assigned_to.get_username() if request.assigned_to else "",
            "decline_reason": request.decline_reason,
            "anonymised": request.anonymised_at.isoformat() if request.anonymised_at else "",
            "language": request.language,
            "time_zone": request.time_zone,
            "consent_given_at": (
                request.consent_given_at.isoformat() if request.consent_given_at else ""
            ),
            "consent_version": consent.version if consent else "",
            "consent_language": consent.language if consent else "",
            "city_record": request.city_record.slug if request.city_record else "",
        }


def csv_safe(value):
    """Spreadsheets run cells that start with = + - @ as formulas; make them text."""
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value
