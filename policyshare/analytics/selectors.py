"""The figures of the analytics page, each in a fixed number of queries whatever the volume:
totals are summed in the database per day (or per language, section, query, ...), and only
the short lists that result are read into Python (docs/analytics.md)."""

import datetime
import statistics
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Min, Sum
from django.db.models.functions import Substr, TruncDate
from wagtail.models import Page

from policyshare.cooperation_requests.models import CooperationRequest
from policyshare.cooperation_requests.selectors import overdue_requests
from policyshare.core.models import DocumentDownloadDay, PageViewDay
from policyshare.newsletter.models import NewsletterSubscription, SubscriptionStatus
from policyshare.policies.models import Theme
from policyshare.search.models import SearchQueryDay

from .periods import Period

TOP = 20
# Wagtail's tree paths take four characters a level: the root (1), the language homes (2),
# their sections (3). A section is the first twelve characters of its pages' paths.
SECTION_PATH_LENGTH = 3 * Page.steplen


def site_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _in(period: Period, field: str = "day") -> dict:
    return {f"{field}__gte": period.start, f"{field}__lte": period.end}


def _per_day(period: Period, totals: dict) -> list[tuple[datetime.date, int]]:
    return [(day, totals.get(day, 0)) for day in period.dates()]


# Views -------------------------------------------------------------------------------------


def views_total(period: Period) -> int:
    return PageViewDay.objects.filter(**_in(period)).aggregate(total=Sum("views"))["total"] or 0


def views_per_day(period: Period) -> list[tuple[datetime.date, int]]:
    """Every day of the period with the views of all pages that day (0 when none)."""
    rows = (
        PageViewDay.objects.filter(**_in(period))
        .values("day")
        .annotate(total=Sum("views"))
        .order_by()
        .values_list("day", "total")
    )
    return _per_day(period, dict(rows))


def views_per_language(period: Period) -> list[tuple[str, int]]:
    """(language code, views) for the languages read in the period, most read first."""
    rows = (
        PageViewDay.objects.filter(**_in(period))
        .values("page__locale__language_code")
        .annotate(total=Sum("views"))
        .order_by("-total", "page__locale__language_code")
    )
    return [(row["page__locale__language_code"], row["total"]) for row in rows]


def views_per_section(period: Period, *, language: str) -> list[dict]:
    """Views per section (the pages below each language home: the policy library, the
    boards, ...), all languages together, most read first. The sections are told apart by
    slug (`home.services.SECTIONS` gives each the same slug in every language) and named in
    `language` when they exist in it. The home pages themselves count as one "section"
    (`slug` None). Two queries."""
    rows = (
        PageViewDay.objects.filter(**_in(period))
        .annotate(section_path=Substr("page__path", 1, SECTION_PATH_LENGTH))
        .values("section_path")
        .annotate(total=Sum("views"))
        .order_by()
    )
    totals = {row["section_path"]: row["total"] for row in rows}
    pages = Page.objects.filter(path__in=totals).select_related("locale")
    sections: dict = {}
    for page in pages:
        slug = page.slug if page.depth == 3 else None
        section = sections.setdefault(slug, {"slug": slug, "title": None, "views": 0})
        section["views"] += totals[page.path]
        if section["title"] is None or page.locale.language_code == language:
            section["title"] = page.title if slug else None
    return sorted(sections.values(), key=lambda s: (-s["views"], s["slug"] or ""))


def top_pages(period: Period, *, limit: int = TOP) -> list[tuple[Page, int]]:
    """The most read pages of the period (visitor-days), with their views. Two queries."""
    rows = list(
        PageViewDay.objects.filter(**_in(period))
        .values("page")
        .annotate(total=Sum("views"))
        .order_by("-total", "page")[:limit]
    )
    pages = Page.objects.select_related("locale").in_bulk([row["page"] for row in rows])
    return [(pages[row["page"]], row["total"]) for row in rows if row["page"] in pages]


def views_per_theme(period: Period, *, language: str) -> list[tuple[str, int]]:
    """(theme name, views) of the policy cases of each theme: a case with two themes counts
    for both; other pages count for none. A theme counts once in all its languages (by
    translation key) and is named in `language`, else in any. Two queries."""
    key = "page__policycase__themes__translation_key"
    rows = list(
        PageViewDay.objects.filter(**_in(period), **{f"{key}__isnull": False})
        .values(key)
        .annotate(total=Sum("views"))
        .order_by()
    )
    names = _theme_names([row[key] for row in rows], language=language)
    result = [(names.get(row[key], "?"), row["total"]) for row in rows]
    return sorted(result, key=lambda item: (-item[1], item[0]))


def _theme_names(keys, *, language: str) -> dict:
    """{translation key: the theme's name in `language`, else in any language}."""
    names: dict = {}
    for theme in Theme.objects.filter(translation_key__in=keys).select_related("locale"):
        if theme.translation_key not in names or theme.locale.language_code == language:
            names[theme.translation_key] = theme.name
    return names


# Searches ----------------------------------------------------------------------------------


def _search_days(period: Period):
    return SearchQueryDay.objects.filter(**_in(period))


def searches_per_day(period: Period) -> list[tuple[datetime.date, int, int]]:
    """Every day of the period with its searches and the searches that found nothing."""
    rows = (
        _search_days(period)
        .values("day")
        .annotate(searches=Sum("searches"), misses=Sum("misses"))
        .order_by()
    )
    totals = {row["day"]: (row["searches"], row["misses"]) for row in rows}
    return [(day, *totals.get(day, (0, 0))) for day in period.dates()]


def top_queries(
    period: Period, *, compare: Period | None = None, misses: bool = False, limit: int = TOP
) -> list[dict]:
    """The most frequent queries of the period (with `misses`, the ones that found nothing
    most often), per query and language, with the count in the comparison period and the
    change. Two queries (one without comparison)."""
    field = "misses" if misses else "searches"
    rows = list(
        _search_days(period)
        .filter(**{f"{field}__gt": 0})
        .values("query", "language")
        .annotate(total=Sum(field))
        .order_by("-total", "query", "language")[:limit]
    )
    before = {}
    if compare is not None and rows:
        earlier = (
            _search_days(compare)
            .filter(query__in={row["query"] for row in rows})
            .values("query", "language")
            .annotate(total=Sum(field))
            .order_by()
        )
        before = {(row["query"], row["language"]): row["total"] for row in earlier}
    for row in rows:
        if compare is not None:
            row["previous"] = before.get((row["query"], row["language"]), 0)
            row["change"] = row["total"] - row["previous"]
    return rows


# Requests ----------------------------------------------------------------------------------


def _requests(period: Period):
    zone = site_zone()
    start = datetime.datetime.combine(period.start, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(
        period.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return CooperationRequest.objects.filter(created_at__gte=start, created_at__lt=end)


def requests_by(period: Period, field: str) -> list[tuple[str, int]]:
    """(value, number of requests) of the period's requests, for `kind`, `status` or
    `country`, most first."""
    if field not in {"kind", "status", "country"}:
        raise ValueError(field)
    rows = (
        _requests(period)
        .values(field)
        .annotate(total=Count("pk"))
        .order_by("-total", field)
        .values_list(field, "total")
    )
    return list(rows)


def requests_by_theme(period: Period, *, language: str) -> list[tuple[str, int]]:
    """(theme name, number of requests) for the themes of the policies the period's requests
    name: a request naming two policies of one theme counts once for it; one naming no policy
    counts for none. Themes are told apart by translation key (one theme in all languages)
    and named in `language`, else in any language. Two queries."""
    rows = list(
        _requests(period)
        .filter(policies__themes__isnull=False)
        .values("policies__themes__translation_key")
        .annotate(total=Count("pk", distinct=True))
        .order_by()
    )
    names = _theme_names(
        [row["policies__themes__translation_key"] for row in rows], language=language
    )
    result = [
        (names.get(row["policies__themes__translation_key"], "?"), row["total"]) for row in rows
    ]
    return sorted(result, key=lambda item: (-item[1], item[0]))


def first_reply_times(period: Period) -> dict:
    """How long the period's requests waited for their first reply (`RequestReply`: a
    message sent to the requester; a status change or an internal note is not one).
    `median` is a timedelta (None when no request was answered), `answered` and
    `unanswered` count the requests. One query; the median is taken in Python."""
    rows = _requests(period).annotate(first_reply=Min("replies__created_at"))
    waits, unanswered = [], 0
    for created_at, first_reply in rows.values_list("created_at", "first_reply"):
        if first_reply is None:
            unanswered += 1
        else:
            waits.append((first_reply - created_at).total_seconds())
    median = datetime.timedelta(seconds=statistics.median(waits)) if waits else None
    return {"median": median, "answered": len(waits), "unanswered": unanswered}


def overdue_now(*, limit: int = TOP) -> dict:
    """The requests overdue today (the dashboard's and the inbox's definition, whatever the
    period), the longest quiet first: their count and the first `limit`, with only what
    analytics may show (no name, e-mail, phone or organisation). Two queries."""
    overdue = overdue_requests(CooperationRequest.objects.filter(anonymised_at__isnull=True))
    rows = list(
        overdue.order_by("last_activity", "pk").values(
            "pk", "reference", "kind", "country", "status", "last_activity"
        )[:limit]
    )
    return {"count": overdue.count(), "rows": rows}


# Attachment downloads ----------------------------------------------------------------------


def downloads_per_day(period: Period) -> list[tuple[datetime.date, int]]:
    """Every day of the period with the downloads of all documents that day (0 when none)."""
    rows = (
        DocumentDownloadDay.objects.filter(**_in(period))
        .values("day")
        .annotate(total=Sum("downloads"))
        .order_by()
        .values_list("day", "total")
    )
    return _per_day(period, dict(rows))


def top_documents(period: Period, *, limit: int = TOP) -> list[dict]:
    """The most downloaded documents of the period: their id, title and downloads. One
    query."""
    return list(
        DocumentDownloadDay.objects.filter(**_in(period))
        .values("document", "document__title")
        .annotate(total=Sum("downloads"))
        .order_by("-total", "document")[:limit]
    )


# Newsletter --------------------------------------------------------------------------------


def subscribers_per_day(period: Period) -> list[tuple[datetime.date, int]]:
    """Every day of the period with the number of confirmed subscribers at its end, counted
    from the subscriptions that still exist (unsubscribing deletes them, so this is not the
    number subscribed on that day but how many of today's subscribers had confirmed by then).
    Two queries."""
    zone = site_zone()
    active = NewsletterSubscription.objects.filter(
        status=SubscriptionStatus.ACTIVE, confirmed_at__isnull=False
    )
    start = datetime.datetime.combine(period.start, datetime.time.min, tzinfo=zone)
    before = active.filter(confirmed_at__lt=start).count()
    rows = (
        active.filter(confirmed_at__gte=start)
        .annotate(day=TruncDate("confirmed_at", tzinfo=zone))
        .filter(day__lte=period.end)
        .values("day")
        .annotate(total=Count("pk"))
        .order_by()
        .values_list("day", "total")
    )
    confirmed = dict(rows)
    running, result = before, []
    for day in period.dates():
        running += confirmed.get(day, 0)
        result.append((day, running))
    return result
