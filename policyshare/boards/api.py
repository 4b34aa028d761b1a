"""The boards' typed endpoints of the open-data API: /api/v1/posts.

Mounted on the shared API by `wagtail_hooks.py` (REGISTER_ROUTER_HOOK). Their schemas and
operation ids are those of version 1, when they were in `policyshare/api/`.
"""

# django-ninja declares query parameters as Query(...) defaults, the way FastAPI does.
# ruff: noqa: B008

from datetime import date
from enum import Enum

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from ninja import Path, Query, Router
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from policyshare.api import representations as rep
from policyshare.api import selectors
from policyshare.api.api import ERRORS, MAX_ID, IsoDateTime, LanguageParam, get_or_404
from policyshare.api.schemas import Language, ListFields, PageFields
from policyshare.core.selectors import with_view_counts

from .models import BoardIndexPage, BoardKind, BoardPost

router = Router()

# Built from the choices, so the schema lists exactly the valid values.
Board = Enum("Board", {kind: kind for kind in BoardKind.values}, type=str)


class PostSummary(PageFields):
    board: str
    registered_on: date
    writer: str
    summary: str
    source_outlet: str
    source_country: str
    original_url: str
    video_url: str
    report_url: str | None
    views: int


class PostDetail(PostSummary):
    body: str


class PostList(ListFields):
    results: list[PostSummary]


# Reads


def posts(*, filters: selectors.PageFilters, board: str | None = None) -> QuerySet:
    queryset = selectors.filter_pages(BoardPost.objects.all(), filters)
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


def board_kinds() -> dict[str, str]:
    """The kind of each board, by tree path, so a post's board needs no query of its own."""
    return dict(BoardIndexPage.objects.values_list("path", "kind"))


# Representations


def post_summaries(request, items) -> list[dict]:
    translations = selectors.translations_of(items)
    kinds = board_kinds()
    return [_post_summary(request, post, translations, kinds) for post in items]


def _post_summary(request, post, translations, kinds) -> dict:
    document = post.report_document
    return {
        **rep.page_fields(request, post, translations),
        "board": kinds.get(post.path[: -Page.steplen], ""),
        "registered_on": post.registered_on,
        "writer": post.writer,
        "summary": post.summary,
        "source_outlet": post.source_outlet,
        "source_country": post.source_country,
        "original_url": post.original_url,
        "video_url": post.video_url,
        "report_url": request.build_absolute_uri(document.url) if document else None,
        "views": getattr(post, "views", 0),
    }


def post_detail(request, post) -> dict:
    translations = selectors.translations_of([post])
    return {
        **_post_summary(request, post, translations, board_kinds()),
        "body": expand_db_html(post.body),
    }


# Endpoints


@router.get("/posts", response={200: PostList, **ERRORS}, tags=["posts"])
def list_posts(
    request: HttpRequest,
    board: Board | None = Query(None, description="Only posts of this board."),
    language: Language | None = LanguageParam,
    year: int | None = Query(None, ge=1900, le=2200, description="Registered in this year."),
    updated_since: IsoDateTime | None = Query(None, description="Published or updated since."),
    page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(rep.DEFAULT_PAGE_SIZE, ge=1, le=rep.MAX_PAGE_SIZE),
):
    """Board posts (news, media coverage, videos, reports), newest first."""
    queryset = posts(
        filters=selectors.PageFilters(
            language=language.value if language else None,
            updated_since=updated_since,
            year=year,
        ),
        board=board.value if board else None,
    )
    items, fields = rep.paginate(request, queryset, page=page, page_size=page_size)
    return {**fields, "results": post_summaries(request, items)}


@router.get("/posts/{post_id}", response={200: PostDetail, **ERRORS}, tags=["posts"])
def get_post(request: HttpRequest, post_id: int = Path(..., ge=1, le=MAX_ID)):
    """One board post with its body."""
    post = get_or_404(posts(filters=selectors.PageFilters()), post_id)
    return post_detail(request, post)
