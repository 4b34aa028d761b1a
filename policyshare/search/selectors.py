"""Reads of the search: results with facets and snippets, popular and failed searches."""

from __future__ import annotations

import datetime
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from policyshare.core.content.search import search_kinds, search_models

from . import fulltext, semantic
from .analysis import HANGUL, WORD, get_analyser, normalise
from .models import SearchDocument, SearchQueryDay, SearchTerm

RESULTS_PER_PAGE = 10
MAX_PAGE = 1000
# Title matches weigh this much more than body matches (SQLite BM25 column weights; the
# PostgreSQL vector gives the title weight A and the body weight B).
TITLE_WEIGHT = 4.0
# FTS5's rank function with those weights (columns: analysed title, analysed body).
BM25 = f"bm25({TITLE_WEIGHT}, 1.0)"
# Results in the reader's language come first when otherwise close.
SAME_LANGUAGE_BOOST = 1.15
FACETS = ("kind", "theme", "board", "language", "year")
SORTS = ("relevance", "date")


@dataclass(frozen=True)
class SearchFilters:
    kind: str = ""
    theme: str = ""
    board: str = ""
    language: str = ""
    year: int | None = None

    def active(self) -> dict:
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchHit:
    document: SearchDocument
    score: float
    snippet: SafeString
    other_language: bool


@dataclass
class SearchOutcome:
    query: str
    terms: list[str]
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    page: int = 1
    per_page: int = RESULTS_PER_PAGE
    sort: str = "relevance"
    # False when the query matched more than CANDIDATE_LIMIT documents: the total and the
    # facet counts are then counts of the best matches, lower bounds ("1,000+").
    total_exact: bool = True
    facets_exact: bool = True

    @property
    def total_label(self) -> str:
        """The total as shown: "1,000+" when it counts only the best matches."""
        return f"{self.total:,}" if self.total_exact else f"{self.total:,}+"

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def search_documents(
    *,
    query: str,
    filters: SearchFilters | None = None,
    sort: str = "relevance",
    page: int = 1,
    per_page: int = RESULTS_PER_PAGE,
    language: str = "",
) -> SearchOutcome:
    """Search the public documents. Never raises on odd input: it just finds less.

    `language` is the reader's language: its results rank a little higher and the others are
    marked as being in another language. Facet counts for one facet apply every other filter.

    At most `CANDIDATE_LIMIT` matches are looked at (see `_FulltextQuery.candidates`): when a
    query matches more, the total and the facet counts are lower bounds (`total_exact` and
    `facets_exact` are false) and sorting by date orders those candidates.
    """
    filters = filters or SearchFilters()
    sort = sort if sort in SORTS else "relevance"
    page = min(max(1, page), MAX_PAGE)
    terms = get_analyser().query_terms(query)
    outcome = SearchOutcome(
        query=query, terms=terms, total=0, hits=[], page=page, sort=sort, per_page=per_page
    )
    if not terms:
        return outcome
    fulltext_query = _FulltextQuery(_without_common_terms(terms))
    candidates, capped = fulltext_query.candidates()
    # Semantic matches join the lexical ones by reciprocal rank fusion (`semantic.fuse`).
    candidates = semantic.fuse(query, candidates)
    matching, filtered_capped = candidates, capped
    if filters.active() and capped:
        # The filter may select matches beyond the candidates: ask the database again with it.
        matching, filtered_capped = fulltext_query.candidates(filters)
        matching = semantic.fuse(query, matching, filters=filters)
    elif filters.active():
        matching = [c for c in candidates if not c.failed_filters(filters)]
    outcome.total, outcome.total_exact = len(matching), not filtered_capped
    outcome.facets_exact = not capped
    outcome.page = page = min(page, outcome.num_pages)
    ranked = _ranked(matching, sort=sort, language=language)
    ranked = ranked[(page - 1) * per_page : page * per_page]
    documents = SearchDocument.objects.in_bulk([c.pk for c, _score in ranked])
    highlighter = Highlighter(query, terms)
    outcome.hits = [
        SearchHit(
            document=documents[c.pk],
            score=round(score, 4),
            snippet=highlighter.snippet(documents[c.pk].text),
            other_language=bool(language) and documents[c.pk].language != language,
        )
        for c, score in ranked
        if c.pk in documents
    ]
    outcome.facets = _facet_values(_facet_counts(candidates, filters), filters, language)
    return outcome


def _ranked(candidates, *, sort: str, language: str) -> list[tuple[Candidate, float]]:
    scored = [
        (c, c.score * SAME_LANGUAGE_BOOST if language and c.language == language else c.score)
        for c in candidates
    ]
    if sort == "date":
        # Newest first, undated last; then by score, then the newest document.
        scored.sort(key=lambda item: (item[0].date, item[1], item[0].pk), reverse=True)
    else:
        scored.sort(key=lambda item: (item[1], item[0].pk), reverse=True)
    return scored


# A term in more than this share of the documents is left out of a query that has rarer
# terms: it adds little to the ranking (BM25 gives it almost no weight) and, in an OR query,
# it would make almost every document a candidate. Small sites never drop anything.
COMMON_TERM_SHARE = 0.1
COMMON_TERM_MIN_DOCUMENTS = 2000
FREQUENCY_CACHE_SECONDS = 600


def _without_common_terms(terms: list[str]) -> list[str]:
    total = _document_count()
    if total < COMMON_TERM_MIN_DOCUMENTS or len(terms) < 2:
        return terms
    frequencies = _document_frequencies(terms)
    rare = [t for t in terms if frequencies.get(t, 0) <= total * COMMON_TERM_SHARE]
    return rare or terms


def _document_count() -> int:
    key = "portal_search:document_count"
    count = cache.get(key)
    if count is None:
        count = SearchDocument.objects.count()
        cache.set(key, count, FREQUENCY_CACHE_SECONDS)
    return count


def _document_frequencies(terms: list[str]) -> dict[str, int]:
    keys = {f"portal_search:df:{t}": t for t in terms}
    cached = cache.get_many(list(keys))
    found = {keys[k]: v for k, v in cached.items()}
    missing = [t for t in terms if t not in found]
    if missing:
        fresh = {t: _FulltextQuery([t]).document_count() for t in missing}
        cache.set_many(
            {f"portal_search:df:{t}": n for t, n in fresh.items()}, FREQUENCY_CACHE_SECONDS
        )
        found.update(fresh)
    return found


class Candidate(NamedTuple):
    """A matching document as ranking and facets need it: its rank and its facet columns."""

    pk: int
    score: float
    kind: str
    board: str
    language: str
    year: int | None
    themes: str  # space-padded slugs, as stored
    date: str  # ISO date, "" when undated: sorts after every date when newest come first

    def failed_filters(self, filters: SearchFilters) -> list[str]:
        return _failed_filters(
            filters, self.kind, self.board, self.language, self.year, self.themes
        )


def _failed_filters(filters: SearchFilters, kind, board, language, year, themes) -> list[str]:
    """The names of the filters that a document with these facet values does not pass."""
    return [
        name
        for name, passes in (
            ("kind", not filters.kind or kind == filters.kind),
            ("theme", not filters.theme or f" {filters.theme} " in themes),
            ("board", not filters.board or board == filters.board),
            ("language", not filters.language or language == filters.language),
            ("year", not filters.year or year == filters.year),
        )
        if not passes
    ]


def _facet_counts(candidates: list[Candidate], filters: SearchFilters) -> dict[str, Counter]:
    """Per facet, the counts of the candidates that pass every other filter.

    The candidates fall into few groups of equal facet values; each group is tallied once.
    """
    counters = {name: Counter() for name in FACETS}
    groups = Counter((c.kind, c.board, c.language, c.year, c.themes) for c in candidates)
    for (kind, board, language, year, themes), count in groups.items():
        failed = _failed_filters(filters, kind, board, language, year, themes)
        if len(failed) > 1:
            continue
        for name in failed or FACETS:
            if name == "theme":
                for slug in themes.split():
                    counters["theme"][slug] += count
            elif name == "kind":
                counters["kind"][kind] += count
            elif name == "board" and board:
                counters["board"][board] += count
            elif name == "language":
                counters["language"][language] += count
            elif name == "year" and year:
                counters["year"][year] += count
    return counters


# How many of the best matches a search looks at. Ranking, facets and the total cost in
# proportion to the matches they touch; a common word can match a sixth of a large site.
CANDIDATE_LIMIT = 1000


class _FulltextQuery:
    """The SQL of one search on the database's full-text index (see `fulltext`).

    The best matches are taken by the index's own rank before anything is joined or counted:
    on SQLite, FTS5's `ORDER BY rank LIMIT` over the FTS table alone (BM25, title weight 4);
    on PostgreSQL, a GIN index scan and `ts_rank` over the stored weighted vector. Only those
    rows are then joined to their facet columns.

    Terms are runs of letters or digits (see `analysis`), so quoting them cannot be escaped;
    they still travel as one bound parameter.
    """

    FACET_COLUMNS = "d.kind, d.board, d.language, d.year, d.themes, d.date"

    def __init__(self, terms: list[str]):
        self.postgres = connection.vendor == "postgresql"
        if self.postgres:
            self.match_params = [" | ".join(f"'{t}'" for t in terms)]
        else:
            self.match_params = [" OR ".join(f'"{t}"' for t in terms)]

    def _filters(self, filters: SearchFilters) -> tuple[list[str], list]:
        sql, params = [], []
        for condition, value in (
            ("d.kind = %s", filters.kind),
            ("d.themes LIKE %s", f"% {filters.theme} %" if filters.theme else ""),
            ("d.board = %s", filters.board),
            ("d.language = %s", filters.language),
            ("d.year = %s", filters.year),
        ):
            if value:
                sql.append(condition)
                params.append(value)
        return sql, params

    def _fetch(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def document_count(self) -> int:
        if self.postgres:
            sql = (
                f"SELECT count(*) FROM {fulltext.DOCUMENT_TABLE} "  # noqa: S608
                f"WHERE {fulltext.VECTOR_COLUMN} @@ to_tsquery('simple', %s)"
            )
        else:
            sql = f"SELECT count(*) FROM {fulltext.FTS_TABLE} WHERE {fulltext.FTS_TABLE} MATCH %s"  # noqa: S608
        return self._fetch(sql, self.match_params)[0][0]

    def candidates(self, filters: SearchFilters | None = None) -> tuple[list[Candidate], bool]:
        """The best matches (at most `CANDIDATE_LIMIT`), and whether there were more."""
        conditions, params = self._filters(filters or SearchFilters())
        where = "".join(f" AND {condition}" for condition in conditions)
        table, fts, vector = fulltext.DOCUMENT_TABLE, fulltext.FTS_TABLE, fulltext.VECTOR_COLUMN
        limit = CANDIDATE_LIMIT + 1
        if self.postgres:
            # The GIN index finds the matches; ranking them all means reading every matching
            # row, so only the first matches the index scan returns are ranked (storage
            # order: exact whenever there are at most CANDIDATE_LIMIT matches). Normalisation
            # 1 divides the rank by 1 + log(length of the document).
            sql = (
                f"SELECT c.id, ts_rank(c.{vector}, to_tsquery('simple', %s), 1) AS score, "  # noqa: S608
                f"{self.FACET_COLUMNS.replace('d.', 'c.')} FROM (SELECT * FROM {table} d "
                f"WHERE d.{vector} @@ to_tsquery('simple', %s){where} LIMIT %s) c "
                f"ORDER BY score DESC, c.id DESC"
            )
            params = [*self.match_params, *self.match_params, *params, limit]
        elif conditions:
            # The filters need the document's columns: join first, still in rank order.
            sql = (
                f"SELECT c.id, c.score, {self.FACET_COLUMNS} "  # noqa: S608
                f"FROM (SELECT f.rowid AS id, -f.rank AS score "
                f"FROM {fts} f JOIN {table} d ON d.id = f.rowid "
                f"WHERE {fts} MATCH %s AND f.rank MATCH %s{where} "
                f"ORDER BY f.rank LIMIT %s) c JOIN {table} d ON d.id = c.id"
            )
            params = [*self.match_params, BM25, *params, limit]
        else:
            sql = (
                f"SELECT c.id, c.score, {self.FACET_COLUMNS} "  # noqa: S608
                f"FROM (SELECT rowid AS id, -rank AS score "
                f"FROM {fts} WHERE {fts} MATCH %s AND rank MATCH %s "
                f"ORDER BY rank LIMIT %s) c JOIN {table} d ON d.id = c.id"
            )
            params = [*self.match_params, BM25, limit]
        rows = self._fetch(sql, params)
        candidates = [
            Candidate(
                pk=pk,
                score=float(score),
                kind=kind,
                board=board,
                language=language,
                year=year,
                themes=themes,
                date=str(date) if date else "",
            )
            for pk, score, kind, board, language, year, themes, date in rows
        ]
        return candidates[:CANDIDATE_LIMIT], len(candidates) > CANDIDATE_LIMIT


def _facet_values(counters, filters: SearchFilters, language: str) -> dict:
    labels = {"kind": search_kinds(), "language": dict(_languages())}
    for name in ("board", "theme"):
        if counters[name]:
            labels[name] = facet_labels(name, list(counters[name]), language=language)
    facets = {}
    for name in FACETS:
        counter = counters[name]
        if name == "year":
            items = sorted(counter.items(), reverse=True)
        else:
            items = sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))
        current = getattr(filters, name)
        facets[name] = [
            FacetValue(
                value=str(value),
                label=str(labels.get(name, {}).get(value, value)),
                count=count,
                selected=str(value) == str(current) if current else False,
            )
            for value, count in items
        ]
    return facets


def _languages():
    return settings.LANGUAGES


class Highlighter:
    """Marks the words of a text that the query matched, in a window around the best part."""

    def __init__(self, query: str, terms: list[str], *, width: int = 220):
        self.width = width
        patterns = set()
        for word in WORD.findall(normalise(query[:200])):
            if len(word) >= 2 or HANGUL.match(word):
                patterns.add(re.escape(word))
        for term in terms:
            if HANGUL.match(term):
                patterns.add(re.escape(term))
            elif term.isdigit():
                patterns.add(rf"(?<!\d){re.escape(term)}(?!\d)")
            elif len(term) >= 2:
                # A stem marks the whole word it starts: "restor" marks "restored".
                patterns.add(rf"\b{re.escape(term)}\w*")
        ordered = sorted(patterns, key=len, reverse=True)
        self.pattern = re.compile("|".join(ordered), re.IGNORECASE) if ordered else None

    def snippet(self, text: str) -> SafeString:
        text = " ".join(text.split())
        if not text:
            return mark_safe("")
        matches = list(self.pattern.finditer(text)) if self.pattern else []
        start = 0
        if matches:
            best = max(
                matches,
                key=lambda m: len(
                    {
                        x.group().lower()
                        for x in matches
                        if m.start() <= x.start() < m.start() + self.width
                    }
                ),
            )
            start = max(0, best.start() - self.width // 4)
            if start:
                space = text.find(" ", start)
                start = space + 1 if 0 <= space < best.start() else start
        end = min(len(text), start + self.width)
        parts, cursor = [], start
        for m in matches:
            if m.start() < start or m.end() > end:
                continue
            parts.append(escape(text[cursor : m.start()]))
            parts.append(f"<mark>{escape(m.group())}</mark>")
            cursor = m.end()
        parts.append(escape(text[cursor:end]))
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(text) else ""
        return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - every part escaped


POPULAR_SEARCH_DAYS = 30


def popular_searches(*, language: str, days: int = POPULAR_SEARCH_DAYS, limit: int = 8):
    """Queries that many different visitors searched lately and that found something, except
    those editors hid.

    A query counts once per visitor a day (`services.record_search`), so one visitor searching
    over and over cannot put it in front of every reader; `SEARCH_POPULAR_MIN_VISITORS` keeps
    out one-offs, which is also what keeps a query somebody typed about themselves off the
    public page.
    """
    since = timezone.localdate() - datetime.timedelta(days=days)
    hidden = SearchTerm.objects.filter(language=language, hidden=True).values("query")
    return list(
        SearchQueryDay.objects.filter(day__gte=since, language=language)
        .exclude(query__in=hidden)
        .values("query")
        .annotate(people=Sum("visitors"), total=Sum("searches"), missed=Sum("misses"))
        .filter(people__gte=settings.SEARCH_POPULAR_MIN_VISITORS, total__gt=F("missed"))
        .order_by("-people", "-total", "query")
        .values_list("query", flat=True)[:limit]
    )


def search_terms_for_moderation(*, days: int = POPULAR_SEARCH_DAYS):
    """The queries searched lately that found something, with how many visitors searched
    them and whether editors hid them, most visitors first: what editors review."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    rows = list(
        SearchQueryDay.objects.filter(day__gte=since)
        .values("query", "language")
        .annotate(visitors=Sum("visitors"), searches=Sum("searches"), missed=Sum("misses"))
        .filter(visitors__gt=0, searches__gt=F("missed"))
        .order_by("-visitors", "-searches", "query")
    )
    hidden = set(SearchTerm.objects.filter(hidden=True).values_list("language", "query"))
    for row in rows:
        row["hidden"] = (row["language"], row["query"]) in hidden
        row["popular"] = (
            not row["hidden"] and row["visitors"] >= settings.SEARCH_POPULAR_MIN_VISITORS
        )
    return rows


def top_failed_searches(*, days: int = 90, language: str = ""):
    """Queries that found nothing most often lately, for editors."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    rows = SearchQueryDay.objects.filter(day__gte=since, misses__gt=0)
    if language:
        rows = rows.filter(language=language)
    return (
        rows.values("query", "language")
        .annotate(misses=Sum("misses"), searches=Sum("searches"))
        .order_by("-misses", "query")
    )


def facet_labels(facet: str, values: list[str], *, language: str) -> dict[str, str]:
    """Labels of a facet's values, as the content types that know them give them (a board's
    name, a theme's name in the reader's language); a value nobody labels shows as itself."""
    labels = {}
    for model in search_models():
        for value, label in model.search_facet_labels(facet, values, language=language).items():
            labels.setdefault(value, label)
    return labels


def search_shortcuts(*, language: str):
    """Links offered on the empty search page (popular themes), as content types give them."""
    return [
        shortcut
        for model in search_models()
        for shortcut in model.search_shortcuts(language=language)
    ]
