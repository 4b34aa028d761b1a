#!/usr/bin/env python
"""The memory of one app worker, measured as `make bench-load` reports `worker_rss_mb`, without
nginx, wrk or PostgreSQL (a few minutes, one core).

    .venv/bin/python bench/load/worker_memory.py [--env NAME=VALUE ...] [--rounds 5]

Starts a private redis-server and gunicorn (deploy/gunicorn.conf.py, production settings, one
worker) on a temporary SQLite database with the demo content, asks each of home, policy list,
policy detail and board post in Korean and English (each round with a new query string, so the
page cache misses) and seven searches in both languages, then prints one JSON line: the
worker's resident memory (VmRSS, what `worker_rss_mb` reads) and proportional memory (Pss,
its share of the pages it has in common with the master). `--env` sets a variable for the
app, e.g. `--env SEARCH_KIWI_DEFAULT_DICT=true` or `--env MALLOC_ARENA_MAX=2`, to compare.
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
from run import fetch, worker_rss_mb

SEARCHES = ["/ko/search/?q=청계천", "/ko/search/?q=따릉이", "/ko/search/?q=교통 안전",
            "/ko/search/?q=도시재생을 추진했다", "/en/search/?q=Seoul", "/en/search/?q=bicycle",
            "/en/search/?q=housing"]  # fmt: skip


def pss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError("no Pss line")


def first_link(port: int, page: str, prefix: str) -> str:
    _status, _headers, body = fetch(port, page)
    return re.search(rf'href="({re.escape(prefix)}[^"?#]+/)"', body.decode()).group(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the app")
    parser.add_argument("--rounds", type=int, default=5)
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
            extra_env={"WEB_CONCURRENCY": "1", **dict(e.split("=", 1) for e in args.env)},
        )
        app.manage("migrate", "--noinput")
        app.manage("collectstatic", "--noinput")
        app.manage("load_demo", "-v0")
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
            for path in SEARCHES:
                statuses.add(fetch(app.port, path)[0])
        worker = int(Path(f"/proc/{app.process.pid}/task/{app.process.pid}/children").read_text())
        print(
            json.dumps(
                {
                    "worker_rss_mb": worker_rss_mb(app.process.pid),
                    "worker_pss_mb": pss_mb(worker),
                    "env": args.env,
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
