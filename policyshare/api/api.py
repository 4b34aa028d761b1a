"""The public, read-only open-data API: /api/v1/…"""

# django-ninja declares query parameters as Query(...) defaults, the way FastAPI does.
# ruff: noqa: B008

import re
from datetime import UTC, datetime
from typing import Annotated

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import NinjaAPI, Path, Query
from ninja.openapi.docs import Swagger
from pydantic import AfterValidator, BeforeValidator
from wagtail import hooks

from . import representations as rep
from . import schemas, selectors

# Domain apps add their typed endpoints with this Wagtail hook, in their wagtail_hooks.py:
# a function that returns a ninja Router (docs/open-data.md, "How the API is put together").
REGISTER_ROUTER_HOOK = "register_open_data_api_router"


class OpenDataAPI(NinjaAPI):
    """The API: its own generic endpoints, the routers domain apps register with
    REGISTER_ROUTER_HOOK, and in its OpenAPI document the search endpoint next to it."""

    _hooked_routers_added = False

    def add_hooked_routers(self):
        """Mount the domain apps' routers, once, before the URLs or the schema are built
        (ninja refuses routers after that). Called lazily, when every app is loaded."""
        if self._hooked_routers_added:
            return
        self._hooked_routers_added = True
        for router_of_app in hooks.get_hooks(REGISTER_ROUTER_HOOK):
            self.add_router("", router_of_app())

    @property
    def urls(self):
        self.add_hooked_routers()
        return super().urls

    def get_openapi_operation_id(self, operation) -> str:
        # The ids of version 1, when every view was in this module, whatever app a view is
        # in now: clients generate code from them. View names are unique across the API.
        return "policyshare_api_api_" + operation.view_func.__name__

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        self.add_hooked_routers()
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        root = self.get_root_path(path_params or {}) if path_prefix is None else path_prefix
        schema["paths"].setdefault("/" + root.strip("/") + "/search", SEARCH_PATH)
        return schema


api = OpenDataAPI(
    title="PolicyShare open data API",
    version="1",
    description=(
        "Read-only access to every published policy, board post, partner, theme and page, "
        "in every language. Ids are stable; `url` is the canonical address of the page; "
        "`translation_key` is shared by all translations of the same content. "
        "Free to use, no key; rate-limited per client address (429 with Retry-After). "
        "Responses carry an ETag: send If-None-Match to get 304 when nothing changed. "
        "Full-text search is at /api/v1/search."
    ),
    urls_namespace="api-v1",
    docs=Swagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def _iso_date_time(value):
    # pydantic would also take a number as seconds since 1970; the schema promises ISO 8601.
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        raise ValueError("Use an ISO 8601 date-time, e.g. 2025-01-31T00:00:00+09:00.")
    return value


def _in_utc(value: datetime) -> datetime:
    """Any offset pydantic accepts (up to ±23:59), as UTC, which every database can compare.

    PostgreSQL refuses offsets beyond ±15:59, and a date-time without one would be read in
    the server's zone with a warning; it is taken in the portal's time zone (TIME_ZONE).
    """
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # within a day of year 1 or 9999
        return (
            datetime.min.replace(tzinfo=UTC)
            if value.year < 5000
            else datetime.max.replace(tzinfo=UTC)
        )


IsoDateTime = Annotated[datetime, BeforeValidator(_iso_date_time), AfterValidator(_in_utc)]

ERRORS = {404: schemas.Error, 422: schemas.Error, 429: schemas.Error}
LanguageParam = Query(None, description="Only content in this language.")
MAX_ID = 2**62  # ids in the path: PostgreSQL bigint, with room


@api.get("/pages", response={200: schemas.PageList, **ERRORS}, tags=["pages"])
def list_pages(
    request: HttpRequest,
    language: schemas.Language | None = LanguageParam,
    type: str | None = Query(
        None,
        max_length=100,
        pattern=r"^[a-z_]+\.[a-z_]+$",
        description="A page type as `app_label.model`, such as `core.standardpage`.",
    ),
    year: int | None = Query(None, ge=1900, le=2200, description="First published in this year."),
    updated_since: IsoDateTime | None = Query(None, description="Published or updated since."),
    page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(rep.DEFAULT_PAGE_SIZE, ge=1, le=rep.MAX_PAGE_SIZE),
):
    """Every published page in tree order: home pages, sections, policies, posts, others."""
    queryset = selectors.pages(
        filters=selectors.PageFilters(
            language=language.value if language else None,
            updated_since=updated_since,
            year=year,
        ),
        page_type=type,
    )
    items, fields = rep.paginate(request, queryset, page=page, page_size=page_size)
    return {**fields, "results": rep.page_list(request, items)}


@api.get("/pages/{page_id}", response={200: schemas.PageDetail, **ERRORS}, tags=["pages"])
def get_page(request: HttpRequest, page_id: int = Path(..., ge=1, le=MAX_ID)):
    """Any published page: the common fields, and its type's own under `fields`."""
    page = selectors.page(page_id)
    if page is None:
        raise Http404("No such item.")
    return rep.page_detail(request, page)


def get_or_404(queryset, pk):
    """For typed detail endpoints: the item of `queryset` with this id, or a JSON 404."""
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404("No such item.")
    return obj


SEARCH_PATH = {
    "get": {
        "operationId": "search",
        "summary": "Search",
        "description": (
            "Full-text search across policies, posts and pages in the six languages of the site "
            "(served by the search app; see docs/search.md)."
        ),
        "tags": ["search"],
        "parameters": [
            {"in": "query", "name": name, "required": False, "schema": schema}
            for name, schema in [
                ("q", {"type": "string", "maxLength": 800}),
                (
                    "hl",
                    {
                        "type": "string",
                        "enum": [c for c, _n in settings.LANGUAGES],
                        "default": "en",
                        "description": "The reader's language: one result per translation "
                        "group, in this language when it has a matching version, else in "
                        "the first fallback language (then English, then Korean).",
                    },
                ),
                (
                    "lang",
                    {
                        "type": "string",
                        "enum": [c for c, _n in settings.LANGUAGES],
                        "description": "Only results in this language.",
                    },
                ),
                ("type", {"type": "string"}),
                ("theme", {"type": "string"}),
                ("board", {"type": "string"}),
                ("year", {"type": "integer", "minimum": 1900, "maximum": 2200}),
                ("page", {"type": "integer", "minimum": 1}),
            ]
        ],
        "responses": {
            "200": {
                "description": "Results with facets.",
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            # Like the other endpoints: an invalid year, and the shared rate limit.
            **{
                status: {
                    "description": description,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
                for status, description in [
                    ("400", "A reader language (`hl`) that is not one of the site's."),
                    ("422", "An invalid parameter (a year that is not a whole year)."),
                    ("429", "Too many requests."),
                ]
            },
        },
    }
}
