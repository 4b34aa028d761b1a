"""The API's shared reads: page filters, any page, and the batched look-ups that keep lists
N+1-free. Reads of one content type live with its app's endpoints (e.g. `policies/api.py`)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from wagtail.models import Page


@dataclass(frozen=True)
class PageFilters:
    language: str | None = None
    updated_since: datetime | None = None
    year: int | None = None


def filter_pages(queryset: QuerySet, filters: PageFilters) -> QuerySet:
    """Live, public pages of `queryset` in the filters' language, updated since their time
    (the year is left to the caller: each type has its own year)."""
    queryset = queryset.live().public().select_related("locale")
    if filters.language:
        queryset = queryset.filter(locale__language_code=filters.language)
    if filters.updated_since:
        queryset = queryset.filter(last_published_at__gte=filters.updated_since)
    return queryset


def pages(*, filters: PageFilters, page_type: str | None = None) -> QuerySet:
    queryset = filter_pages(Page.objects.filter(depth__gt=1), filters)
    if page_type:
        app_label, _dot, model = page_type.partition(".")
        queryset = queryset.filter(
            content_type__app_label=app_label, content_type__model=model.lower()
        )
    if filters.year is not None:
        queryset = queryset.filter(first_published_at__year=filters.year)
    return queryset.select_related("content_type").order_by("path")


def page(page_id: int) -> Page | None:
    """A live, public page in its own type, or None."""
    found = pages(filters=PageFilters()).filter(pk=page_id).first()
    return found.specific if found is not None else None


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


def parent_ids(pages) -> dict[str, int]:
    """The id of each page's parent, by the parent's tree path, in one query."""
    paths = {page.path[: -Page.steplen] for page in pages}
    return dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))
