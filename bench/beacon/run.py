#!/usr/bin/env python
"""`make bench-beacon`: the app CPU that one view-count hit costs (issue 20: at most 1 ms).

Builds a throwaway test database (SQLite by default; DATABASE_URL for PostgreSQL) with a few
pages, then sends view-count hits (`/views/<page id>.gif`) through Django's test client,
each from a new visitor (the costly path: a visit row, the page's total and its day row are
written), and measures this process's CPU time (`time.process_time`: the app's own work
plus, on SQLite, the database's, which runs in the process).

Absolute figures depend on the machine, so they are also given as a ratio against a
baseline measured in the same run through the same client and middleware: `/favicon.ico`,
a view that touches no database. A benchmark, not a test: it prints figures and writes
bench/results/beacon-<time>.json.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")
os.environ.setdefault("DATABASE_URL", "")

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"


def cpu_per_request(client, paths, *, rounds: int, visitors: bool) -> list[float]:
    """CPU milliseconds of each round of requests, divided by the requests in it."""
    samples = []
    hit = 0
    for _ in range(rounds):
        start = time.process_time()
        for path in paths:
            hit += 1
            # A new address each time: every hit is a new visitor-day, the writing path.
            address = f"10.{hit // 65536 % 256}.{hit // 256 % 256}.{hit % 256}"
            response = client.get(
                path, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=address if visitors else "10.0.0.1"
            )
            if response.status_code not in (200, 301, 302):
                raise SystemExit(f"{path} answered {response.status_code}")
        samples.append((time.process_time() - start) * 1000 / len(paths))
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hits", type=int, default=200, help="requests per round")
    parser.add_argument("--rounds", type=int, default=7, help="rounds (median reported)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    from policyshare.core.tests import builders

    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        sections = builders.sections(languages=("ko", "en"))
        pages = [
            builders.make_policy(library=sections["policies"]["en"], slug=f"bench-{n}")
            for n in range(10)
        ]
        client = Client()
        beacon = [f"/views/{pages[n % len(pages)].pk}.gif" for n in range(args.hits)]
        baseline = ["/favicon.ico"] * args.hits
        # Warm up both paths (imports, first queries, caches).
        cpu_per_request(client, beacon[:20], rounds=1, visitors=True)
        cpu_per_request(client, baseline[:20], rounds=1, visitors=False)
        base, hits = [], []
        for _ in range(args.rounds):  # interleaved, so load changes hit both alike
            base += cpu_per_request(client, baseline, rounds=1, visitors=False)
            hits += cpu_per_request(client, beacon, rounds=1, visitors=True)
    finally:
        teardown_databases(databases, verbosity=0)

    from django.db import connection

    result = {
        "database": connection.vendor,
        "hits_per_round": args.hits,
        "rounds": args.rounds,
        "beacon_cpu_ms_median": round(statistics.median(hits), 3),
        "baseline_cpu_ms_median": round(statistics.median(base), 3),
        "beacon_over_baseline": round(statistics.median(hits) / statistics.median(base), 2),
        "beacon_extra_cpu_ms": round(statistics.median(hits) - statistics.median(base), 3),
        "target_ms": 1.0,
        "load_average": os.getloadavg(),
        "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    print(
        f"view-count beacon ({result['database']}): {result['beacon_cpu_ms_median']} ms CPU "
        f"per hit (median of {args.rounds} rounds of {args.hits}); baseline /favicon.ico "
        f"{result['baseline_cpu_ms_median']} ms; ratio {result['beacon_over_baseline']}; "
        f"the beacon's own work {result['beacon_extra_cpu_ms']} ms (target: at most 1 ms); "
        f"load {result['load_average'][0]:.2f}"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"beacon-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(result))


if __name__ == "__main__":
    main()
