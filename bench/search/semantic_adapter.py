"""The benchmark's adapter to the portal's semantic search (`run.SEMANTIC_MODULE`).

`run.py` asks for page ids; the portal works in search documents. This module maps one to the
other, so that no bench-only function lives in `policyshare.search.semantic`:

- `semantic_search`: `semantic.semantic_matches` (exact dot product, the portal's threshold
  and candidate count), search documents mapped to their pages (snippets and other documents
  that are no page are skipped), one result per translation group: the group ranks by its best
  version's similarity and is shown through the version the reader should read
  (`core.languages.fallback_order`), as the search page chooses it.
- `fused_search`: `selectors.search_documents` with semantic search on (it fuses the semantic
  matches with the lexical candidates itself).

Both forget the cached query vectors first (`encoder.query_vector` keeps 256), so that the
latency part, which repeats every query, times the query's embedding each time.
- `rebuild_vectors`: `semantic.embed_documents()` over every search document, at once from this
  process (not through the task queue), encoding in `BENCH_EMBED_PROCESSES` worker processes
  (run.py's `--embed-processes`, 2 by default), as `rebuild_search_vectors --processes` does.
- `load_encoder`: `encoder.get_encoder()`; raises if the encoder cannot be loaded.
- `critical_path`: a `CriticalPath`, what a fused search takes on two free cores estimated
  from CPU times (its semantic side runs in a helper thread beside the lexical query).

The bench's worker runs on the test settings, where `PORTAL_SEARCH_SEMANTIC` is False (so
that publishing the judged pages does not embed them one by one); each function here turns it
on for its own call. `semantic.enabled()` reads the setting on every call: nothing to reset.
"""

from __future__ import annotations

import functools
import os
import time

from django.test import override_settings


def _semantic_on():
    return override_settings(PORTAL_SEARCH_SEMANTIC=True)


def semantic_search(query: str, *, language: str, limit: int) -> list[int]:
    from policyshare.core.languages import fallback_order
    from policyshare.search.encoder import query_vector
    from policyshare.search.models import SearchDocument
    from policyshare.search.semantic import semantic_matches

    query_vector.cache_clear()
    with _semantic_on():
        matches = semantic_matches(query)
    rows = SearchDocument.objects.filter(
        pk__in=[pk for pk, _score in matches], page__isnull=False
    ).values_list("pk", "page_id", "language", "translation_group")
    found = {pk: (page_id, lang, group or f"#{pk}") for pk, page_id, lang, group in rows}
    preference = {code: n for n, code in enumerate(fallback_order(language))}
    groups: dict[str, list[tuple[int, str]]] = {}  # best group first (matches are best first)
    for pk, _score in matches:
        if pk in found:
            page_id, lang, group = found[pk]
            groups.setdefault(group, []).append((page_id, lang))
    shown = [
        min(versions, key=lambda v: preference.get(v[1], len(preference)))[0]
        for versions in groups.values()
    ]
    return shown[:limit]


def fused_search(query: str, *, language: str, limit: int) -> list[int | None]:
    from policyshare.search.encoder import query_vector
    from policyshare.search.selectors import search_documents

    query_vector.cache_clear()
    with _semantic_on():
        outcome = search_documents(query=query, language=language, per_page=limit)
    return [hit.document.page_id for hit in outcome.hits]


def rebuild_vectors():
    from policyshare.search.semantic import embed_documents

    # As `rebuild_search_vectors --processes N` (run.py's --embed-processes sets it).
    processes = int(os.environ.get("BENCH_EMBED_PROCESSES") or 1)
    with _semantic_on():
        report = embed_documents(processes=processes)
    if not report.encoder_available:
        raise RuntimeError(report.summary())
    return report


def load_encoder():
    from policyshare.search.encoder import get_encoder

    encoder = get_encoder()
    if encoder is None:
        raise RuntimeError("the sentence encoder could not be loaded")
    return encoder


class CriticalPath:
    """What one fused search takes on two free cores, estimated from CPU times.

    The portal runs a search's semantic side (the query's embedding, the dot product) in a
    helper thread beside the lexical query (`semantic.start_matching`), so the process's CPU
    time, which sums both threads, is no longer what the search takes on a free machine. The
    estimate: the search thread's CPU (with the database server's, `server_ns`), plus the
    helper's CPU for this search less the search thread's CPU between handing the work over and
    first waiting for it (what ran meanwhile on the other core). Without the helper (words
    only, no vectors) it is the search thread's CPU. `install` wraps the three portal functions
    for the benchmark's run only; `begin` and `end` bracket one search, in the search's thread.
    """

    def __init__(self, server_ns=lambda: 0):
        self.server_ns = server_ns
        self.marks: dict[str, float] = {}
        self.started = 0.0

    def _cpu(self) -> float:
        return time.thread_time() + self.server_ns() / 1e9

    def install(self) -> CriticalPath:
        from policyshare.search import semantic

        semantic.start_matching = self._mark("submitted", semantic.start_matching, after=True)
        semantic.QueryMeaning.matches = self._mark(
            "waited", semantic.QueryMeaning.matches, after=False
        )
        score = semantic._score_query

        @functools.wraps(score)
        def helper(*args, **kwargs):  # in the helper thread: its own CPU only
            started = time.thread_time()
            try:
                return score(*args, **kwargs)
            finally:
                self.marks.setdefault("helper", time.thread_time() - started)

        semantic._score_query = helper
        return self

    def _mark(self, key, function, *, after: bool):
        @functools.wraps(function)
        def marked(*args, **kwargs):
            if not after:
                self.marks.setdefault(key, self._cpu())
            try:
                return function(*args, **kwargs)
            finally:
                if after:
                    self.marks.setdefault(key, self._cpu())

        return marked

    def begin(self) -> None:
        self.marks = {}
        self.started = self._cpu()

    def end(self) -> float:
        """Seconds: the estimate for the search since `begin`."""
        spent = self._cpu() - self.started
        m = self.marks
        if {"submitted", "waited", "helper"} <= m.keys():
            spent += max(0.0, m["helper"] - (m["waited"] - m["submitted"]))
        return spent


def critical_path(server_ns=lambda: 0) -> CriticalPath:
    """A `CriticalPath`, installed (for `run.py`'s fused latency and `profile_stages.py`)."""
    return CriticalPath(server_ns).install()
