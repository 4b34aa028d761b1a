"""Each judged query's full-text query alone, slowest first: how long it takes and how many
documents match any of its terms (the query as the search runs it) and all of them.

    DATABASE_URL=sqlite:////tmp/bench100k.sqlite3 .venv/bin/python bench/search/lexical_tail.py \\
        [--top 25] [--common-share 0.1,0.05]

Run it on a database `profile_stages.py --size N` prepared (it adds nothing itself). The
terms are those `search_documents` would send (analysis, synonyms, `_without_common_terms`);
the time is the best of three runs of the SQLite FTS5 query that `_FulltextQuery.candidates`
runs without filters (BM25, best 1,001). Figures in docs/search.md, "The lexical tail at 100k,
query by query". With `--common-share`, the p50 / p95 / max of every query's time for each
share of documents above which a term counts as common (`COMMON_TERM_SHARE`).
"""

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def best_of_three(connection, sql, params) -> tuple[float, list]:
    best, rows = float("inf"), []
    for _ in range(3):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        best = min(best, time.perf_counter() - started)
    return best * 1000, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=25, help="print this many queries")
    parser.add_argument("--common-share", default="", help="comma-separated shares to compare")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")
    import django

    django.setup()
    import corpus
    from django.db import connection

    from policyshare.search import fulltext, selectors, synonyms
    from policyshare.search.analysis import get_analyser

    if connection.vendor != "sqlite":
        sys.exit("lexical_tail.py times SQLite's FTS5 query: give it a SQLite DATABASE_URL")
    fts = fulltext.FTS_TABLE
    ranked = (
        f"SELECT rowid, -rank FROM {fts} WHERE {fts} MATCH %s AND rank MATCH %s "  # noqa: S608
        "ORDER BY rank LIMIT 1001"
    )
    counted = f"SELECT count(*) FROM {fts} WHERE {fts} MATCH %s"  # noqa: S608

    def query_terms(query, language):
        terms = synonyms.expand(get_analyser().query_terms(query, language), language)
        return selectors._without_common_terms(terms)

    rows = []
    for name, query, _topics, _languages, language in corpus.QUERIES:
        terms = query_terms(query, language)
        if not terms:
            continue
        any_term = " OR ".join(f'"{t}"' for t in terms)
        every_term = " AND ".join(f'"{t}"' for t in terms)
        ms, _ = best_of_three(connection, ranked, [any_term, selectors.BM25])
        with connection.cursor() as cursor:
            cursor.execute(counted, [any_term])
            matching_any = cursor.fetchone()[0]
            cursor.execute(counted, [every_term])
            matching_all = cursor.fetchone()[0]
        rows.append((ms, len(terms), matching_any, matching_all, name, query))
    if not rows:
        sys.exit("no judged query has a term: is this a database profile_stages.py prepared?")
    rows.sort(reverse=True)
    print(f"{selectors._document_count():,} documents, {len(rows)} queries")
    print(f"{'ms':>6} {'terms':>5} {'any':>7} {'all':>7}  query (class)")
    for ms, count, matching_any, matching_all, name, query in rows[: args.top]:
        print(f"{ms:6.1f} {count:5d} {matching_any:7,d} {matching_all:7,d}  {query} ({name})")
    times = sorted(row[0] for row in rows)
    print(f"p95 {times[int(len(times) * 0.95)]:.1f} ms")

    for share in [float(s) for s in args.common_share.split(",") if s]:
        selectors.COMMON_TERM_SHARE = share
        times = []
        for _name, query, _topics, _languages, language in corpus.QUERIES:
            terms = query_terms(query, language)
            if terms:
                any_term = " OR ".join(f'"{t}"' for t in terms)
                times.append(best_of_three(connection, ranked, [any_term, selectors.BM25])[0])
        times.sort()
        print(
            f"COMMON_TERM_SHARE {share}: p50 {times[len(times) // 2]:.1f}, "
            f"p95 {times[int(len(times) * 0.95)]:.1f}, max {times[-1]:.1f} ms"
        )


if __name__ == "__main__":
    main()
