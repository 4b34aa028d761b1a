"""The API's reads: filtered querysets and the few batched look-ups that keep lists N+1-free."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from wagtail.models import Page

from policyshare.boards.models import BoardIndexPage, BoardPost
from policyshare.core.selectors import with_view_counts
from policyshare.partners.models import Partner
from policyshare.policies.models import PolicyCase, Theme


@dataclass(frozen=True)
class PageFilters:
    language: str | None = None
    updated_since: datetime | None = None
    year: int | None = None


def _page_filters(queryset: QuerySet, filters: PageFilters) -> QuerySet:
    queryset = queryset.live().public().select_related("locale")
    if filters.language:
        queryset = queryset.filter(locale__language_code=filters.language)
    if filters.updated_since:
        queryset = queryset.filter(last_published_at__gte=filters.updated_since)
    return queryset


def policies(*, filters: PageFilters, theme: str | None = None) -> QuerySet:
    queryset = _page_filters(PolicyCase.objects.all(), filters)
    if theme:
        # A subquery, not a join, so a policy with two matching themes is listed once.
        queryset = queryset.filter(
            pk__in=PolicyCase.objects.filter(themes__slug=theme).values("pk")
        )
    if filters.year is not None:
        # A policy belongs to a year if its implementation period covers it.
        queryset = queryset.filter(period_start_year__lte=filters.year).filter(
            Q(period_end_year__gte=filters.year) | Q(period_end_year__isnull=True)
        )
    return with_view_counts(
        queryset.prefetch_related("themes").order_by("-first_published_at", "-pk")
    )


def posts(*, filters: PageFilters, board: str | None = None) -> QuerySet:
    queryset = _page_filters(BoardPost.objects.all(), filters)
    if board:
        paths = BoardIndexPage.objects.filter(kind=board).values_list("path", flat=True)
        condition = Q(pk__in=[])
        for path in paths:
            condition |= Q(path__startswith=path)
        queryset = queryset.filter(condition)
    if filters.year is not None:
        queryset = queryset.filter(registered_on__year=filters.year)
    return with_view_counts(
        queryset.select_related("report_document").order_by("-registered_on", "-pk")
    )


def pages(*, filters: PageFilters, page_type: str | None = None) -> QuerySet:
    queryset = _page_filters(Page.objects.filter(depth__gt=1), filters)
    if page_type:
        app_label, _dot, model = page_type.partition(".")
        queryset = queryset.filter(
            content_type__app_label=app_label, content_type__model=model.lower()
        )
    if filters.year is not None:
        queryset = queryset.filter(first_published_at__year=filters.year)
    return queryset.select_related("content_type").order_by("path")


def themes(*, language: str | None = None) -> QuerySet:
    queryset = Theme.objects.select_related("locale").order_by("sort_order", "name", "pk")
    if language:
        queryset = queryset.filter(locale__language_code=language)
    return queryset


def partners(*, language: str | None = None, kind: str | None = None) -> QuerySet:
    queryset = Partner.objects.select_related("locale", "logo").order_by("sort_order", "name", "pk")
    if language:
        queryset = queryset.filter(locale__language_code=language)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def translations_of(pages) -> dict[str, list[Page]]:
    """Every live translation of the given pages (themselves included), in one query."""
    keys = {page.translation_key for page in pages}
    grouped: dict[str, list[Page]] = defaultdict(list)
    if not keys:
        return grouped
    found = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    for page in found:
        grouped[str(page.translation_key)].append(page)
    return grouped


def board_kinds() -> dict[str, str]:
    """The kind of each board, by tree path, so a post's board needs no query of its own."""
    return dict(BoardIndexPage.objects.values_list("path", "kind"))
