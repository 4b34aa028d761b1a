"""Relevance and speed of the portal search, against stock Wagtail search as the baseline.

    .venv/bin/python bench/search/run.py [--sizes 1000,10000,100000] [--databases sqlite,postgres]

`--sizes` and `--databases` default to BENCH_SEARCH_SIZES and BENCH_SEARCH_DATABASES from the
environment (then 1000,10000,100000 and sqlite,postgres): `make bench-search
BENCH_SEARCH_SIZES=1000` stays fast, `BENCH_SEARCH_SIZES=1000,10000,100000` measures the targets.

Each database runs in its own process on a throwaway database (a temporary SQLite file;
PostgreSQL database `bench_search` on BENCH_POSTGRES_URL, default
postgres://postgres@127.0.0.1:5432/bench_search, dropped and created again).

Retrievers (`RETRIEVERS`): name → callable(query, reader_language) → ranked page ids (best
first; None for a result that is no page). `stock` is Wagtail's own database search, `lexical`
is `policyshare.search.selectors.search_documents` with semantic search off, `semantic` and
`fused` call `SEMANTIC_MODULE` (`semantic_adapter.py` here, over `policyshare.search.semantic`;
it turns semantic search on for its own calls), which must provide:

    semantic_search(query: str, *, language: str, limit: int) -> list[int]
        Page ids by exact dot product of the query's embedding with the stored vectors, best
        first. `language` is the reader's language (`hl`).
    fused_search(query: str, *, language: str, limit: int) -> list[int]
        The same for lexical and semantic results fused by reciprocal-rank fusion.

and may provide:

    rebuild_vectors() -> object
        Embed every search document that has no (current) vector yet. The benchmark calls it
        after creating the judged pages and after each batch of synthetic documents, and times
        it as the embedding part of the index build. Without it, vectors are assumed to be
        written when pages are published.
    load_encoder() -> object
        Load the sentence encoder (the memory figure calls it; without it, one
        `semantic_search` loads the encoder).

A retriever that cannot run (module or function missing, or an error) is reported as
"not available: <reason>" for every class; the others still run.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/bench_search"
# The adapter from page ids to the portal's semantic search (bench/search/semantic_adapter.py).
SEMANTIC_MODULE = "semantic_adapter"
RESULTS = 10
DEFAULT_SIZES = "1000,10000,100000"
DEFAULT_DATABASES = "sqlite,postgres"

# Targets of issue 16 (printed as PASS/FAIL next to the figures).
RECALL_TARGET = 0.9  # fused recall@10, every class
P95_TARGET_MS = 50.0  # fused search, query embedding included, at TARGET_SIZE documents
BUILD_TARGET_S = 30 * 60  # index build, embedding included, for TARGET_SIZE documents
RSS_TARGET_MB = 400.0  # one app process with the analyser and the encoder loaded
# The searches made before the memory figure (as bench/load/worker_memory.py makes them).
MEMORY_QUERIES = [
    "청계천",
    "따릉이",
    "교통 안전",
    "도시재생을 추진했다",
    "Seoul",
    "bicycle",
    "housing",
]
TARGET_SIZE = 100_000


# --- Metrics -----------------------------------------------------------------------------
# `ranked` holds judged keys: the versions of one translation group share a key, and only a
# key's first appearance gains anything (a repeat is a wasted place, not a second answer).


def ndcg_at_10(ranked: list[str], grades: dict[str, int]) -> float:
    seen: set[str] = set()
    dcg = 0.0
    for i, key in enumerate(ranked[:10]):
        if key not in seen:
            seen.add(key)
            dcg += grades.get(key, 0) / math.log2(i + 2)
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at_10(ranked: list[str], grades: dict[str, int]) -> float:
    relevant = {k for k, g in grades.items() if g > 0}
    return len(relevant & set(ranked[:10])) / min(len(relevant), 10) if relevant else 0.0


def reciprocal_rank(ranked: list[str], grades: dict[str, int]) -> float:
    for i, key in enumerate(ranked):
        if grades.get(key, 0) > 0:
            return 1 / (i + 1)
    return 0.0


def duplicates_at_10(groups: list[str | None]) -> int:
    """Results in the top 10 whose translation group (translation_key) came earlier; None
    (a result that is no page) is never a duplicate."""
    seen: set[str] = set()
    duplicates = 0
    for group in groups[:10]:
        if group is None:
            continue
        if group in seen:
            duplicates += 1
        seen.add(group)
    return duplicates


def other_language_at_10(
    languages: list[str | None], groups: list[str | None], reader_language: str, group_languages
) -> int:
    """Results in the top 10 shown in another language than the reader's although their
    translation group has a live version in the reader's language."""
    return sum(
        1
        for language, group in zip(languages[:10], groups[:10], strict=True)
        if language
        and language != reader_language
        and reader_language in group_languages.get(group, ())
    )


def query_metrics(
    ranked: list[str], grades: dict[str, int], groups: list[str | None], other_language: int = 0
) -> dict:
    return {
        "ndcg": ndcg_at_10(ranked, grades),
        "recall": recall_at_10(ranked, grades),
        "mrr": reciprocal_rank(ranked, grades),
        "dup": duplicates_at_10(groups),
        "lang": other_language,
    }


METRICS = ("ndcg", "recall", "mrr", "dup", "lang")


def aggregate(rows: list[tuple[str, dict]], classes: list[str]) -> dict:
    """Per class, the mean of each metric over its queries (`dup`: duplicates@10 and `lang`:
    other-language@10, per query)."""
    by_class: dict[str, list[dict]] = {}
    for name, metrics in rows:
        by_class.setdefault(name, []).append(metrics)
    return {
        name: {
            metric: round(statistics.mean(m[metric] for m in by_class[name]), 3)
            for metric in METRICS
        }
        | {"queries": len(by_class[name])}
        for name in classes
        if name in by_class
    }


def grades_for(documents, topics, languages, demo: dict[str, int] | None = None) -> dict[str, int]:
    """Judged key → grade: documents of `topics` in one of `languages` (space-separated), and
    the demo pages judged for the query (`demo`: path → grade, `corpus.DEMO_JUDGMENTS`), as
    `DEMO_PREFIX` + path."""
    grades: dict[str, int] = {}
    wanted = languages.split()
    for document in documents:
        if document.topic in topics and document.language in wanted:
            grades[document.key] = max(grades.get(document.key, 0), document.grade)
    for path, grade in (demo or {}).items():
        grades[DEMO_PREFIX + path] = grade
    return grades


class PageIndex(NamedTuple):
    """What the evaluation knows of a page id: its judged key (judged pages only), its
    translation group and its language (every live page)."""

    key: dict
    group: dict
    language: dict

    def group_languages(self) -> dict[str, set[str]]:
        languages: dict[str, set[str]] = {}
        for page_id, group in self.group.items():
            languages.setdefault(group, set()).add(self.language.get(page_id))
        return languages


# The judged key of a page of the demo content (or any live page outside the judged corpus):
# this prefix and the path of its translation group below the language's home page
# (`demo_keys`): "policies/late-night-bus", "themes/water-supply", "about".
DEMO_PREFIX = "demo:"


class DemoJudgmentsOutdated(Exception):
    """A demo page judged in `corpus.DEMO_JUDGMENTS` is not in the demo content any more."""


def demo_path(url_path: str) -> str:
    """A page's path below its language's home page: "/home-en/policies/bus/" →
    "policies/bus" (the slugs of the page and its parents, the same in every language)."""
    return "/".join(url_path.strip("/").split("/")[1:])


def demo_keys(live, judged: dict[int, str]) -> dict[int, str]:
    """`DEMO_PREFIX` + path for every live page that is not in `judged`, one key per
    translation group: the path of its Korean version, else of its English one, else of the
    first in language order. `live`: (page id, translation key, language, url_path) rows."""
    versions: dict[str, dict[str, str]] = {}
    for pk, group, language, url_path in live:
        if pk not in judged:
            versions.setdefault(str(group), {})[language] = demo_path(url_path)
    path_of = {
        group: by_language.get("ko") or by_language.get("en") or by_language[min(by_language)]
        for group, by_language in versions.items()
    }
    return {
        pk: DEMO_PREFIX + path_of[str(group)]
        for pk, group, _language, _path in live
        if pk not in judged
    }


def page_index(key_for_page: dict[int, str], judgments: dict[str, dict[str, int]]) -> PageIndex:
    """Every live page's judged key, translation group and language, demo content included.

    Raises `DemoJudgmentsOutdated` if a demo page judged in `judgments` (query → path →
    grade) is not live: the demo content changed, and its judgments must be made again
    (bench/search/README.md, "The judged set")."""
    from wagtail.models import Page

    live = list(
        Page.objects.live().values_list(
            "pk", "translation_key", "locale__language_code", "url_path"
        )
    )
    keys = demo_keys(live, key_for_page)
    missing = {path for grades in judgments.values() for path in grades} - {
        key.removeprefix(DEMO_PREFIX) for key in keys.values()
    }
    if missing:
        raise DemoJudgmentsOutdated(
            f"judged demo pages not in the demo content: {sorted(missing)}; judge the pool "
            "again (bench/search/pool.py)"
        )
    return PageIndex(
        key=keys | key_for_page,
        group={pk: str(group) for pk, group, _language, _path in live},
        language={pk: language for pk, _group, language, _path in live},
    )


def evaluate(queries, search, documents, pages: PageIndex, classes, judgments=None) -> dict:
    """Run `search` over the judged queries: per-class metrics, or {"unavailable": reason}.
    `judgments`: the demo pages judged per query (`corpus.DEMO_JUDGMENTS`)."""
    judgments = judgments or {}
    rows = []
    group_languages = pages.group_languages()
    for name, query, topics, languages, reader_language in queries:
        try:
            page_ids = list(search(query, reader_language))[:RESULTS]
        except Unavailable as error:
            return {"unavailable": str(error)}
        except Exception as error:  # noqa: BLE001 - a retriever under test may fail anyhow
            return {"unavailable": f"failed on {query!r}: {error!r}"}
        ranked = [pages.key.get(page_id, "other") for page_id in page_ids]
        groups = [pages.group.get(page_id) for page_id in page_ids]
        shown = [pages.language.get(page_id) for page_id in page_ids]
        other = other_language_at_10(shown, groups, reader_language, group_languages)
        grades = grades_for(documents, topics, languages, judgments.get(query))
        rows.append((name, query_metrics(ranked, grades, groups, other)))
    return aggregate(rows, classes)


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    index = min(len(values) - 1, max(0, math.ceil(p / 100 * len(values)) - 1))
    return values[index]


# --- Retrievers --------------------------------------------------------------------------


class Unavailable(Exception):
    """A retriever that cannot run here; the message says why."""


def semantic_function(name: str):
    try:
        module = importlib.import_module(SEMANTIC_MODULE)
    except Exception as error:  # ImportError, or the module failing to import
        raise Unavailable(f"cannot import {SEMANTIC_MODULE}: {error!r}") from error
    function = getattr(module, name, None)
    if not callable(function):
        raise Unavailable(f"{SEMANTIC_MODULE}.{name} does not exist")
    return function


def lexical(query: str, reader_language: str) -> list[int | None]:
    from django.test import override_settings

    from policyshare.search.selectors import search_documents

    with override_settings(PORTAL_SEARCH_SEMANTIC=False):  # words only, whatever the settings
        outcome = search_documents(
            query=query, per_page=RESULTS, **_reader_arguments(search_documents, reader_language)
        )
    return [hit.document.page_id for hit in outcome.hits]


def _reader_arguments(function, reader_language: str) -> dict:
    """The reader's language as `search_documents` takes it (`language`, and `hl` if known)."""
    parameters = inspect.signature(function).parameters
    return {name: reader_language for name in ("language", "hl") if name in parameters}


_stock_backend = []


def stock(query: str, reader_language: str) -> list[int]:
    """Stock Wagtail database search over every live page (it has no reader language)."""
    from django.db import DatabaseError, connection
    from modelsearch.backends.database import SearchBackend as StockBackend
    from wagtail.models import Page

    if not _stock_backend:
        from policyshare.boards.models import BoardPost
        from policyshare.core.models import StandardPage
        from policyshare.policies.models import PolicyCase

        backend = StockBackend({})
        backend.reset_indexes()
        for model in (PolicyCase, BoardPost, StandardPage):
            backend.add_bulk(model, list(model.objects.live()))
        _stock_backend.append(backend)
    try:
        found = list(_stock_backend[0].search(query, Page.objects.live())[:RESULTS])
    except DatabaseError:  # stock search may fail on some input: it finds nothing
        connection.close()
        return []
    return [page.pk for page in found]


def semantic(query: str, reader_language: str) -> list[int]:
    return semantic_function("semantic_search")(query, language=reader_language, limit=RESULTS)


def fused(query: str, reader_language: str) -> list[int]:
    return semantic_function("fused_search")(query, language=reader_language, limit=RESULTS)


RETRIEVERS = {"stock": stock, "lexical": lexical, "semantic": semantic, "fused": fused}


def rebuild_vectors() -> float | str:
    """Seconds `SEMANTIC_MODULE.rebuild_vectors()` took, or why it did not run."""
    try:
        rebuild = semantic_function("rebuild_vectors")
    except Unavailable as error:
        return f"not available: {error}"
    started = time.perf_counter()
    try:
        rebuild()
    except Exception as error:  # noqa: BLE001
        return f"failed: {error!r}"
    return round(time.perf_counter() - started, 1)


# --- Worker: one database ----------------------------------------------------------------


def add_judged_pages(sections) -> dict[int, str]:
    """The judged corpus (and 120 noise posts) as published pages; returns the judged key of
    each page id. Documents that share a key are one translation group: the first is created,
    the others are its translations (Wagtail's copy_for_translation, then their own title and
    text). Used by `worker` and by fusion_variants.py."""
    import corpus
    from wagtail.models import Locale

    from policyshare.boards.models import BoardPost
    from policyshare.home.services import board_for
    from policyshare.policies.models import PolicyCase

    key_for_page: dict[int, str] = {}
    sources = {}
    for n, (key, _topic, language, title, text, _grade) in enumerate(
        corpus.judged_documents() + corpus.noise_documents(120)
    ):
        if key.startswith("noise"):
            parent = board_for(kind="news", language_code=language)
            page = BoardPost(title=title, summary=text, slug=f"bench-{n}")
            parent.add_child(instance=page)
        elif key in sources:
            page = sources[key].copy_for_translation(
                Locale.objects.get(language_code=language), copy_parents=False
            )
            page.title, page.summary = title, text
        else:
            page = PolicyCase(
                title=title, summary=text, period_start_year=2000 + n % 20, slug=f"bench-{n}"
            )
            sections["policies"][language].add_child(instance=page)
            sources[key] = page
        page.save_revision().publish()
        key_for_page[page.pk] = key
    return key_for_page


def worker(
    database: str, sizes: list[int], *, latency_only: bool = False, reuse_vectors: bool = False
) -> dict:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    os.environ["DJANGO_SETTINGS_MODULE"] = "policyshare.settings.test"
    import django

    django.setup()
    import corpus
    from django.core.management import CommandError, call_command
    from django.db import connection

    from policyshare.search.analysis import get_analyser

    call_command("migrate", verbosity=0)

    from policyshare.home.services import ensure_sections
    from policyshare.search.models import SearchDocument

    result = {"database": database, "vendor": connection.vendor}
    started = time.perf_counter()
    get_analyser()
    result["analyser_load_s"] = round(time.perf_counter() - started, 2)
    sections = ensure_sections()
    if latency_only:
        result["latency"] = latency(corpus, sizes, SearchDocument, connection, reuse_vectors)
        return result
    try:
        call_command("load_demo", verbosity=0)
        result["demo"] = True
    except CommandError as error:  # the demo loader is optional here
        result["demo"] = f"not loaded: {error}"

    # The judged corpus as real pages, so every retriever sees the same content. Documents
    # that share a key are one translation group: the first is created, the others are its
    # translations (Wagtail's copy_for_translation, then their own title and text).
    documents = corpus.judged_documents()
    started = time.perf_counter()
    key_for_page = add_judged_pages(sections)
    result["judged_pages"] = len(key_for_page)
    result["translation_groups"] = len(set(key_for_page.values()))
    result["judged_pages_build_s"] = round(time.perf_counter() - started, 1)
    # Every live page's judged key, translation group and language, demo content included;
    # the demo pages judged for the queries (pooling, corpus.DEMO_JUDGMENTS) if it is there.
    judgments = corpus.DEMO_JUDGMENTS if result["demo"] is True else {}
    pages = page_index(key_for_page, judgments)
    result["semantic_index_build_s"] = rebuild_vectors()

    result["relevance"] = {
        name: evaluate(corpus.QUERIES, search, documents, pages, corpus.CLASSES, judgments)
        for name, search in RETRIEVERS.items()
    }

    # Speed over synthetic documents added to the judged ones.
    result["latency"] = latency(corpus, sizes, SearchDocument, connection, reuse_vectors)
    return result


MEASURED_ROUNDS = 5


def timings(queries, search, cpu=None, critical=None) -> dict:
    """p50/p95 over the queries of each query's median time, and over every single run.

    One warming round, then MEASURED_ROUNDS; each query's median over those rounds is its
    latency, so one hiccup of a shared machine does not decide a percentile. The pooled
    figures (every single run) are printed beside them. With `cpu` (a `CpuClock`), each
    query's median CPU time too (`cpu_p50_ms`, `cpu_p95_ms`): this process's and the database
    server's, what the search costs whatever else the machine runs. With `critical` (the
    adapter's `critical_path`), the time on two free cores estimated from CPU times
    (`critical_p50_ms`, `critical_p95_ms`): the fused search's semantic side runs in a second
    thread, whose CPU the process's sums with the search's own.
    """
    per_query: dict[tuple[str, str], list[float]] = {}
    cpu_per_query: dict[tuple[str, str], list[float]] = {}
    critical_per_query: dict[tuple[str, str], list[float]] = {}
    for round_number in range(1 + MEASURED_ROUNDS):
        for _name, query, _topics, _languages, reader_language in queries:
            cpu_started = cpu() if cpu else 0.0
            if critical:
                critical.begin()
            started = time.perf_counter()
            search(query, reader_language)
            elapsed = (time.perf_counter() - started) * 1000
            estimate = critical.end() * 1000 if critical else 0.0
            if round_number:
                per_query.setdefault((query, reader_language), []).append(elapsed)
                if cpu:
                    cpu_spent = (cpu() - cpu_started) * 1000
                    cpu_per_query.setdefault((query, reader_language), []).append(cpu_spent)
                if critical:
                    critical_per_query.setdefault((query, reader_language), []).append(estimate)
    pooled = [t for times in per_query.values() for t in times]
    medians = [statistics.median(times) for times in per_query.values()]
    figures = {
        "p50_ms": round(percentile(medians, 50), 1),
        "p95_ms": round(percentile(medians, 95), 1),
        "pooled_p50_ms": round(percentile(pooled, 50), 1),
        "pooled_p95_ms": round(percentile(pooled, 95), 1),
        "max_ms": round(max(pooled), 1),
    }
    if cpu_per_query:
        cpu_medians = [statistics.median(times) for times in cpu_per_query.values()]
        figures["cpu_p50_ms"] = round(percentile(cpu_medians, 50), 1)
        figures["cpu_p95_ms"] = round(percentile(cpu_medians, 95), 1)
    if critical_per_query:
        estimates = [statistics.median(times) for times in critical_per_query.values()]
        figures["critical_p50_ms"] = round(percentile(estimates, 50), 1)
        figures["critical_p95_ms"] = round(percentile(estimates, 95), 1)
    return figures


REUSED = "reused, not measured"


def reuse_vectors_for(SearchDocument, first: int, last: int) -> int:
    """Give synthetic documents first..last-1 copies of the vectors of the synthetic documents
    embedded before them, in turn (`--reuse-vectors`): the matrix has the size and the kind of
    cosines of a real one, for timing the search, without embedding them (which is what the
    build part measures, and is not measured then)."""
    from django.utils import timezone

    from policyshare.search.models import DocumentVector
    from policyshare.search.semantic import vectors_changed

    source = list(
        DocumentVector.objects.filter(document__key__startswith="synthetic:")
        .order_by("document_id")
        .values_list("vector", "encoder")
    )
    if not source:
        return 0
    now = timezone.now()
    keys = [f"synthetic:{n}" for n in range(first, last)]
    made = 0
    for start in range(0, len(keys), 2000):
        ids = SearchDocument.objects.filter(key__in=keys[start : start + 2000]).values_list(
            "pk", flat=True
        )
        rows = []
        for n, pk in enumerate(ids, start=start):
            blob, name = source[n % len(source)]
            rows.append(
                DocumentVector(
                    document_id=pk, vector=blob, encoder=name, source_hash="", updated_at=now
                )
            )
        DocumentVector.objects.bulk_create(rows)
        made += len(rows)
    vectors_changed()
    return made


SYNTHETIC_KINDS = ["policy", "post", "post", "page"]
SYNTHETIC_BOARDS = ["news", "media", "video", "report"]
SYNTHETIC_THEMES = ["transport", "housing", "environment", "water", "safety", ""]


def add_synthetic_documents(corpus, present: int, size: int, *, rng, analyse) -> None:
    """Insert synthetic search documents present..size-1 (`synthetic:<n>`, Korean and English
    in turn, four sentences of the judged corpus each), analysed by `analyse`
    (`Analyser.index_text` or a cached copy), 2,000 rows a statement."""
    from policyshare.search.analysis import get_analyser
    from policyshare.search.models import SearchDocument
    from policyshare.search.services import optimize_fulltext_index

    analyser_name = get_analyser().name
    pool = corpus.synthetic_sentences()
    batch = []
    for n in range(present, size):
        language = "ko" if n % 2 == 0 else "en"
        sentences = rng.sample(pool[language], 4)
        title = sentences[0][:40]
        kind = SYNTHETIC_KINDS[n % 4]
        theme = SYNTHETIC_THEMES[n % 6]
        batch.append(
            SearchDocument(
                key=f"synthetic:{n}",
                kind=kind,
                language=language,
                board=SYNTHETIC_BOARDS[n % 4] if kind == "post" else "",
                themes=f" {theme} " if theme else "",
                year=2000 + n % 25,
                title=title,
                url=f"/{language}/synthetic/{n}/",
                text=" ".join(sentences),
                analysed_title=analyse(title, language),
                analysed_body=" ".join(analyse(s, language) for s in sentences),
                analyser=analyser_name,
            )
        )
        if len(batch) == 2000:
            SearchDocument.objects.bulk_create(batch)
            batch = []
    SearchDocument.objects.bulk_create(batch)
    # As `rebuild_search_documents` does after a rebuild: merge the FTS5 segments (SQLite),
    # empty the GIN pending list and refresh the statistics (PostgreSQL).
    optimize_fulltext_index()


class CpuClock:
    """Seconds of CPU spent by this process, its ended child processes and, on PostgreSQL, by
    the server process of the connection (its `/proc/<pid>/schedstat`, readable when the
    server runs on this machine).

    On a machine shared with other work the wall-clock time of a search is mostly waiting for
    a core; the CPU time is what the search itself costs, about what it takes on a free core.
    On SQLite the database runs inside this process, so `time.process_time` covers it.
    """

    def __init__(self, connection):
        self.connection = connection
        self._raw = None
        self._backend: Path | None = None

    def _server_ns(self) -> int:
        if self.connection.vendor != "postgresql":
            return 0
        self.connection.ensure_connection()
        if self.connection.connection is not self._raw:  # a new connection: a new backend
            self._raw = self.connection.connection
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self._backend = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")
        try:
            return int(self._backend.read_text().split()[0])
        except (OSError, ValueError, IndexError):  # a server on another machine
            return 0

    def __call__(self) -> float:
        # With the children: the embedding's worker processes, counted once they have ended
        # (`embed_documents` waits for them).
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime + self._server_ns() / 1e9


def as_in_production():
    """Settings for timing a search as a site serves it: the test settings this benchmark runs
    under turn the fragment cache off (`FRAGMENT_CACHE_SECONDS = 0`), which the site keeps
    on (the theme facet's names are read from it: `Theme.search_facet_labels`)."""
    from django.test import override_settings

    from policyshare.settings import base

    return override_settings(FRAGMENT_CACHE_SECONDS=base.FRAGMENT_CACHE_SECONDS)


def latency(corpus, sizes, SearchDocument, connection, reuse_vectors: bool = False) -> list[dict]:
    import functools
    import random

    from django.test import override_settings

    from policyshare.search.analysis import get_analyser
    from policyshare.search.selectors import search_documents

    def lexical_full(query, reader_language):  # the search page's work: facets, snippets
        with override_settings(PORTAL_SEARCH_SEMANTIC=False):  # words only
            return search_documents(
                query=query, **_reader_arguments(search_documents, reader_language)
            )

    fused_missing = None
    try:
        fused_search = semantic_function("fused_search")
    except Unavailable as error:
        fused_search, fused_missing = None, f"not available: {error}"

    def fused_timed(query, reader_language):
        return fused_search(query, language=reader_language, limit=RESULTS)

    cpu = CpuClock(connection)
    critical = None
    if fused_search is not None:
        try:
            critical = semantic_function("critical_path")(cpu._server_ns)
        except Unavailable:  # an adapter without it: CPU and wall only
            critical = None

    analyser = get_analyser()
    # Every document is analysed as indexing analyses it (no cache), so that the build time is
    # what a site of that size costs; with --reuse-vectors the build is not measured, and each
    # sentence of the generated corpus is analysed once.
    analyse = analyser.index_text
    if reuse_vectors:
        analyse = functools.lru_cache(maxsize=None)(analyser.index_text)
    rng = random.Random(3)
    rows = []
    present = 0
    for size in sizes:
        started, cpu_started = time.perf_counter(), cpu()
        add_synthetic_documents(corpus, present, size, rng=rng, analyse=analyse)
        build, build_cpu = time.perf_counter() - started, cpu() - cpu_started
        embed_cpu: float | str | None = None
        if not fused_search:
            embed = fused_missing
        elif reuse_vectors and present and reuse_vectors_for(SearchDocument, present, size):
            embed = REUSED
        else:  # the embedding of the documents added for this size
            cpu_started = cpu()
            embed = rebuild_vectors()
            embed_cpu = round(cpu() - cpu_started, 1)
        present = size
        row = {
            "documents": SearchDocument.objects.count(),
            "build_s": round(build, 1),
            "embed_s": embed,
            "build_cpu_s": round(build_cpu, 1),
            "embed_cpu_s": embed_cpu if isinstance(embed, (int, float)) else embed,
            "started_utc": time.strftime("%H:%M", time.gmtime()),
            "load_average_at_build": round(os.getloadavg()[0], 2),
        }
        # Analysis and insert, then embedding, of every document present at this size.
        row["index_build_s"] = index_build_s([*rows, row])
        row["index_build_cpu_s"] = index_build_s([*rows, row], cpu=True)
        with as_in_production():
            row |= timings(corpus.QUERIES, lexical_full, cpu)
            if fused_search is None:
                row["fused"] = fused_missing
            else:
                try:
                    row["fused"] = timings(corpus.QUERIES, fused_timed, cpu, critical)
                except Exception as error:  # noqa: BLE001
                    row["fused"] = f"failed: {error!r}"
        row["load_average"] = round(os.getloadavg()[0], 2)
        rows.append(row)
    return rows


def memory_worker() -> dict:
    """Resident memory of one app process: the analyser loaded, a page rendered, then the
    sentence encoder loaded (if `SEMANTIC_MODULE` is there)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    os.environ["DJANGO_SETTINGS_MODULE"] = "policyshare.settings.test"
    import django

    django.setup()
    from django.test import Client

    from policyshare.home.services import ensure_sections
    from policyshare.search.analysis import get_analyser

    def rss_mb():
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
        return None

    # The database was migrated, and the home page and its sections made, by other processes
    # (`main`): an app process never migrates nor creates pages; the migration modules would
    # add about 30 MB to every figure below, creating the sections about 10 MB
    # (docs/search.md, "Encoder memory"). `ensure_sections` below then finds them.
    before = rss_mb()
    started = time.perf_counter()
    get_analyser().terms("서울시는 도시재생을 추진했다")
    load = time.perf_counter() - started
    with_analyser = rss_mb()
    ensure_sections()
    Client().get("/ko/search/", {"q": "교통"})
    sample = "서울시는 2005년 청계천 복원 사업을 통해 도심 하천을 되살렸다. " * 200
    started = time.perf_counter()
    get_analyser().terms(sample)
    throughput = len(sample) / (time.perf_counter() - started)
    result = {
        "rss_before_analyser_mb": before,
        "rss_with_analyser_mb": with_analyser,
        "rss_after_a_search_page_mb": rss_mb(),
        "analyser_load_s": round(load, 2),
        "korean_analysis_chars_per_s": int(throughput),
    }
    started = time.perf_counter()
    try:
        try:
            load_encoder = semantic_function("load_encoder")
        except Unavailable:
            semantic_function("semantic_search")("교통", language="ko", limit=RESULTS)
        else:
            load_encoder()
    except Exception as error:  # noqa: BLE001 - Unavailable, or the encoder failing to load
        result["encoder"] = f"not available: {error}"
    else:
        result["encoder"] = "loaded"
        result["encoder_load_s"] = round(time.perf_counter() - started, 2)
        # Searches in both languages, as a search page makes them: each embeds its query
        # (reading its tokens' rows of the encoder's table, docs/search.md "Encoder memory").
        try:
            fused = semantic_function("fused_search")
            for query in MEMORY_QUERIES:
                fused(query, language="en" if query.isascii() else "ko", limit=RESULTS)
        except Exception as error:  # noqa: BLE001 - Unavailable, or the search failing
            result["searches"] = f"failed: {error!r}"
        result["rss_with_analyser_and_encoder_mb"] = rss_mb()
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                result["pss_with_analyser_and_encoder_mb"] = round(int(line.split()[1]) / 1024, 1)
    return result


# --- Orchestrator ------------------------------------------------------------------------


def run_child(args: list[str], env: dict) -> dict:
    process = subprocess.run(  # noqa: S603 - this script, with our own arguments
        [sys.executable, __file__, *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if process.returncode != 0:
        sys.stderr.write(process.stderr[-4000:])
        raise SystemExit(f"benchmark worker {args} failed")
    return json.loads(process.stdout.strip().splitlines()[-1])


def prepare_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def index_build_s(rows: list[dict], *, cpu: bool = False) -> float | None:
    """Seconds to build the index of the last row's documents (analysis, insert, embedding,
    every size up to it), or None if the embedding did not run. `cpu`: CPU seconds (this
    process and the database server, `CpuClock`) instead of wall-clock seconds."""
    build, embed = ("build_cpu_s", "embed_cpu_s") if cpu else ("build_s", "embed_s")
    if not rows or not all(isinstance(r.get(embed), (int, float)) for r in rows):
        return None
    return round(sum(r[build] + r[embed] for r in rows), 1)


def _latency_targets(check, database: str, rows: list[dict], *, cpu: bool) -> None:
    """The p95 and build targets of one database, on wall-clock times or (`cpu`) on CPU times
    (this process and the database server, `CpuClock`): on a shared machine the wall clock
    measures the machine's load as much as the search."""
    p95_key, label = ("cpu_p95_ms", " CPU") if cpu else ("p95_ms", "")
    p95_target = (
        f"{database}: fused{label} p95 <= {P95_TARGET_MS:g} ms at {TARGET_SIZE:,} documents"
    )
    build_target = (
        f"{database}: index build{label} (embedding included) of {TARGET_SIZE:,} <= 30 min"
    )
    at_target = [r for r in rows if r["documents"] >= TARGET_SIZE]
    if not at_target:
        largest = max((r["documents"] for r in rows), default=0)
        check(p95_target, "N/A", f"largest size measured: {largest:,}")
        estimate, total = "", index_build_s(rows, cpu=cpu)
        if total is not None:
            # Analysis, insert and embedding grow with the documents: a linear estimate.
            minutes = total * TARGET_SIZE / largest / 60
            estimate = f" (linear estimate from it: {minutes:.1f} min)"
        check(build_target, "N/A", f"largest size measured: {largest:,}{estimate}")
        return
    row = at_target[0]
    if isinstance(row["fused"], dict) and p95_key in row["fused"]:
        p95 = row["fused"][p95_key]
        check(p95_target, "PASS" if p95 <= P95_TARGET_MS else "FAIL", f"{p95} ms")
    else:
        check(p95_target, "FAIL", f"fused {row['fused']}")
    total = index_build_s(rows[: rows.index(row) + 1], cpu=cpu)
    if row["embed_s"] == REUSED:
        measured = [r for r in rows if isinstance(r["embed_s"], (int, float))]
        estimate = ""
        if index_build_s(measured, cpu=cpu):
            documents = measured[-1]["documents"]
            minutes = index_build_s(measured, cpu=cpu) * TARGET_SIZE / documents / 60
            estimate = f"; linear estimate from {documents:,}: {minutes:.1f} min"
        check(build_target, "N/A", f"vectors reused, embedding not measured{estimate}")
    elif total is not None:
        status = "PASS" if total <= BUILD_TARGET_S else "FAIL"
        check(build_target, status, f"{total / 60:.1f} min")
    else:
        check(build_target, "FAIL", f"embedding {row['embed_s']}")


def _critical_path_target(check, database: str, rows: list[dict]) -> None:
    """The p95 target on the time a fused search takes on two free cores, estimated from CPU
    times (`timings`' `critical`): the CPU target sums the fused search's two threads, which
    run at once. Checked only when the adapter gives the estimate and 100k was measured."""
    row = next((r for r in rows if r["documents"] >= TARGET_SIZE), None)
    if row is None or not isinstance(row["fused"], dict) or "critical_p95_ms" not in row["fused"]:
        return
    p95 = row["fused"]["critical_p95_ms"]
    check(
        f"{database}: fused p95 on 2 free cores (estimated from CPU) <= {P95_TARGET_MS:g} ms "
        f"at {TARGET_SIZE:,} documents",
        "PASS" if p95 <= P95_TARGET_MS else "FAIL",
        f"{p95} ms",
    )


def check_targets(results: list[dict], memory: dict) -> list[dict]:
    """The targets of issue 16: [{"target", "status" (PASS, FAIL or N/A), "detail"}]."""
    checks = []

    def check(target, status, detail):
        checks.append({"target": target, "status": status, "detail": detail})

    for result in results:
        database = result["database"]
        relevance = result.get("relevance")
        if relevance is not None:
            fused_figures, lexical_figures = relevance["fused"], relevance["lexical"]
            target = f"{database}: fused recall@10 >= {RECALL_TARGET} in every class"
            worse_target = f"{database}: fused no worse than lexical in any class"
            duplicate_target = f"{database}: fused duplicates@10 = 0 (class duplicate)"
            if "unavailable" in fused_figures:
                reason = f"fused {fused_figures['unavailable']}"
                for name in (target, worse_target, duplicate_target):
                    check(name, "FAIL", reason)
            else:
                low = {
                    c: m["recall"] for c, m in fused_figures.items() if m["recall"] < RECALL_TARGET
                }
                check(target, "FAIL" if low else "PASS", f"below: {low}" if low else "all classes")
                worse = {
                    f"{c} {metric}": f"{fused_figures.get(c, {}).get(metric)} < {m[metric]}"
                    for c, m in lexical_figures.items()
                    if "unavailable" not in lexical_figures
                    for metric in ("ndcg", "recall")
                    if fused_figures.get(c, {}).get(metric, 0) < m[metric]
                }
                check(worse_target, "FAIL" if worse else "PASS", str(worse or "nDCG@10, recall@10"))
                duplicates = fused_figures.get("duplicate", {}).get("dup")
                check(
                    duplicate_target,
                    "PASS" if duplicates == 0 else "FAIL",
                    f"{duplicates} per query",
                )
        rows = result.get("latency", [])
        _latency_targets(check, database, rows, cpu=False)
        if any("build_cpu_s" in r for r in rows):
            _latency_targets(check, database, rows, cpu=True)
        _critical_path_target(check, database, rows)
    rss = memory.get("rss_with_analyser_and_encoder_mb")
    rss_target = f"one app process <= {RSS_TARGET_MB:g} MB RSS with analyser and encoder"
    if rss is None:
        detail = f"encoder {memory.get('encoder')}; with the analyser only: "
        check(rss_target, "FAIL", detail + f"{memory.get('rss_after_a_search_page_mb')} MB")
    else:
        check(rss_target, "PASS" if rss <= RSS_TARGET_MB else "FAIL", f"{rss} MB")
    return checks


def print_report(results: list[dict], memory: dict, checks: list[dict]) -> None:
    print("\n== Relevance (judged queries, top 10) ==")
    for result in [r for r in results if "relevance" in r]:
        relevance = result["relevance"]
        print(
            f"\n-- {result['database']} (judged pages: {result['judged_pages']} in "
            f"{result['translation_groups']} translation groups, demo content: "
            f"{result['demo']}; semantic index build: {result['semantic_index_build_s']}) --"
        )
        print(
            f"{'class / retriever':<24}{'nDCG@10':>9}{'recall@10':>11}{'MRR':>8}{'dup@10':>8}"
            f"{'lang@10':>9}"
        )
        classes = next((list(f) for f in relevance.values() if "unavailable" not in f), [])
        for name in classes:
            queries = next(f[name]["queries"] for f in relevance.values() if name in f)
            print(f"{name} ({queries} queries)")
            for retriever, figures in relevance.items():
                if "unavailable" in figures:
                    print(f"  {retriever:<22}not available: {figures['unavailable']}")
                    continue
                m = figures[name]
                print(
                    f"  {retriever:<22}{m['ndcg']:>9.3f}{m['recall']:>11.3f}{m['mrr']:>8.3f}"
                    f"{m['dup']:>8.2f}{m['lang']:>9.2f}"
                )
    print(
        "(dup@10: results per query in the top 10 whose translation group came earlier. A "
        "group is judged once: its versions share a judged key, and a repeat gains nothing. "
        "lang@10: results per query in the top 10 shown in another language than the reader's "
        "although their group has a live version in it.)"
    )
    print("\n== Index build and latency: lexical = search_documents (facets, snippets) ==")
    print(
        f"{'database':<10}{'documents':>10}{'at UTC':>8}{'build s':>9}{'embed s':>9}"
        f"{'index s':>9}{'p50 ms':>9}{'p95 ms':>9}{'pooled p50':>12}{'pooled p95':>12}"
        f"{'max ms':>9}{'load':>7}"
    )
    for result in results:
        for row in result["latency"]:
            embed = row["embed_s"] if isinstance(row["embed_s"], (int, float)) else "-"
            print(
                f"{result['database']:<10}{row['documents']:>10}{row.get('started_utc', '-'):>8}"
                f"{row['build_s']:>9}{embed:>9}{row.get('index_build_s') or '-':>9}"
                f"{row['p50_ms']:>9}{row['p95_ms']:>9}{row['pooled_p50_ms']:>12}"
                f"{row['pooled_p95_ms']:>12}{row['max_ms']:>9}{row['load_average']:>7}"
            )
    print("\n== CPU time (this process and the database server): build, lexical search ==")
    print(
        f"{'database':<10}{'documents':>10}{'build s':>9}{'embed s':>9}{'index s':>9}"
        f"{'p50 ms':>9}{'p95 ms':>9}"
    )
    for result in results:
        for row in result["latency"]:
            if "build_cpu_s" not in row:
                continue
            embed = row["embed_cpu_s"] if isinstance(row["embed_cpu_s"], (int, float)) else "-"
            print(
                f"{result['database']:<10}{row['documents']:>10}{row['build_cpu_s']:>9}"
                f"{embed:>9}{row.get('index_build_cpu_s') or '-':>9}"
                f"{row.get('cpu_p50_ms', '-'):>9}{row.get('cpu_p95_ms', '-'):>9}"
            )
    print("\n== Latency: fused (query embedding included) ==")
    for result in results:
        for row in result["latency"]:
            fused_row = row["fused"]
            if isinstance(fused_row, dict):
                figures = (
                    f"p50 {fused_row['p50_ms']} ms, p95 {fused_row['p95_ms']} ms, pooled p95 "
                    f"{fused_row['pooled_p95_ms']} ms, max {fused_row['max_ms']} ms"
                )
                if "cpu_p95_ms" in fused_row:
                    figures += (
                        f"; CPU p50 {fused_row['cpu_p50_ms']} ms, p95 {fused_row['cpu_p95_ms']} ms"
                    )
                if "critical_p95_ms" in fused_row:
                    figures += (
                        f"; on 2 free cores (est.) p50 {fused_row['critical_p50_ms']} ms, "
                        f"p95 {fused_row['critical_p95_ms']} ms"
                    )
            else:
                figures = fused_row
            print(f"{result['database']:<10}{row['documents']:>10}  {figures}")
    print(
        "(p50/p95: over the judged queries, each query's median of "
        f"{MEASURED_ROUNDS} runs after a warming run, in the query's reader language; pooled: "
        "over every single run; load: the 1-minute load average of this 2-core machine when the "
        "size was measured. Build: analysis of each generated document, then bulk insert; the FTS "
        "index is kept by triggers / a generated column. Embed: "
        f"{SEMANTIC_MODULE}.rebuild_vectors() after each size's documents. Index: build and "
        "embed of every document present at that size, the index build with embedding. CPU: "
        "time.process_time of the benchmark process plus, on PostgreSQL, the CPU time of its "
        "server process (/proc/<pid>/schedstat): what the work costs on a free core, both threads "
        "of a fused search added; on 2 free cores (est.): the search thread's CPU plus the "
        "semantic helper thread's CPU that did not overlap it, semantic_adapter.CriticalPath)"
    )
    print("\n== One app process ==")
    for key, value in memory.items():
        print(f"{key:<34}{value}")
    print("\n== Targets (issue 16) ==")
    for item in checks:
        print(f"{item['status']:<5} {item['target']}: {item['detail']}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", choices=["sqlite", "postgres", "memory"])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SEARCH_SIZES") or DEFAULT_SIZES)
    parser.add_argument(
        "--databases", default=os.environ.get("BENCH_SEARCH_DATABASES") or DEFAULT_DATABASES
    )
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--latency-only", action="store_true", help="skip the relevance part")
    parser.add_argument(
        "--embed-processes",
        type=int,
        default=int(os.environ.get("BENCH_EMBED_PROCESSES") or 2),
        help="worker processes that embed the documents, as `rebuild_search_vectors "
        "--processes` (default 2: the target is the build on 2 cores)",
    )
    parser.add_argument(
        "--reuse-vectors",
        action="store_true",
        help="time the search at large sizes quickly: after the first size, copy vectors "
        "instead of embedding, and analyse each sentence once; the build is then not measured",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.worker == "memory":
        print(json.dumps(memory_worker()))
        return
    if args.worker:
        print(
            json.dumps(
                worker(
                    args.worker,
                    sizes,
                    latency_only=args.latency_only,
                    reuse_vectors=args.reuse_vectors,
                )
            )
        )
        return

    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_at_start = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for database in args.databases.split(","):
            env = dict(os.environ)
            if database == "sqlite":
                env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
            else:
                url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
                prepare_postgres(url)
                env["DATABASE_URL"] = url
            print(f"running {database} …", file=sys.stderr)
            env["BENCH_EMBED_PROCESSES"] = str(args.embed_processes)
            worker_args = ["--worker", database, "--sizes", args.sizes]
            if args.reuse_vectors:
                worker_args.append("--reuse-vectors")
            if args.latency_only:
                worker_args.append("--latency-only")
            results.append(run_child(worker_args, env))
        env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp}/memory.sqlite3")
        subprocess.run(  # noqa: S603 - manage.py of this project
            [sys.executable, str(ROOT / "manage.py"), "migrate", "--verbosity", "0"],
            env=env | {"DJANGO_SETTINGS_MODULE": "policyshare.settings.test"},
            check=True,
        )
        # The home page and its sections, made here as a site has them: an app process serves
        # pages, it does not create them (creating them costs the process about 10 MB).
        subprocess.run(  # noqa: S603 - manage.py of this project
            [sys.executable, str(ROOT / "manage.py"), "shell", "--no-startup", "--verbosity",
             "0", "-c", "from policyshare.home.services import ensure_sections; ensure_sections()"],
            env=env | {"DJANGO_SETTINGS_MODULE": "policyshare.settings.test"},
            check=True,
        )  # fmt: skip
        # kiwipiepy's allocator as deploy/gunicorn.conf.py sets it for the app's workers.
        env = {"MIMALLOC_PURGE_DELAY": "0", "MIMALLOC_ARENA_EAGER_COMMIT": "0"} | env
        memory = run_child(["--worker", "memory"], env)
    checks = check_targets(results, memory)
    print(
        f"benchmark run {started} – {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"load average at the start {load_at_start}, at the end "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)"
    )
    print_report(results, memory, checks)
    summary_run = {"started": started, "load_average_at_start": load_at_start}
    summary = {"run": summary_run, "results": results, "memory": memory, "targets": checks}
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    # Last line: every figure as one JSON object, for scripts.
    print(json.dumps({"summary": summary}, ensure_ascii=False))


if __name__ == "__main__":
    main()
