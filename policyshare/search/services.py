"""Writes of the search: keeping search documents in step with content, recording searches."""

from __future__ import annotations

import hashlib
import logging
import threading

from django.apps import apps
from django.core.cache import caches
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from policyshare.core.cache import LIMITS
from policyshare.core.content import snippet_models
from policyshare.core.content.search import SearchContribution
from policyshare.document_text import services as document_text

from . import fulltext
from .analysis import ANALYSIS_VERSION, get_analyser, normalise
from .models import SearchDocument, SearchQueryDay, SearchTerm

logger = logging.getLogger(__name__)

# Plain text kept per document for snippets; the analysed text covers the whole content.
SNIPPET_SOURCE_CHARS = 4000
RECORDED_QUERY_CHARS = 100


def _is_public(page: Page) -> bool:
    return (
        page.live
        and not PageViewRestriction.objects.filter(
            page__in=page.get_ancestors(inclusive=True)
        ).exists()
    )


def document_fields_for_page(page: Page) -> dict | None:
    """What the search document of a page holds, or None if the page is not a public result.

    The page says what it contributes (`policyshare.core.content.search`); a page type that
    does not take part (the tree root) has no document.
    """
    page = page.specific
    if not isinstance(page, SearchContribution) or not page.is_search_result():
        return None
    if not _is_public(page):
        return None
    return _document_fields(page)


def document_fields_for_record(record) -> dict | None:
    """What the search document of a registered snippet's record holds, or None."""
    if not isinstance(record, SearchContribution) or not record.is_search_result():
        return None
    return _document_fields(record)


def _document_fields(item: SearchContribution) -> dict | None:
    url = item.get_search_url()
    if not url:  # a page under no site, a partner with no partners page in its language
        return None
    title = item.get_search_title()
    texts = item.get_search_texts()
    facets = item.get_search_facets()
    analyser = get_analyser()
    summary = "\n".join(t for t in texts.summary if t)
    body = "\n".join(t for t in texts.body if t)
    themes = " ".join(sorted(set(facets.themes)))
    translation_key = item.get_search_translation_key()
    label = "page" if isinstance(item, Page) else item._meta.label_lower
    language = item.get_search_language()
    key = f"page:{item.pk}" if isinstance(item, Page) else record_key(item)
    documents = document_text.search_text(key=key, document_ids=item.get_search_documents())
    return {
        "kind": item.search_kind.value,
        "translation_group": f"{label}:{translation_key}" if translation_key else "",
        "title": title[:255],
        "url": url[:500],
        "language": language,
        "board": facets.board or "",
        "themes": f" {themes} " if themes else "",
        "year": facets.year,
        "date": facets.date,
        # Snippets: the summary first, then the body.
        "text": "\n".join(t for t in (summary, body) if t)[:SNIPPET_SOURCE_CHARS],
        # The document's language picks the stemmer and stop words of its Latin words.
        "analysed_title": analyser.index_text(" ".join(texts.title or [title]), language),
        "analysed_summary": analyser.index_text(summary, language),
        "analysed_body": analyser.index_text(body, language),
        # The text of attached documents: matched, weighed below the body, never a snippet.
        "analysed_documents": analyser.index_text(documents, language),
        "analyser": analyser.name,
    }


def record_key(record) -> str:
    """The document key of a snippet's record: "<app label>.<model>:<pk>"."""
    return f"{record._meta.label_lower}:{record.pk}"


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
def index_record(*, model: str, pk) -> SearchDocument | None:
    """Make the search document of a snippet's record (`model` is "app_label.model") match
    the record; remove it if the record is gone or no longer a result."""
    model_class = apps.get_model(model)
    record = model_class.objects.filter(pk=pk).first()
    fields = document_fields_for_record(record) if record else None
    key = f"{model_class._meta.label_lower}:{pk}"
    if fields is None:
        SearchDocument.objects.filter(key=key).delete()
        return None
    document, _created = SearchDocument.objects.update_or_create(key=key, defaults=fields)
    return document


def delete_record_document(record) -> None:
    SearchDocument.objects.filter(key=record_key(record)).delete()


class _PendingIndex(threading.local):
    """What this thread's open transaction has changed, to index once it commits."""

    def __init__(self):
        self.pages: set[int] = set()
        self.page_trees: set[int] = set()
        self.records: set[tuple[str, object]] = set()


_pending = _PendingIndex()


def schedule_index(*, page_ids=(), page_tree_ids=(), records=()) -> None:
    """Index these pages (`page_tree_ids`: with their descendants) and snippet records
    (`records`: ("app_label.model", pk) pairs) when the current transaction commits, at once
    outside a transaction.

    A page saved several times in one transaction (created, then published: post_save twice
    and page_published) is indexed once, in its committed state. The ids wait in a set of
    this thread's; every call asks for a flush on commit (a flush with nothing left to do
    costs nothing), so that ids left behind by a rolled-back transaction, whose callbacks
    Django discarded, are indexed by the next commit rather than forgotten.
    """
    _pending.pages.update(page_ids)
    _pending.page_trees.update(page_tree_ids)
    _pending.records.update(records)
    transaction.on_commit(flush_pending_index)


def flush_pending_index() -> None:
    """Index what `schedule_index` collected; runs on commit (tests may call it directly)."""
    pages, trees, records = _pending.pages, _pending.page_trees, _pending.records
    if not (pages or trees or records):
        return
    _pending.pages, _pending.page_trees, _pending.records = set(), set(), set()
    with transaction.atomic():
        for page in Page.objects.filter(pk__in=trees):
            pages.update(
                Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
            )
        for page_id in sorted(pages):
            index_page(page_id=page_id)
        for model, pk in sorted(records, key=str):
            index_record(model=model, pk=pk)


def searchable_snippet_models() -> list[type]:
    """The registered snippets whose records are search results themselves."""
    return [
        model
        for model in snippet_models()
        if issubclass(model, SearchContribution) and model.search_kind is not None
    ]


@transaction.atomic
def rebuild_documents() -> int:
    """Rebuild every search document from the content; returns how many there are."""
    keys = set()
    for page_id in Page.objects.live().values_list("pk", flat=True):
        if index_page(page_id=page_id):
            keys.add(f"page:{page_id}")
    for model in searchable_snippet_models():
        for pk in model.objects.values_list("pk", flat=True):
            document = index_record(model=model._meta.label_lower, pk=pk)
            if document:
                keys.add(document.key)
    SearchDocument.objects.exclude(key__in=keys).delete()
    return len(keys)


def optimize_fulltext_index() -> None:
    """Compact the database's full-text index after a rebuild or a bulk load
    (`fulltext.optimize_statements`); searches find the same documents, in less time."""
    with connection.cursor() as cursor:
        for statement in fulltext.optimize_statements(connection.vendor):
            cursor.execute(statement)


def stale_documents(*, load_analyser: bool = True):
    """Documents analysed by another analyser or an older version of the analysis
    (`analysis.ANALYSIS_VERSION`): their terms no longer match the queries'.

    Without `load_analyser` only the version is compared, which needs no model in memory
    (the system check)."""
    if load_analyser:
        return SearchDocument.objects.exclude(analyser=get_analyser().name)
    return SearchDocument.objects.exclude(analyser__endswith=f"-{ANALYSIS_VERSION}")


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
