"""Reads of the search: results with facets and snippets, popular and failed searches."""

from __future__ import annotations

import datetime
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from policyshare.boards.models import BoardKind
from policyshare.policies.models import Theme

from . import fulltext
from .analysis import HANGUL, WORD, get_analyser, normalise
from .models import DocumentKind, SearchDocument, SearchQueryDay

RESULTS_PER_PAGE = 10
MAX_PAGE = 1000
# Title matches weigh this much more than body matches (SQLite BM25 column weights; the
# PostgreSQL vector gives the title weight A and the body weight B).
TITLE_WEIGHT = 4.0
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
    fulltext_query = _FulltextQuery(_without_common_terms(terms), language=language)
    counters, outcome.total = fulltext_query.counts(filters)
    outcome.page = page = min(page, outcome.num_pages)
    ranked = fulltext_query.page(filters, sort=sort, offset=(page - 1) * per_page, limit=per_page)
    documents = SearchDocument.objects.in_bulk([pk for pk, _score in ranked])
    highlighter = Highlighter(query, terms)
    outcome.hits = [
        SearchHit(
            document=documents[pk],
            score=round(score, 4),
            snippet=highlighter.snippet(documents[pk].text),
            other_language=bool(language) and documents[pk].language != language,
        )
        for pk, score in ranked
        if pk in documents
    ]
    outcome.facets = _facet_values(counters, filters, language)
    return outcome


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


class _FulltextQuery:
    """The SQL of one search on the database's full-text index (see `fulltext`).

    Terms are runs of letters or digits (see `analysis`), so quoting them cannot be escaped;
    they still travel as one bound parameter.
    """

    def __init__(self, terms: list[str], *, language: str = ""):
        self.language = language
        table, fts = fulltext.DOCUMENT_TABLE, fulltext.FTS_TABLE
        if connection.vendor == "postgresql":
            self.source = f"{table} d"
            self.match = f"d.{fulltext.VECTOR_COLUMN} @@ to_tsquery('simple', %s)"
            self.match_params = [" | ".join(f"'{t}'" for t in terms)]
            self.rank = f"ts_rank(d.{fulltext.VECTOR_COLUMN}, to_tsquery('simple', %s), 1)"
            self.rank_params = list(self.match_params)
        else:
            self.source = f"{fts} f JOIN {table} d ON d.id = f.rowid"
            self.match = f"{fts} MATCH %s"
            self.match_params = [" OR ".join(f'"{t}"' for t in terms)]
            self.rank = f"-bm25({fts}, {TITLE_WEIGHT}, 1.0)"
            self.rank_params = []

    def _filters(self, filters: SearchFilters) -> dict[str, tuple[str, list]]:
        conditions = {}
        if filters.kind:
            conditions["kind"] = ("d.kind = %s", [filters.kind])
        if filters.theme:
            conditions["theme"] = ("d.themes LIKE %s", [f"% {filters.theme} %"])
        if filters.board:
            conditions["board"] = ("d.board = %s", [filters.board])
        if filters.language:
            conditions["language"] = ("d.language = %s", [filters.language])
        if filters.year:
            conditions["year"] = ("d.year = %s", [filters.year])
        return conditions

    def _where(self, conditions) -> tuple[str, list]:
        sql, params = [self.match], list(self.match_params)
        for condition, condition_params in conditions:
            sql.append(condition)
            params.extend(condition_params)
        return " AND ".join(sql), params

    def _fetch(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def document_count(self) -> int:
        where, params = self._where([])
        return self._fetch(f"SELECT count(*) FROM {self.source} WHERE {where}", params)[0][0]  # noqa: S608

    def page(self, filters, *, sort, offset, limit) -> list[tuple[int, float]]:
        where, params = self._where(self._filters(filters).values())
        score, score_params = self.rank, list(self.rank_params)
        if self.language:
            score = f"({score}) * (CASE WHEN d.language = %s THEN {SAME_LANGUAGE_BOOST} ELSE 1 END)"
            score_params.append(self.language)
        order = "score DESC, d.id DESC"
        if sort == "date":
            order = "d.date IS NULL, d.date DESC, " + order
        rows = self._fetch(
            f"SELECT d.id, {score} AS score FROM {self.source} WHERE {where} "  # noqa: S608
            f"ORDER BY {order} LIMIT %s OFFSET %s",
            [*score_params, *params, limit, offset],
        )
        return [(pk, float(value)) for pk, value in rows]

    def counts(self, filters: SearchFilters) -> tuple[dict[str, Counter], int]:
        """Per facet, the counts under every other filter; and the total under all of them.

        One pass over the matches, grouped by every facet column at once; the groups are few
        (kinds by boards by languages by years by theme sets), and are tallied here.
        """
        where, params = self._where([])
        groups = self._fetch(
            f"SELECT d.kind, d.board, d.language, d.year, d.themes, count(*) "  # noqa: S608
            f"FROM {self.source} WHERE {where} "
            f"GROUP BY d.kind, d.board, d.language, d.year, d.themes",
            params,
        )
        counters = {name: Counter() for name in FACETS}
        total = 0
        for kind, board, language, year, themes, count in groups:
            slugs = themes.split()
            failed = [
                name
                for name, passes in (
                    ("kind", not filters.kind or kind == filters.kind),
                    ("theme", not filters.theme or filters.theme in slugs),
                    ("board", not filters.board or board == filters.board),
                    ("language", not filters.language or language == filters.language),
                    ("year", not filters.year or year == filters.year),
                )
                if not passes
            ]
            if len(failed) > 1:
                continue
            if not failed:
                total += count
            for name in failed or FACETS:
                if name == "theme":
                    for slug in slugs:
                        counters["theme"][slug] += count
                elif name == "kind":
                    counters["kind"][kind] += count
                elif name == "board" and board:
                    counters["board"][board] += count
                elif name == "language":
                    counters["language"][language] += count
                elif name == "year" and year:
                    counters["year"][year] += count
        return counters, total


def _facet_values(counters, filters: SearchFilters, language: str) -> dict:
    language_names = dict(_languages())
    theme_names = {}
    if counters["theme"]:
        for theme in Theme.objects.filter(slug__in=list(counters["theme"])).select_related(
            "locale"
        ):
            # The reader's language wins; any other name will do when there is none.
            if theme.slug not in theme_names or theme.locale.language_code == language:
                theme_names[theme.slug] = theme.name
    labels = {
        "kind": dict(DocumentKind.choices),
        "board": dict(BoardKind.choices),
        "language": language_names,
        "theme": theme_names,
    }
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


def popular_searches(*, language: str, days: int = 30, limit: int = 8, minimum: int = 3):
    """Queries often searched lately that found something. `minimum` keeps out one-offs,
    which is also what keeps a query somebody typed about themselves off the public page."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    return list(
        SearchQueryDay.objects.filter(day__gte=since, language=language)
        .values("query")
        .annotate(total=Sum("searches"), missed=Sum("misses"))
        .filter(total__gte=minimum, total__gt=F("missed"))
        .order_by("-total", "query")
        .values_list("query", flat=True)[:limit]
    )


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


def popular_themes(*, language: str):
    return Theme.objects.filter(locale__language_code=language, is_popular=True)
