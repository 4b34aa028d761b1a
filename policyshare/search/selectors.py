"""Reads of the search: results with facets and snippets, popular and failed searches."""

from __future__ import annotations

import datetime
import functools
import math
import re
import time
import unicodedata
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
from django.utils.translation import get_language_info

from policyshare.core.content.search import search_kind_weights, search_kinds, search_models
from policyshare.core.languages import fallback_chain, fallback_order, is_rtl, with_language_prefix

from . import fulltext, semantic, synonyms
from .analysis import MAX_QUERY_CHARS, WORD, get_analyser, latin_terms, normalise
from .models import SearchDocument, SearchQueryDay, SearchTerm

RESULTS_PER_PAGE = 10
MAX_PAGE = 1000
# Title matches weigh this much more than body matches, summary matches this much (SQLite
# BM25 column weights; the PostgreSQL vector gives the title weight A (1.0), the summary B
# (0.4), the body C (0.2) and attached documents D (0.1): the same proportions).
TITLE_WEIGHT = 4.0
SUMMARY_WEIGHT = 2.0
DOCUMENTS_WEIGHT = 0.5
# FTS5's rank function with those weights (columns: analysed title, summary, body, documents).
BM25 = f"bm25({TITLE_WEIGHT}, {SUMMARY_WEIGHT}, 1.0, {DOCUMENTS_WEIGHT})"
# When otherwise close, results come in the reader's fallback chain
# (`policyshare.core.languages.fallback_chain`): the reader's language, then English, then
# Korean, then the others.
LANGUAGE_BOOSTS = (1.15, 1.07, 1.03)
# Freshness: a result dated today weighs up to this much more (×1.2), half as much more
# after every FRESHNESS_HALF_LIFE_DAYS; undated results get nothing. It breaks near-ties in
# favour of the newer; a content type's weight (`SearchKind.weight`) counts for more.
FRESHNESS_BOOST = 0.2
FRESHNESS_HALF_LIFE_DAYS = 730
FACETS = ("kind", "theme", "board", "language", "year")
ANALYSED_COLUMNS = ("analysed_title", "analysed_summary", "analysed_body", "analysed_documents")
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
    language: str = ""  # the label's language when it is content, not interface


@dataclass
class SearchHit:
    """One result: the version of a translation group shown to the reader."""

    document: SearchDocument
    score: float
    snippet: SafeString
    other_language: bool
    # The reader's language: a result in another language is linked under its prefix.
    reader_language: str = ""

    @property
    def language(self) -> str:
        return self.document.language

    @property
    def reader_url(self) -> str:
        """The result's address as the lists link it (`reader_link` in `core.templatetags.
        portal_tags`): a version in another language under the reader's prefix (`/fr/…`),
        where the router shows it with a notice and the reader keeps their interface."""
        url = self.document.url
        if not self.other_language or not self.reader_language:
            return url
        return with_language_prefix(url, self.document.language, self.reader_language) or url

    @property
    def language_name(self) -> str:
        """The result's language in the reader's language ("Korean", "한국어" …)."""
        try:
            return str(get_language_info(self.document.language)["name_translated"])
        except KeyError:
            return self.document.language

    @property
    def direction(self) -> str:
        return "rtl" if is_rtl(self.document.language) else "ltr"


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

    One result per translation group: of the versions of an item that match (and pass the
    filters), the one in the reader's `language` is shown, else the first in the fallback
    order (`core.languages.fallback_order`: the reader's language, then English, then
    Korean); a result in another language is marked as such. The total, the pages and the
    facet counts count groups, not versions. Facet counts for one facet apply every other
    filter.

    At most `CANDIDATE_LIMIT` matches are looked at (see `_FulltextQuery.candidates`): when a
    query matches more, the total and the facet counts are lower bounds (`total_exact` and
    `facets_exact` are false) and sorting by date orders those candidates.
    """
    filters = filters or SearchFilters()
    sort = sort if sort in SORTS else "relevance"
    page = min(max(1, page), MAX_PAGE)
    # Analysed as the reader's language, then widened with the editors' synonyms.
    terms = synonyms.expand(get_analyser().query_terms(query, language), language)
    outcome = SearchOutcome(
        query=query, terms=terms, total=0, hits=[], page=page, sort=sort, per_page=per_page
    )
    if not terms:
        return outcome
    # The semantic side (the query's embedding, the dot product) runs in a helper thread
    # while this one runs the lexical query (`semantic.start_matching`); None with words only.
    meaning = semantic.start_matching(query)
    fulltext_query = _FulltextQuery(_without_common_terms(terms))
    candidates, capped = fulltext_query.candidates()
    # Semantic matches join the lexical ones (`semantic.fuse`); `_ranked` fuses the rankings.
    if meaning is not None:
        candidates = semantic.fuse(query, candidates, language=language, meaning=meaning)
    matching, filtered_capped = candidates, capped
    if filters.active() and capped:
        # The filter may select matches beyond the candidates: ask the database again with it.
        matching, filtered_capped = fulltext_query.candidates(filters)
        if meaning is not None:
            matching = semantic.fuse(
                query, matching, filters=filters, language=language, meaning=meaning
            )
    elif filters.active():
        matching = [c for c in candidates if not c.failed_filters(filters)]
    ranked = _ranked(matching, sort=sort, language=language)
    outcome.total, outcome.total_exact = len(ranked), not filtered_capped
    outcome.facets_exact = not capped
    outcome.page = page = min(page, outcome.num_pages)
    ranked = ranked[(page - 1) * per_page : page * per_page]
    # The page of results needs the plain text, not the analysed columns (with attached
    # documents, the largest of a row).
    documents = SearchDocument.objects.defer(*ANALYSED_COLUMNS).in_bulk(
        [c.pk for c, _score in ranked]
    )
    highlighter = Highlighter(query, terms, language=language)
    outcome.hits = [
        SearchHit(
            document=documents[c.pk],
            score=round(score, 4),
            snippet=highlighter.snippet(documents[c.pk].text),
            other_language=bool(language) and documents[c.pk].language != language,
            reader_language=language,
        )
        for c, score in ranked
        if c.pk in documents
    ]
    outcome.facets = _facet_values(_facet_counts(candidates, filters), filters, language)
    return outcome


def language_boosts(language: str) -> dict[str, float]:
    """How much a result in each language of the reader's fallback chain weighs more."""
    if not language:
        return {}
    return dict(zip(fallback_chain(language), LANGUAGE_BOOSTS, strict=False))


def _ranked(candidates, *, sort: str, language: str) -> list[tuple[Candidate, float]]:
    """One (version, score) per translation group, best first (or newest first).

    A version's lexical relevance is the database's rank times its kind's weight and its
    freshness; a group's is that of its best version times the language boost of the version
    the reader is shown. When semantic search found some of the candidates, the groups are
    ranked by fusing that lexical ranking of groups with the semantic one
    (`semantic.fuse_groups`), and the lexical relevance only breaks ties.
    """
    weights = search_kind_weights()
    boosts = language_boosts(language)
    today = timezone.localdate()
    preference = {code: n for n, code in enumerate(fallback_order(language))}
    groups: dict[str, list[tuple[Candidate, float]]] = {}
    freshness: dict[str, float] = {}
    for c in candidates:
        if c.date not in freshness:
            freshness[c.date] = _freshness(c.date, today)
        score = c.score * weights.get(c.kind, 1.0) * freshness[c.date]
        groups.setdefault(c.group, []).append((c, score))
    shown_versions, lexical, similarity, coverage, foreign = {}, {}, {}, {}, set()
    for group, versions in groups.items():
        if len(versions) == 1:  # most groups: one version matched (the same as below, faster)
            shown, best = versions[0]
            shown_versions[group] = shown
            lexical[group] = best * boosts.get(shown.language, 1.0)
            if shown.similarity is not None:
                similarity[group] = shown.similarity
            if shown.coverage is not None:
                coverage[group] = shown.coverage
            if language and shown.language != language:
                foreign.add(group)
            continue
        best = max(score for _c, score in versions)
        shown, _score = min(
            versions, key=lambda v: (preference.get(v[0].language, len(preference)), -v[1])
        )
        shown_versions[group] = shown
        lexical[group] = best * boosts.get(shown.language, 1.0)
        similarities = [c.similarity for c, _score in versions if c.similarity is not None]
        if similarities:
            similarity[group] = max(similarities)
        coverages = [c.coverage for c, _score in versions if c.coverage is not None]
        if coverages:
            coverage[group] = max(coverages)
        if language and all(c.language != language for c, _score in versions):
            foreign.add(group)
    final = (
        semantic.fuse_groups(lexical, similarity, frozenset(foreign), coverage or None)
        if similarity
        else lexical
    )
    scored = [(shown_versions[group], final.get(group, 0.0)) for group in groups]
    if sort == "date":
        # Newest first, undated last; then by score, then the newest document.
        scored.sort(key=lambda item: (item[0].date, item[1], item[0].pk), reverse=True)
    else:
        scored.sort(key=lambda item: (item[1], lexical[item[0].group], item[0].pk), reverse=True)
    return scored


def _freshness(date: str, today: datetime.date) -> float:
    if not date:
        return 1.0
    age = max(0, (today - datetime.date.fromisoformat(date)).days)
    return 1.0 + FRESHNESS_BOOST * 0.5 ** (age / FRESHNESS_HALF_LIFE_DAYS)


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


# Document frequencies are also remembered in each process (term → (expiry, count)), for as
# long as in the shared cache, and at most this many terms. A count costs a full-text query
# (10-40 ms of PostgreSQL's CPU for a common term at 100,000 documents), and the shared cache
# may not keep it: without Redis it is a per-process LocMemCache of 300 entries, which a few
# hundred different queries fill (bench/search/profile_stages.py: 11 ms of CPU at p50 and 37
# ms at p95 per search on PostgreSQL at 100k, before this memo).
FREQUENCY_MEMO_TERMS = 20_000
_frequency_memo: dict[str, tuple[float, int]] = {}


def _document_frequencies(terms: list[str]) -> dict[str, int]:
    now = time.monotonic()
    found = {}
    for t in terms:
        memo = _frequency_memo.get(t)
        if memo is not None and memo[0] > now:
            found[t] = memo[1]
    keys = {f"portal_search:df:{t}": t for t in terms if t not in found}
    if keys:
        found.update({keys[k]: v for k, v in cache.get_many(list(keys)).items()})
    missing = [t for t in terms if t not in found]
    if missing:
        fresh = {t: _FulltextQuery([t]).document_count() for t in missing}
        cache.set_many(
            {f"portal_search:df:{t}": n for t, n in fresh.items()}, FREQUENCY_CACHE_SECONDS
        )
        found.update(fresh)
    if len(_frequency_memo) > FREQUENCY_MEMO_TERMS:
        _frequency_memo.clear()
    expires = now + FREQUENCY_CACHE_SECONDS
    for t in keys.values():  # those read from the shared cache or counted now
        if t in found:
            _frequency_memo[t] = (expires, found[t])
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
    group: str  # the translation group ("#<pk>" for a document without translations)
    # The cosine of the query's vector and the document's, when semantic search found it
    # (`semantic.fuse`); a match by meaning only has score 0. It and `coverage` stay the last
    # two fields: `semantic.fuse` sets them by position.
    similarity: float | None = None
    # The share of the query's words the document contains, for the best lexical candidates
    # when semantic search is on (`semantic.fuse`): a strong match has them all.
    coverage: float | None = None

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
    """Per facet, how many translation groups have a candidate with each value that passes
    every other filter: the number of results selecting that value would give.

    The candidates fall into few sets of equal facet values; each set is checked once.
    """
    found = {name: {} for name in FACETS}  # facet -> value -> groups
    by_values: dict[tuple, set[str]] = {}
    for c in candidates:
        by_values.setdefault((c.kind, c.board, c.language, c.year, c.themes), set()).add(c.group)
    for (kind, board, language, year, themes), groups in by_values.items():
        failed = _failed_filters(filters, kind, board, language, year, themes)
        if len(failed) > 1:
            continue
        for name in failed or FACETS:
            if name == "theme":
                for slug in themes.split():
                    found["theme"].setdefault(slug, set()).update(groups)
            elif name == "kind":
                found["kind"].setdefault(kind, set()).update(groups)
            elif name == "board" and board:
                found["board"].setdefault(board, set()).update(groups)
            elif name == "language":
                found["language"].setdefault(language, set()).update(groups)
            elif name == "year" and year:
                found["year"].setdefault(year, set()).update(groups)
    return {
        name: Counter({value: len(groups) for value, groups in values.items()})
        for name, values in found.items()
    }


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

    FACET_COLUMNS = "d.kind, d.board, d.language, d.year, d.themes, d.date, d.translation_group"

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
                group=group or f"#{pk}",
            )
            for pk, score, kind, board, language, year, themes, date, group in rows
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
                language=getattr(labels.get(name, {}).get(value), "language", ""),
                count=count,
                selected=str(value) == str(current) if current else False,
            )
            for value, count in items
        ]
    return facets


def _languages():
    return settings.LANGUAGES


# Hangul, and scripts written without spaces between words (Han, kana, Thai): a query term is
# marked wherever it occurs in a word (서울시 in 서울시는, 자전거 in 공공자전거). In every other
# script only whole words are marked, and only those whose analysis is a query term ("de"
# never inside "recorded"; "restoration" marks "restored").
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_UNSPACED = re.compile(
    r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3]"
)
# A snippet's cut moves back (or forward) at most this far to fall between two words.
_WORD_CUT_REACH = 40


@functools.lru_cache(maxsize=8192)
def _word_terms(word: str, language: str = "") -> frozenset[str]:
    """The terms of one word of a spaced script (lower-cased, accents removed), as the
    reader's language and as English analyse it (a French reader's query is also looked up
    as English, `languages.latin_language`)."""
    return frozenset(latin_terms(word, language)) | frozenset(latin_terms(word, "en"))


class Highlighter:
    """Marks the words of a text that the query matched, in a window around the best part.

    The snippet is text only: HTML-escaped, with `<mark>` around the matches; it is cut
    between words (in unspaced scripts, between characters, never inside a grapheme).
    """

    def __init__(self, query: str, terms: list[str], *, width: int = 220, language: str = ""):
        self.width = width
        self.language = language
        self.terms = frozenset(t for t in terms if not _UNSPACED.search(t))
        # The first letters of the terms: a word that starts otherwise cannot match, and
        # need not be analysed.
        prefixes = sorted({re.escape(t[:2]) for t in self.terms if not t.isdigit()})
        numbers = sorted(re.escape(t) for t in self.terms if t.isdigit())
        alternatives = []
        if prefixes:  # a run of letters (as `analysis.WORD` cuts words) starting like a term
            alternatives.append(rf"(?<![^\W\d_])(?:{'|'.join(prefixes)})[^\W\d_]*")
        if numbers:
            alternatives.append(rf"(?<!\d)(?:{'|'.join(numbers)})(?!\d)")
        if any(_ARABIC_LETTER.search(t) for t in self.terms):
            # Arabic terms are stems without the article or other prefixes (الحافلات gives
            # حافل): every Arabic word is a candidate, and its analysis decides.
            alternatives.append(r"[\u0621-\u064a\u0671-\u06d3]+")
        self.candidates = re.compile("|".join(alternatives)) if alternatives else None
        unspaced = {t for t in terms if _UNSPACED.search(t)}
        for word in WORD.findall(normalise(query[:MAX_QUERY_CHARS])):
            if _UNSPACED.search(word):
                unspaced.add(word)
        ordered = sorted((re.escape(t) for t in unspaced), key=len, reverse=True)
        self.inside = re.compile("|".join(ordered), re.IGNORECASE) if ordered else None

    def matches(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each marked span of `text`, in order."""
        folded = normalise(text)
        if len(folded) != len(text):  # decomposed accents, ligatures: fold word by word
            return self._matches_by_word(text)
        spans = []
        if self.candidates:
            # Only the words that start like a term are analysed.
            for m in self.candidates.finditer(folded):
                word = m.group()
                if word.isdigit() or (
                    not _UNSPACED.search(word) and _word_terms(word, self.language) & self.terms
                ):
                    spans.append(m.span())
        if self.inside:
            spans.extend(m.span() for m in self.inside.finditer(folded))
        return sorted(spans)

    def _matches_by_word(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for m in WORD.finditer(text):
            word = m.group()
            if _UNSPACED.search(word):
                if self.inside:
                    spans.extend(
                        (m.start() + x.start(), m.start() + x.end())
                        for x in self.inside.finditer(word)
                    )
                continue
            if word.isdigit():
                if word in self.terms:
                    spans.append(m.span())
            elif _word_terms(normalise(word), self.language) & self.terms:
                spans.append(m.span())
        return spans

    def snippet(self, text: str) -> SafeString:
        text = " ".join(text.split())
        if not text:
            return mark_safe("")
        matches = self.matches(text) if (self.candidates or self.inside) else []
        start = 0
        if matches:
            best = max(
                matches,
                key=lambda m: len(
                    {text[x[0] : x[1]].lower() for x in matches if m[0] <= x[0] < m[0] + self.width}
                ),
            )
            start = _cut_start(text, max(0, best[0] - self.width // 4), limit=best[0])
        end = _cut_end(text, min(len(text), start + self.width), limit=start)
        parts, cursor = [], start
        for m_start, m_end in matches:
            if m_start < start or m_end > end:
                continue
            parts.append(escape(text[cursor:m_start]))
            parts.append(f"<mark>{escape(text[m_start:m_end])}</mark>")
            cursor = m_end
        parts.append(escape(text[cursor:end]))
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(text) else ""
        return mark_safe(prefix + "".join(parts).strip() + suffix)  # noqa: S308 - every part escaped


def _cut_start(text: str, start: int, *, limit: int) -> int:
    """`start` moved forward to the start of a word (no further than `limit`), or at least
    to the start of a grapheme."""
    if start <= 0:
        return 0
    if not text[start - 1].isspace():
        space = text.find(" ", start, min(limit, start + _WORD_CUT_REACH))
        if space >= 0:
            return space + 1
    while start < limit and _continues_grapheme(text, start):
        start += 1
    return start


def _cut_end(text: str, end: int, *, limit: int) -> int:
    """`end` moved back to the end of a word, or at least to the end of a grapheme."""
    if end >= len(text):
        return len(text)
    if not text[end].isspace():
        space = text.rfind(" ", max(limit, end - _WORD_CUT_REACH), end)
        if space > limit:
            return space
    while end > limit and _continues_grapheme(text, end):
        end -= 1
    return end


def _continues_grapheme(text: str, i: int) -> bool:
    """Whether text[i] belongs to the grapheme of text[i - 1]: a cut before it would break
    a character (a combining accent, an emoji sequence, a flag, conjoining Hangul jamo)."""
    if i <= 0 or i >= len(text):
        return False
    code = ord(text[i])
    previous = ord(text[i - 1])
    if unicodedata.category(text[i]) in ("Mn", "Mc", "Me"):
        return True
    if code == 0x200D or previous == 0x200D:  # zero-width joiner
        return True
    if 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:
        return True  # variation selectors, skin tones, tag characters
    if 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:
        return True  # a Hangul vowel or final consonant jamo after its syllable's start
    if 0x1F1E6 <= code <= 0x1F1FF:  # regional indicators pair up into flags
        run = 0
        while i - run - 1 >= 0 and 0x1F1E6 <= ord(text[i - run - 1]) <= 0x1F1FF:
            run += 1
        return run % 2 == 1
    return False


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
