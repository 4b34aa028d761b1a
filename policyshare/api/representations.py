"""How content looks in the API: plain dicts that the schemas validate.

The shared parts: list pagination, the fields every page has, and any page in the generic
`/pages` list and detail, whose type-specific fields come from the page type's API
protocol (`policyshare.core.content.api`). Typed endpoints build their items from
`page_fields` in their own app.
"""

import math

from django.http import HttpRequest
from wagtail.models import Page

from . import selectors

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


def paginate(request: HttpRequest, queryset, *, page: int, page_size: int):
    """One page of a queryset and the list fields around it (two queries: count and slice)."""
    count = queryset.count()
    num_pages = max(1, math.ceil(count / page_size))
    start = (page - 1) * page_size
    items = list(queryset[start : start + page_size])

    def link(number):
        params = request.GET.copy()
        params["page"] = str(number)
        return request.build_absolute_uri(request.path + "?" + params.urlencode())

    fields = {
        "count": count,
        "page": page,
        "page_size": page_size,
        "num_pages": num_pages,
        "next": link(page + 1) if page < num_pages else None,
        "previous": link(page - 1) if 1 < page <= num_pages + 1 else None,
    }
    return items, fields


def page_fields(request, page: Page, translations) -> dict:
    """The fields every page has; `translations` from `selectors.translations_of`."""
    return {
        "id": page.pk,
        "translation_key": str(page.translation_key),
        "language": page.locale.language_code,
        "title": page.title,
        "url": page.get_full_url(request),
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "translations": [
            {
                "language": other.locale.language_code,
                "id": other.pk,
                "url": other.get_full_url(request),
            }
            for other in translations.get(str(page.translation_key), [])
        ],
    }


def _page_out(request, page: Page, translations, parents) -> dict:
    return {
        **page_fields(request, page, translations),
        "type": page.content_type.app_label + "." + page.content_type.model,
        "parent_id": parents.get(page.path[: -Page.steplen]),
        "search_description": page.search_description,
    }


def page_list(request, pages) -> list[dict]:
    translations = selectors.translations_of(pages)
    parents = selectors.parent_ids(pages)
    return [_page_out(request, page, translations, parents) for page in pages]


def page_detail(request, page: Page) -> dict:
    """Any page: the common fields and, under `fields`, what its type publishes (none for a
    page type without the API protocol, such as one from a third-party app)."""
    represent = getattr(page, "get_api_representation", None)
    return {
        **_page_out(request, page, selectors.translations_of([page]), selectors.parent_ids([page])),
        "fields": represent(request) if represent is not None else {},
    }
