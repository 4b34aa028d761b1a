"""Writes of the search: keeping search documents in step with content, recording searches."""

from __future__ import annotations

import hashlib
import logging
import threading

from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import strip_tags
from modelsearch.index import RelatedFields, SearchField
from wagtail.models import Page, PageViewRestriction

from policyshare.boards.models import BoardPost
from policyshare.core.cache import LIMITS
from policyshare.partners.models import Partner, PartnersPage
from policyshare.policies.models import PolicyCase

from .analysis import get_analyser, normalise
from .models import DocumentKind, SearchDocument, SearchQueryDay, SearchTerm

logger = logging.getLogger(__name__)

# Plain text kept per document for snippets; the analysed text covers the whole content.
SNIPPET_SOURCE_CHARS = 4000
RECORDED_QUERY_CHARS = 100


def _texts(obj, fields) -> list[str]:
    """The values of an object's search fields, except its title, as plain text."""
    texts = []
    for field in fields:
        if isinstance(field, SearchField) and field.field_name != "title":
            value = field.get_value(obj)
            if isinstance(value, list | tuple):
                value = " ".join(str(v) for v in value if v)
            if value:
                texts.append(strip_tags(str(value)))
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                texts.extend(_texts(item, field.fields))
    return [" ".join(t.split()) for t in texts if t.strip()]


def _is_public(page: Page) -> bool:
    return (
        page.live
        and not PageViewRestriction.objects.filter(
            page__in=page.get_ancestors(inclusive=True)
        ).exists()
    )


def document_fields_for_page(page: Page) -> dict | None:
    """What the search document of a page holds, or None if the page is not public."""
    page = page.specific
    if not _is_public(page):
        return None
    url = page.get_url()
    if not url:  # not under any site
        return None
    # Readers and the year filter count days in TIME_ZONE (Seoul), not in UTC.
    date = timezone.localdate(page.first_published_at) if page.first_published_at else None
    kind, board, themes, year = DocumentKind.PAGE, "", "", date.year if date else None
    if isinstance(page, PolicyCase):
        kind = DocumentKind.POLICY
        themes = " ".join(sorted({t.slug for t in page.themes.all()}))
        year = page.period_start_year
        if page.last_published_at:
            date = timezone.localdate(page.last_published_at)
    elif isinstance(page, BoardPost):
        kind = DocumentKind.POST
        board = page.board_kind() or ""
        date = page.registered_on
        year = date.year
    elif page.depth <= 2:
        return None  # the tree root and the home pages are not results
    texts = _texts(page, page.get_search_fields())
    return _fields(
        kind=kind,
        title=page.title,
        texts=texts,
        language=page.locale.language_code,
        url=url,
        board=board,
        themes=themes,
        year=year,
        date=date,
    )


def document_fields_for_partner(partner: Partner) -> dict | None:
    partners_page = PartnersPage.objects.live().public().filter(locale_id=partner.locale_id).first()
    if partners_page is None:
        return None
    return _fields(
        kind=DocumentKind.PARTNER,
        title=partner.name,
        texts=[partner.get_kind_display(), partner.description, partner.website],
        language=partner.locale.language_code,
        url=f"{partners_page.get_url()}#partner-{partner.pk}",
        board="",
        themes="",
        year=None,
        date=None,
    )


def _fields(*, kind, title, texts, language, url, board, themes, year, date) -> dict:
    analyser = get_analyser()
    text = "\n".join(t for t in texts if t)
    return {
        "kind": kind,
        "title": title[:255],
        "url": url[:500],
        "language": language,
        "board": board,
        "themes": f" {themes} " if themes else "",
        "year": year,
        "date": date,
        "text": text[:SNIPPET_SOURCE_CHARS],
        "analysed_title": analyser.index_text(title),
        "analysed_body": analyser.index_text(text),
        "analyser": analyser.name,
    }


@transaction.atomic
def index_page(*, page_id: int) -> SearchDocument | None:
    """Make the search document of a page match its live state; remove it if not public."""
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    fields = document_fields_for_page(page) if page else None
    key = f"page:{page_id}"
    if fields is None:
        SearchDocument.objects.filter(key=key).delete()
        return None
    document, _created = SearchDocument.objects.update_or_create(
        key=key, defaults={**fields, "page_id": page_id}
    )
    return document


@transaction.atomic
def index_partner(*, partner_id: int) -> SearchDocument | None:
    partner = Partner.objects.filter(pk=partner_id).select_related("locale").first()
    fields = document_fields_for_partner(partner) if partner else None
    key = f"partner:{partner_id}"
    if fields is None:
        SearchDocument.objects.filter(key=key).delete()
        return None
    document, _created = SearchDocument.objects.update_or_create(
        key=key, defaults={**fields, "partner_id": partner_id}
    )
    return document


class _PendingIndex(threading.local):
    """What this thread's open transaction has changed, to index once it commits."""

    def __init__(self):
        self.pages: set[int] = set()
        self.page_trees: set[int] = set()
        self.partners: set[int] = set()


_pending = _PendingIndex()


def schedule_index(*, page_ids=(), page_tree_ids=(), partner_ids=()) -> None:
    """Index these pages (`page_tree_ids`: with their descendants) and partners when the
    current transaction commits, at once outside a transaction.

    A page saved several times in one transaction (created, then published: post_save twice
    and page_published) is indexed once, in its committed state. The ids wait in a set of
    this thread's; every call asks for a flush on commit (a flush with nothing left to do
    costs nothing), so that ids left behind by a rolled-back transaction, whose callbacks
    Django discarded, are indexed by the next commit rather than forgotten.
    """
    _pending.pages.update(page_ids)
    _pending.page_trees.update(page_tree_ids)
    _pending.partners.update(partner_ids)
    transaction.on_commit(flush_pending_index)


def flush_pending_index() -> None:
    """Index what `schedule_index` collected; runs on commit (tests may call it directly)."""
    pages, trees, partners = _pending.pages, _pending.page_trees, _pending.partners
    if not (pages or trees or partners):
        return
    _pending.pages, _pending.page_trees, _pending.partners = set(), set(), set()
    with transaction.atomic():
        for page in Page.objects.filter(pk__in=trees):
            pages.update(
                Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
            )
        for page_id in sorted(pages):
            index_page(page_id=page_id)
        for partner_id in sorted(partners):
            index_partner(partner_id=partner_id)


@transaction.atomic
def rebuild_documents() -> int:
    """Rebuild every search document from the content; returns how many there are."""
    keys = set()
    for page_id in Page.objects.live().values_list("pk", flat=True):
        if index_page(page_id=page_id):
            keys.add(f"page:{page_id}")
    for partner_id in Partner.objects.values_list("pk", flat=True):
        if index_partner(partner_id=partner_id):
            keys.add(f"partner:{partner_id}")
    SearchDocument.objects.exclude(key__in=keys).delete()
    return len(keys)


def normalise_recorded_query(query: str) -> str:
    return " ".join(normalise(query).split())[:RECORDED_QUERY_CHARS]


def record_search(*, query: str, language: str, found: bool, visitor: str = "") -> None:
    """Count a search for the day; the query, its language and the day are all that is kept.

    `visitor` is the searcher's daily pseudonym (`core.services.visitor_key`; empty for bots):
    the day's row counts each visitor once, which is what makes a query popular.
    """
    query = normalise_recorded_query(query)
    if not query:
        return
    day = timezone.localdate()
    miss = 0 if found else 1
    new_visitor = 1 if visitor and _first_search_today(visitor, language, query) else 0
    updated = SearchQueryDay.objects.filter(day=day, language=language, query=query).update(
        searches=F("searches") + 1, misses=F("misses") + miss, visitors=F("visitors") + new_visitor
    )
    if updated:
        return
    try:
        with transaction.atomic():
            SearchQueryDay.objects.create(
                day=day,
                language=language,
                query=query,
                searches=1,
                misses=miss,
                visitors=new_visitor,
            )
    except IntegrityError:
        # Another request created the row between our update and insert.
        SearchQueryDay.objects.filter(day=day, language=language, query=query).update(
            searches=F("searches") + 1,
            misses=F("misses") + miss,
            visitors=F("visitors") + new_visitor,
        )


# A visitor's pseudonym changes every day, so a day is as long as a mark needs to last.
VISITOR_MARK_SECONDS = 24 * 60 * 60


def _first_search_today(visitor: str, language: str, query: str) -> bool:
    """Whether this is the visitor's first search for the query today. The mark is a digest of
    the pseudonym and the query in the limits cache, shared by every process and never
    evicted by page caching; it is gone after a day."""
    digest = hashlib.sha256(f"{visitor}|{language}|{query}".encode()).hexdigest()[:40]
    return caches[LIMITS].add(f"search-visitor:{digest}", 1, timeout=VISITOR_MARK_SECONDS)


@transaction.atomic
def set_search_term_hidden(*, language: str, query: str, hidden: bool) -> SearchTerm:
    """Hide a query from the popular searches (or show it again), in one language."""
    term, _created = SearchTerm.objects.update_or_create(
        language=language, query=normalise_recorded_query(query), defaults={"hidden": hidden}
    )
    return term
