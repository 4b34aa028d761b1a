#!/usr/bin/env python
"""The memory of one app worker, measured as `make bench-load` reports `worker_rss_mb`, without
nginx, wrk or PostgreSQL (a few minutes, one core).

    .venv/bin/python bench/load/worker_memory.py [--env NAME=VALUE ...] [--rounds 5] [--no-vectors]

Starts a private redis-server and gunicorn (deploy/gunicorn.conf.py, production settings, one
worker) on a temporary SQLite database with the demo content and its search vectors
(`rebuild_search_vectors`, as a site has them; `--no-vectors` leaves them out), asks each of
home, policy list, policy detail and board post in Korean and English (each round with a new
query string, so the page cache misses), notes the worker's memory, then seven searches in both
languages (the first loads the Korean analyser and the sentence encoder), and prints one JSON
line: the worker's resident memory (VmRSS, what `worker_rss_mb` reads) and proportional memory
(Pss, its share of the pages it has in common with the master and other processes) before and
after the searches, and whether the worker holds the encoder's shared table file open (it has
loaded the encoder; docs/search.md "Encoder memory"). `--env` sets a variable for the app,
e.g. `--env SEARCH_ENCODER_SHARED_TABLE=false`,
`--env PORTAL_SEARCH_SEMANTIC=false` (the analyser alone) or `--env MALLOC_ARENA_MAX=2`.
The encoder's table file is written in the temporary directory, as on a first deployment.
"""

import argparse
import json
import os
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import stack
from run import fetch, worker_memory_mb

SEARCHES = ["/ko/search/?q=청계천", "/ko/search/?q=따릉이", "/ko/search/?q=교통 안전",
            "/ko/search/?q=도시재생을 추진했다", "/en/search/?q=Seoul", "/en/search/?q=bicycle",
            "/en/search/?q=housing"]  # fmt: skip


def first_link(port: int, page: str, prefix: str) -> str:
    _status, _headers, body = fetch(port, page)
    return re.search(rf'href="({re.escape(prefix)}[^"?#]+/)"', body.decode()).group(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the app")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-vectors", action="store_true", help="no search vectors")
    args = parser.parse_args()
    workdir = stack.workdir("policyshare-worker-memory-")
    redis = stack.Redis(workdir)
    app = None
    try:
        redis.start()
        app = stack.App(
            workdir,
            database_url=f"sqlite:///{workdir / 'db.sqlite3'}",
            redis_url=redis.url,
            extra_env={
                "WEB_CONCURRENCY": "1",
                "SEARCH_ENCODER_CACHE_DIR": str(workdir / "encoder"),
                **dict(e.split("=", 1) for e in args.env),
            },
        )
        app.manage("migrate", "--noinput")
        app.manage("collectstatic", "--noinput")
        app.manage("load_demo", "-v0")
        vectors = "" if args.no_vectors else app.manage("rebuild_search_vectors").strip()
        app.start()
        paths = []
        for language in ("ko", "en"):
            paths += [
                f"/{language}/",
                f"/{language}/policies/",
                first_link(app.port, f"/{language}/policies/", f"/{language}/policies/"),
                first_link(app.port, f"/{language}/news/", f"/{language}/news/"),
            ]
        statuses = set()
        for n in range(args.rounds):
            for path in paths:
                statuses.add(fetch(app.port, f"{path}?n={n}")[0])
        pages_only = worker_memory_mb(app.process.pid)
        for _round in range(args.rounds):
            for path in SEARCHES:
                statuses.add(fetch(app.port, path)[0])
        memory = worker_memory_mb(app.process.pid)
        print(
            json.dumps(
                {
                    "worker_rss_mb": memory["rss_mb"],
                    "worker_pss_mb": memory["pss_mb"],
                    "encoder_table_open": memory["encoder_table_open"],
                    "before_searches": {
                        "worker_rss_mb": pages_only["rss_mb"],
                        "worker_pss_mb": pages_only["pss_mb"],
                    },
                    "env": args.env,
                    "vectors": vectors,
                    "requests": args.rounds * (len(paths) + len(SEARCHES)),
                    "statuses": sorted(statuses),
                    "load_average": round(os.getloadavg()[0], 2),
                }
            )
        )
    finally:
        if app is not None:
            app.stop()
        redis.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
