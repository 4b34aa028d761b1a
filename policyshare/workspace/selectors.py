"""Reads behind the dashboard panels. Each reads a fixed number of queries, however much data
there is (tests/test_dashboard.py counts them), and nothing personal about requesters or
registrants."""

import datetime
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from policyshare.cooperation_requests.models import CooperationRequest, RequestStatus
from policyshare.cooperation_requests.selectors import (
    overdue_cutoff,  # noqa: F401 (the dashboard's tests read it here)
    overdue_requests,
)
from policyshare.core.models import PageViewDay
from policyshare.events.models import EventPage, Registration, RegistrationStatus
from policyshare.home.services import SECTIONS
from policyshare.search import selectors as search_selectors

# The languages whose pages are originals, which the other languages translate.
SOURCE_LANGUAGES = ("ko", "en")
WEEK_DAYS = 7
TOP = 5


def seoul_zone() -> ZoneInfo:
    """The site's zone (settings.TIME_ZONE): days are counted in it everywhere (view counts,
    searches), whatever zone an admin user chose for their own display."""
    return ZoneInfo(settings.TIME_ZONE)


def site_today() -> datetime.date:
    return timezone.localdate(timezone=seoul_zone())


# --- Requests ------------------------------------------------------------------------------

# Only what the dashboard shows: never the requester's name, e-mail or phone.
REQUEST_FIELDS = ("pk", "reference", "kind", "city", "country", "created_at", "status")


def request_backlog(*, now=None, limit: int = 3) -> dict:
    """New requests (received, not taken up) and overdue open requests: counts and the
    oldest few of each."""
    requests = CooperationRequest.objects.filter(anonymised_at__isnull=True)
    new = requests.filter(status=RequestStatus.RECEIVED)
    overdue = overdue_requests(requests, now=now)
    return {
        "new_count": new.count(),
        "new": list(new.order_by("created_at", "pk").only(*REQUEST_FIELDS)[:limit]),
        "overdue_count": overdue.count(),
        "overdue": list(overdue.order_by("last_activity", "pk").only(*REQUEST_FIELDS)[:limit]),
        "overdue_days": settings.REQUEST_OVERDUE_DAYS,
    }


# --- Drafts --------------------------------------------------------------------------------


def drafts_of(user, *, limit: int = TOP):
    """The user's pages with unpublished changes whose latest revision is theirs, newest
    first."""
    return list(
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .order_by("-latest_revision_created_at", "-pk")
        .annotate_approved_schedule()
        # The status tag asks each page whether it is in moderation: read that up front.
        .prefetch_workflow_states()
        .select_related("locale")[:limit]
    )


# --- Translations --------------------------------------------------------------------------


def translation_backlog() -> list[dict]:
    """For each content language: how many live Korean or English pages (counted once per
    translation key) have no live version in it, in total and per page type. One query for
    the counts, one for the locales."""
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = dict(
        Locale.objects.filter(language_code__in=languages).values_list("language_code", "pk")
    )
    annotations = {
        f"in_{index}": Exists(
            Page.objects.live().filter(
                translation_key=OuterRef("translation_key"), locale_id=locales.get(code)
            )
        )
        for index, code in enumerate(languages)
    }
    counts = {
        f"missing_{index}": Count(
            "translation_key", distinct=True, filter=Q(**{f"in_{index}": False})
        )
        for index in range(len(languages))
    }
    rows = (
        Page.objects.live()
        .filter(depth__gt=2, locale__language_code__in=SOURCE_LANGUAGES)
        .exclude(content_type__in=_section_types())
        .annotate(**annotations)
        .values("content_type")
        .annotate(**counts)
        .order_by("content_type")
    )
    by_language = {code: {"code": code, "total": 0, "types": []} for code in languages}
    for row in rows:
        model = _model_for(row["content_type"])
        for index, code in enumerate(languages):
            missing = row[f"missing_{index}"]
            if missing:
                by_language[code]["total"] += missing
                by_language[code]["types"].append(
                    {"name": model._meta.verbose_name_plural, "count": missing}
                )
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    for code, entry in by_language.items():
        entry["name"] = names[code]
        entry["types"].sort(key=lambda item: (-item["count"], str(item["name"])))
    return list(by_language.values())


def _section_types() -> list[ContentType]:
    """The section pages `home.services.ensure_sections` makes in every language (policy
    library, boards, events, …): not something to translate by hand."""
    models = {apps.get_model(section[1]) for section in SECTIONS}
    return list(ContentType.objects.get_for_models(*models).values())


def _model_for(content_type_id):
    # Cached by Django after the first read of each type.
    return ContentType.objects.get_for_id(content_type_id).model_class() or Page


# --- Reading and searches ------------------------------------------------------------------


def week_start() -> datetime.date:
    """The first of the last seven Seoul days, today included."""
    return site_today() - datetime.timedelta(days=WEEK_DAYS - 1)


def most_read_pages(*, limit: int = TOP) -> list[tuple[Page, int]]:
    """The pages with the most visitor-days over the last seven days, with their count
    (from the daily totals, `PageViewDay`, kept indefinitely)."""
    rows = list(
        PageViewDay.objects.filter(day__gte=week_start())
        .values("page")
        .annotate(visits=Sum("views"))
        .order_by("-visits", "page")[:limit]
    )
    pages = Page.objects.select_related("locale").in_bulk([row["page"] for row in rows])
    return [(pages[row["page"]], row["visits"]) for row in rows if row["page"] in pages]


def zero_result_searches(*, limit: int = TOP) -> list[dict]:
    """The searches that found nothing most often over the last seven days, from the failed
    searches report's selector."""
    with timezone.override(seoul_zone()):
        return list(search_selectors.top_failed_searches(days=WEEK_DAYS - 1)[:limit])


# --- Events --------------------------------------------------------------------------------


def _registrations(status):
    return Coalesce(
        Subquery(
            Registration.objects.filter(event_key=OuterRef("translation_key"), status=status)
            .order_by()
            .values("event_key")
            .annotate(total=Count("pk"))
            .values("total"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def upcoming_events(*, language: str, now=None, limit: int = TOP) -> list[EventPage]:
    """The next events not yet over, soonest first, one version per event (the one in
    `language`, else Korean, else the first), each with `confirmed` and `waiting` counts
    shared by all its versions. One query."""
    now = now or timezone.now()
    events = list(
        EventPage.objects.live()
        .annotate(first_start=Min("sessions__start"), last_end=Max("sessions__end"))
        .filter(last_end__gte=now)
        .annotate(
            confirmed=_registrations(RegistrationStatus.CONFIRMED),
            waiting=_registrations(RegistrationStatus.WAITING),
        )
        .select_related("locale")
        .order_by("first_start", "pk")
    )
    preference = [language, settings.LANGUAGE_CODE]
    chosen: dict = {}
    for event in events:
        current = chosen.get(event.translation_key)
        if current is None or _rank(event, preference) < _rank(current, preference):
            chosen[event.translation_key] = event
    return sorted(chosen.values(), key=lambda event: (event.first_start, event.pk))[:limit]


def _rank(event, preference) -> int:
    code = event.locale.language_code
    return preference.index(code) if code in preference else len(preference)


# --- Partner-city contributors ----------------------------------------------------------


def libraries_open_to(user, *, language: str) -> list:
    """The policy libraries where `user` may add a case, the admin language's first."""
    from policyshare.policies.models import PolicyLibraryPage

    allowed = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    libraries = list(
        PolicyLibraryPage.objects.filter(pk__in=allowed.values("pk")).select_related("locale")
    )
    return sorted(libraries, key=lambda page: (page.locale.language_code != language, page.pk))


def contributed_cases(user, *, limit: int = TOP * 2) -> list:
    """The policy cases `user` owns, latest change first, with their workflow state."""
    from policyshare.policies.models import PolicyCase

    return list(
        PolicyCase.objects.filter(owner=user)
        .select_related("locale", "latest_revision")
        .prefetch_workflow_states()
        .order_by("-latest_revision_created_at", "-pk")[:limit]
    )
