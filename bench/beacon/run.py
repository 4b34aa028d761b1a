#!/usr/bin/env python
"""`make bench-beacon`: the app CPU that one view-count hit costs (issue 20: at most 1 ms).

Builds a throwaway test database (SQLite by default; DATABASE_URL for PostgreSQL, e.g.
`DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_beacon make bench-beacon`) with a few
pages, then sends view-count hits (`/views/<page id>.gif`) to the project's WSGI application
(what gunicorn calls: every middleware, the URL resolver, the view), each from a new visitor
(the costly path: a visit row, the page's total and its day row are written), and measures
this process's CPU time (`time.process_time`: the app's own work plus, on SQLite, the
database's, which runs in the process; PostgreSQL's own work is in its server process and
is not counted).

The caches are set as in production (FRAGMENT_CACHE_SECONDS, PAGE_CACHE_SECONDS from
settings/base.py), not as in the test settings, which turn them off: with them off, every
request looked the site up in the database, a cost no deployed request has.

After the run, the database must hold exactly one visit, one view in the day's rows and one
in the totals per hit sent: a beacon that stopped writing would make the bench fail, not
look fast.

Absolute figures depend on the machine, so they are also given as a ratio against a
baseline measured in the same run through the same application: `/favicon.ico`, a view that
touches no database. A benchmark, not a test: it prints figures and writes
bench/results/beacon-<time>.json. `--profile N` prints the N most costly functions of the
beacon's hits instead (cProfile).
"""

import argparse
import io
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


def environ(path: str, address: str) -> dict:
    """A WSGI environ as gunicorn builds it for a browser's GET."""
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": address,
        "HTTP_HOST": "localhost",
        "HTTP_USER_AGENT": BROWSER,
        "HTTP_ACCEPT": "image/avif,image/webp,*/*",
        "HTTP_ACCEPT_LANGUAGE": "ko-KR,ko;q=0.9,en;q=0.8",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


class Sender:
    """Sends requests to the WSGI application, each from a new address when asked."""

    def __init__(self, application):
        self.application = application
        self.hits = 0

    def send(self, path: str, *, new_visitor: bool) -> None:
        self.hits += 1
        hit = self.hits
        address = f"10.{hit // 65536 % 256}.{hit // 256 % 256}.{hit % 256}"
        statuses = []
        body = self.application(
            environ(path, address if new_visitor else "10.255.255.1"),
            lambda status, headers, exc_info=None: statuses.append(status),
        )
        try:
            b"".join(body)
        finally:
            body.close()  # request_finished, as a WSGI server does
        if not statuses[0].startswith(("200", "301", "302")):
            raise SystemExit(f"{path} answered {statuses[0]}")

    def cpu_per_request(self, paths, *, new_visitors: bool) -> float:
        """CPU milliseconds per request of sending `paths`."""
        start = time.process_time()
        for path in paths:
            self.send(path, new_visitor=new_visitors)
        return (time.process_time() - start) * 1000 / len(paths)


def database_label(connection) -> str:
    if connection.vendor == "postgresql":
        version = connection.cursor().connection.info.server_version
        return f"postgresql {version // 10000}.{version % 10000}"
    import sqlite3

    return f"sqlite {sqlite3.sqlite_version}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hits", type=int, default=200, help="requests per round")
    parser.add_argument("--rounds", type=int, default=7, help="rounds (median reported)")
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="print the N costliest functions"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.db.models import Sum
    from django.test.utils import (
        override_settings,
        setup_databases,
        setup_test_environment,
        teardown_databases,
    )

    from policyshare.core.models import PageViewCount, PageViewDay, PageVisit
    from policyshare.core.tests import builders
    from policyshare.settings import base

    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    production_caching = override_settings(
        FRAGMENT_CACHE_SECONDS=base.FRAGMENT_CACHE_SECONDS,
        PAGE_CACHE_SECONDS=base.PAGE_CACHE_SECONDS,
        ALLOWED_HOSTS=["localhost"],
    )
    production_caching.enable()
    try:
        database = database_label(connection)
        sections = builders.sections(languages=("ko", "en"))
        pages = [
            builders.make_policy(library=sections["policies"]["en"], slug=f"bench-{n}")
            for n in range(10)
        ]
        sender = Sender(WSGIHandler())
        beacon = [f"/views/{pages[n % len(pages)].pk}.gif" for n in range(args.hits)]
        baseline = ["/favicon.ico"] * args.hits
        # Warm up both paths (imports, first queries, caches).
        sender.cpu_per_request(beacon[:20], new_visitors=True)
        sender.cpu_per_request(baseline[:20], new_visitors=False)
        beacon_hits = 20
        if args.profile:
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.runcall(sender.cpu_per_request, beacon, new_visitors=True)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
            return
        base_ms, hit_ms = [], []
        for _ in range(args.rounds):  # interleaved, so load changes hit both alike
            base_ms.append(sender.cpu_per_request(baseline, new_visitors=False))
            hit_ms.append(sender.cpu_per_request(beacon, new_visitors=True))
            beacon_hits += len(beacon)
        written = {
            "visits": PageVisit.objects.count(),
            "day_rows_views": PageViewDay.objects.aggregate(n=Sum("views"))["n"],
            "totals": PageViewCount.objects.aggregate(n=Sum("count"))["n"],
        }
        if set(written.values()) != {beacon_hits}:
            raise SystemExit(f"{beacon_hits} hits sent but {written} counted")
    finally:
        production_caching.disable()
        teardown_databases(databases, verbosity=0)

    result = {
        "database": database,
        "entry": "WSGIHandler",
        "hits_per_round": args.hits,
        "rounds": args.rounds,
        "hits_counted": beacon_hits,
        "beacon_cpu_ms_median": round(statistics.median(hit_ms), 3),
        "baseline_cpu_ms_median": round(statistics.median(base_ms), 3),
        "beacon_over_baseline": round(statistics.median(hit_ms) / statistics.median(base_ms), 2),
        "beacon_extra_cpu_ms": round(statistics.median(hit_ms) - statistics.median(base_ms), 3),
        "target_ms": 1.0,
        "load_average": os.getloadavg(),
        "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    print(
        f"view-count beacon ({result['database']}): {result['beacon_cpu_ms_median']} ms CPU "
        f"per hit, every hit a new visitor and counted ({beacon_hits} hits; median of "
        f"{args.rounds} rounds of {args.hits}); baseline /favicon.ico "
        f"{result['baseline_cpu_ms_median']} ms; ratio {result['beacon_over_baseline']}; "
        f"the beacon's own work {result['beacon_extra_cpu_ms']} ms (target: the whole hit at "
        f"most 1 ms); load {result['load_average'][0]:.2f}"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"beacon-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(result))


if __name__ == "__main__":
    main()
