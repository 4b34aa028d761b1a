#!/usr/bin/env python
"""The app's CPU per uncached home and policy-list page, before and after a change.

    DATABASE_URL=postgres://… python bench/load/cpu_per_page.py BEFORE_TREE AFTER_TREE

Each tree is a checkout of the project (e.g. `git archive main | tar -x -C /tmp/before`),
with its static files collected (`manage.py collectstatic`, production settings). Both run
against the same database, which holds the bench corpus (`build_corpus.py`, after
`migrate`), with production settings and a per-process cache (locmem; no Redis), as one
gunicorn thread would serve them. For each page, the two trees are measured in turn
(`--rounds` times, each a fresh process): after warming the process (its fragments, the
pages every page shares), `--gets` GETs of pages no one asked for, as `make bench-load`'s
uncached runs ask for them (home: /en/ and /ko/, list: /en/policies/ and
/ko/policies/?page=2, each with a new query string), each timed with
`time.process_time()`. Prints the median CPU milliseconds and the queries per page of each
tree, and the load average before and after. CPU time, not wall time: the machine may be
shared.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

PAGES = {
    "home": ["/en/", "/ko/"],
    "policy list": ["/en/policies/", "/ko/policies/?page=2"],
}

WORKER = r"""
import json, os, sys, time
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

paths, gets = json.loads(sys.argv[1]), int(sys.argv[2])
client = Client(HTTP_HOST="localhost")


def get(path, n):
    sep = "&" if "?" in path else "?"
    response = client.get(f"{path}{sep}u=cpu-{os.getpid()}-{n}", secure=True)
    assert response.status_code == 200, (path, response.status_code)


for n in range(20):  # warm: connections, templates, fragments
    get(paths[n % len(paths)], -n - 1)
times, queries = [], []
for n in range(gets):
    path = paths[n % len(paths)]
    with CaptureQueriesContext(connection) as captured:
        started = time.process_time()
        get(path, n)
        times.append((time.process_time() - started) * 1000)
    queries.append(len(captured))
print(json.dumps({"times": times, "queries": queries}))
"""


def measure(tree: Path, paths: list[str], gets: int) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "policyshare.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-" + "x" * 50),
        "ALLOWED_HOSTS": "localhost",
        "PYTHONPATH": str(tree),
    }
    env.pop("REDIS_URL", None)
    process = subprocess.run(
        [sys.executable, "-c", WORKER, json.dumps(paths), str(gets)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if process.returncode != 0:
        raise SystemExit(f"{tree}: {process.stderr[-3000:]}")
    return json.loads(process.stdout.strip().splitlines()[-1])


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--gets", type=int, default=60, help="timed GETs per process")
    parser.add_argument("--rounds", type=int, default=2, help="processes per tree and page")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("set DATABASE_URL to the database holding the bench corpus")
    print(f"load average at start: {load_average()}", flush=True)
    results = {}
    for page, paths in PAGES.items():
        samples = {"before": {"times": [], "queries": []}, "after": {"times": [], "queries": []}}
        for _ in range(args.rounds):
            for name, tree in (("before", args.before), ("after", args.after)):
                found = measure(tree.resolve(), paths, args.gets)
                samples[name]["times"] += found["times"]
                samples[name]["queries"] += found["queries"]
        results[page] = {
            name: {
                "cpu_ms": round(statistics.median(s["times"]), 1),
                "queries": round(statistics.median(s["queries"])),
            }
            for name, s in samples.items()
        }
        before, after = results[page]["before"], results[page]["after"]
        print(
            f"{page:12} before {before['cpu_ms']:6.1f} ms ({before['queries']} queries)   "
            f"after {after['cpu_ms']:6.1f} ms ({after['queries']} queries)   "
            f"ratio {after['cpu_ms'] / before['cpu_ms']:.2f}",
            flush=True,
        )
    print(f"load average at end: {load_average()}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
