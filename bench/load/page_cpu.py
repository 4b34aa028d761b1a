"""CPU time and queries of uncached pages, in one process (bench/load/README.md).

Run with the production settings against a database that holds the bench corpus (and, to
see a policy with indicators, budget lines and transfers, the demo content):

    DJANGO_SETTINGS_MODULE=policyshare.settings.production SECRET_KEY=... \\
    ALLOWED_HOSTS=localhost DATABASE_URL=postgres://... [REDIS_URL=redis://...] \\
    SECURE_SSL_REDIRECT=false SITE_URL=http://localhost \\
    python bench/load/page_cpu.py -n 100 /en/policies/policy-{n}/ /en/policies/some-slug/

Each path is asked for `-n` times through Django's test client (the whole middleware
stack, as gunicorn's worker runs it), each time with a query string no request used
before, so the page cache misses; a path with `{n}` is a different page each time, as
`make bench-load`'s uncached runs ask for them: `n` from 1 by 2, or as `@start:step` after
the path says (policy and post n of the corpus are English when n is odd; post n is on the
news board when n // 2 is a multiple of 4: `/en/news/post-{n}/@1:8`). Before the timed
requests, a few other pages are asked for, so that the fragments every page shares are warm,
as in production. Prints,
per path, the median and quartiles of `time.process_time()` per request and the number of
queries (`--calls`: and Python function calls per request, which the machine's load does
not change); `--profile FILE` writes a cProfile of the timed requests of the first path.
"""

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("-n", type=int, default=100, help="requests per path")
    parser.add_argument("--warm", default="/en/,/ko/,/en/news/", help="comma-separated")
    parser.add_argument("--profile", help="write a cProfile of the first path's requests")
    parser.add_argument("--show", type=int, default=0, help="print this many queries")
    parser.add_argument(
        "--calls",
        action="store_true",
        help="also count Python function calls per request (cProfile, 10 more requests): "
        "a measure the machine's load does not change",
    )
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.production")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    def get(path: str):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code}")
        return response

    def sep(path: str) -> str:  # a path with a query string (a filter) keeps it
        return "&" if "?" in path else "?"

    for path in filter(None, args.warm.split(",")):
        get(path)
    gc.collect()
    gc.freeze()  # as deploy/gunicorn.conf.py does before forking

    print(f"{'path':50} {'median ms':>9} {'q1':>6} {'q3':>6} {'queries':>8}")
    with connection.execute_wrapper(count):
        for index, pattern in enumerate(args.paths):
            path, _at, numbering = pattern.partition("@")
            start, step = (int(x) for x in numbering.split(":")) if numbering else (1, 2)
            pages = [
                path.format(n=start + step * k) if "{n}" in path else path
                for k in range(args.n + 11)  # the last 10 for --calls: pages not asked for yet
            ]
            # This page type's templates and prepared reads.
            get(f"{pages[args.n]}{sep(pages[args.n])}warm=1")
            times, counts = [], []
            profiler = cProfile.Profile(time.process_time) if args.profile and index == 0 else None
            for k, page in enumerate(pages[: args.n]):
                queries.clear()
                url = f"{page}{sep(page)}u={time.time_ns()}-{k}"
                if profiler:
                    profiler.enable()
                started = time.process_time()
                get(url)
                times.append((time.process_time() - started) * 1000)
                if profiler:
                    profiler.disable()
                counts.append(len(queries))
                if args.show and k == args.n - 1:
                    for sql in queries[: args.show]:
                        print("   ", sql[:300])
            q1, median, q3 = statistics.quantiles(times, n=4)
            spread = f"{min(counts)}–{max(counts)}" if min(counts) != max(counts) else counts[0]
            calls = ""
            if args.calls:
                counter = cProfile.Profile()
                for k in range(10):
                    counter.enable()
                    page = pages[args.n + 1 + k]
                    get(f"{page}{sep(page)}c={time.time_ns()}-{k}")
                    counter.disable()
                calls = f" {pstats.Stats(counter).total_calls / 10:9.0f} calls"
            print(f"{pattern:50} {median:9.2f} {q1:6.2f} {q3:6.2f} {spread!s:>8}{calls}")
            if profiler:
                profiler.dump_stats(args.profile)
                stats = pstats.Stats(args.profile)
                stats.sort_stats("tottime").print_stats(35)
                stats.sort_stats("cumulative").print_stats(60)


if __name__ == "__main__":
    main()
