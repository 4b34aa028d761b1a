"""Where the time of one fused search goes, stage by stage, at a given number of documents.

    DATABASE_URL=sqlite:////tmp/bench100k.sqlite3 .venv/bin/python bench/search/profile_stages.py \\
        --size 100000 [--rounds 3] [--cprofile out.prof]

The database in DATABASE_URL is kept between runs (a file, or a PostgreSQL database you
created): the first run migrates it and adds synthetic documents as `run.py --reuse-vectors`
does (each sentence analysed once; the first 1,000 documents embedded, the others given copies
of their vectors), up to `--size`; later runs add only what is missing. Then the 124 judged
queries of `corpus.py` run through `semantic_adapter.fused_search` (the search page's work:
query analysis, words, meaning, fusion, facets, snippets; the query's embedding is not cached),
one warming round and `--rounds` measured rounds, with the fragment cache on as on a site
(`run.as_in_production`; the test settings turn it off).

Printed per stage, over the queries (each query's mean over the rounds): wall-clock and CPU
milliseconds per search, p50 and p95. A stage's CPU is its thread's (`time.thread_time`), the
whole search's this process's (`time.process_time`, every thread), each plus, in the search's
own thread on PostgreSQL, the server process's (`run.CpuClock`). The semantic side runs in a
helper thread beside the lexical query (`semantic.start_matching`), so the whole search's CPU
sums two threads; the last line estimates the time on two free cores
(`semantic_adapter.CriticalPath`). Stages are exclusive: a stage called inside another (the
query analysis inside the words-of-the-query check) counts only for itself. The stages are the
portal's own functions, wrapped for the run by this script only.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


class Stages:
    """Exclusive wall-clock and CPU time per stage, for the query being run, in every thread
    (the semantic side runs in the portal's helper thread: `semantic.start_matching`)."""

    def __init__(self, server_ns):
        self.server_ns = server_ns
        self.local = threading.local()  # .stack: [name, wall start, cpu start, child wall, cpu]
        self.lock = threading.Lock()
        self.main = threading.get_ident()
        self.current: dict[str, list[float]] = {}

    def clock(self) -> tuple[float, float]:
        # The thread's CPU time: `time.process_time` sums every thread of the process, which
        # costs 5 us to 1 ms a call here (numpy's and Kiwi's threads), more than some stages.
        # The database server's only in the search's own thread: the helper has no connection.
        server = self.server_ns() if threading.get_ident() == self.main else 0
        return time.perf_counter(), time.thread_time() + server / 1e9

    def process_clock(self) -> tuple[float, float]:
        return time.perf_counter(), time.process_time() + self.server_ns() / 1e9

    def wrap(self, name, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            stack = self.local.__dict__.setdefault("stack", [])
            wall, cpu = self.clock()
            stack.append([name, wall, cpu, 0.0, 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                _name, wall_start, cpu_start, child_wall, child_cpu = stack.pop()
                wall, cpu = self.clock()
                spent_wall, spent_cpu = wall - wall_start, cpu - cpu_start
                with self.lock:
                    totals = self.current.setdefault(name, [0.0, 0.0])
                    totals[0] += spent_wall - child_wall
                    totals[1] += spent_cpu - child_cpu
                if stack:
                    stack[-1][3] += spent_wall
                    stack[-1][4] += spent_cpu

        return timed


def instrument(stages: Stages) -> None:
    from policyshare.search import analysis, selectors, semantic, synonyms

    analyser = analysis.get_analyser()
    analyser.query_terms = stages.wrap("query analysis (kiwi, snowball)", analyser.query_terms)
    for module, attribute, name in (
        (synonyms, "expand", "synonyms"),
        (selectors, "_without_common_terms", "common terms (document frequencies)"),
        (semantic, "query_vector", "query embedding"),
        (semantic, "_nearest_rows", "dot product, best 50"),
        (semantic, "start_matching", "start the semantic side (vectors' version)"),
        (semantic, "_coverage", "words of the query (coverage)"),
        (semantic, "fuse", "fuse: gather candidates"),
        (selectors, "_ranked", "rank, group, RRF"),
        (selectors, "_facet_counts", "facet counts"),
        (selectors, "_facet_values", "facet labels"),
        (selectors, "search_documents", "rest of search_documents"),
    ):
        setattr(module, attribute, stages.wrap(name, getattr(module, attribute)))
    selectors._FulltextQuery.candidates = stages.wrap(
        "lexical SQL (FTS5 / tsvector), best 1,000", selectors._FulltextQuery.candidates
    )
    selectors.Highlighter.snippet = stages.wrap("snippets", selectors.Highlighter.snippet)
    semantic.QueryMeaning.matches = stages.wrap(
        "wait for the semantic side", semantic.QueryMeaning.matches
    )


def prepare(size: int) -> None:
    """Migrate, and add synthetic documents (and vectors) up to `size`."""
    import corpus
    import run
    from django.core.management import call_command

    from policyshare.home.services import ensure_sections
    from policyshare.search.analysis import get_analyser
    from policyshare.search.models import DocumentVector, SearchDocument

    call_command("migrate", verbosity=0)
    ensure_sections()
    present = SearchDocument.objects.filter(key__startswith="synthetic:").count()
    if present >= size:
        return
    analyse = functools.lru_cache(maxsize=None)(get_analyser().index_text)
    rng = random.Random(3 + present)
    first = min(size, max(present, 1000))
    started = time.perf_counter()
    if present < first:
        run.add_synthetic_documents(corpus, present, first, rng=rng, analyse=analyse)
        run.rebuild_vectors()
    if first < size:
        run.add_synthetic_documents(corpus, first, size, rng=rng, analyse=analyse)
        run.reuse_vectors_for(SearchDocument, first, size)
    print(
        f"prepared {size:,} synthetic documents ({DocumentVector.objects.count():,} vectors) "
        f"in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cprofile", help="also write a cProfile of the measured rounds here")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")
    import django

    django.setup()
    import corpus
    import run
    import semantic_adapter
    from django.db import connection

    from policyshare.search.models import SearchDocument

    prepare(args.size)
    clock = run.CpuClock(connection)
    stages = Stages(clock._server_ns)
    instrument(stages)
    critical = semantic_adapter.critical_path(clock._server_ns)  # outside the stages' wrappers
    queries = [(query, language) for _n, query, _t, _l, language in corpus.QUERIES]
    per_query: dict[tuple[str, str], dict[str, list[list[float]]]] = {}
    totals: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    profiler = cProfile.Profile() if args.cprofile else None
    production = run.as_in_production()
    production.enable()
    for round_number in range(1 + args.rounds):
        if profiler and round_number == 1:
            profiler.enable()
        for query, language in queries:
            stages.current = {}
            wall, cpu = stages.process_clock()
            critical.begin()
            semantic_adapter.fused_search(query, language=language, limit=run.RESULTS)
            estimate = critical.end()
            wall_end, cpu_end = stages.process_clock()
            if round_number:
                totals.setdefault((query, language), []).append(
                    (wall_end - wall, cpu_end - cpu, estimate)
                )
                for name, spent in stages.current.items():
                    per_query.setdefault((query, language), {}).setdefault(name, []).append(spent)
    production.disable()
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.cprofile)

    def percentiles(values):
        return run.percentile(values, 50) * 1000, run.percentile(values, 95) * 1000

    names = sorted({name for stages_of in per_query.values() for name in stages_of})
    print(
        f"{SearchDocument.objects.count():,} documents on {connection.vendor}, "
        f"{len(queries)} queries x {args.rounds} rounds, load average "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}, "
        f"{time.strftime('%H:%M UTC', time.gmtime())}"
    )
    print(f"{'stage':<44}{'wall p50':>9}{'p95':>8}{'cpu p50':>9}{'p95':>8}")
    rows = []
    for name in names:
        walls, cpus = [], []
        for key in per_query:
            spent = per_query[key].get(name, [])
            walls.append(sum(s[0] for s in spent) / args.rounds)
            cpus.append(sum(s[1] for s in spent) / args.rounds)
        rows.append((name, *percentiles(walls), *percentiles(cpus), statistics.mean(cpus)))
    for name, w50, w95, c50, c95, _mean in sorted(rows, key=lambda r: -r[5]):
        print(f"{name:<44}{w50:>9.1f}{w95:>8.1f}{c50:>9.1f}{c95:>8.1f}")
    walls = [statistics.median(t[0] for t in times) for times in totals.values()]
    cpus = [statistics.median(t[1] for t in times) for times in totals.values()]
    w50, w95 = percentiles(walls)
    c50, c95 = percentiles(cpus)
    print(f"{'whole search (median of rounds)':<44}{w50:>9.1f}{w95:>8.1f}{c50:>9.1f}{c95:>8.1f}")
    estimates = [statistics.median(t[2] for t in times) for times in totals.values()]
    k50, k95 = percentiles(estimates)
    print(f"{'critical path, CPU (est. wall on 2 free cores)':<44}{'':>17}{k50:>9.1f}{k95:>8.1f}")


if __name__ == "__main__":
    main()
