#!/usr/bin/env python
"""`make bench-load`: the production stack under load, on this machine.

Starts a private PostgreSQL cluster, redis-server, gunicorn (deploy/gunicorn.conf.py) and
nginx (deploy/nginx), builds a corpus of policies and board posts in Korean and English,
then drives home, policy list, policy detail, board post and search with wrk:

- static:   nginx serving the rendered home page as a file (the ceiling);
- cached:   each page through nginx, answered from its cache;
- uncached: each page rendered by the app: every request asks for a page nobody asked for
            before (another policy or post, or a new query string), so neither nginx nor the
            app's page cache has it; only the fragment caches help, as in production;
- burst:    the five pages, cached, with 200 connections (the p99 target);
- floor:    /favicon.ico with a new query string each time: the cheapest answer the app
            gives (a redirect through nginx, gunicorn and every middleware), the same-run
            baseline that the uncached pages are also printed against ("x floor"), so that
            runs on machines of different speeds can be compared.

Prints a table and, last, one JSON line. Options: --policies, --posts, --duration.
"""

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import stack

THREADS = 2
CONNECTIONS = 50
UNCACHED_CONNECTIONS = 32
BURST_CONNECTIONS = 200
HOST = "localhost"

LUA = r"""
-- Cycles through PATHS; with UNIQUE, adds a query string no request used before.
local paths = {%(paths)s}
local unique = %(unique)s
local threads = {}
local counter = 0
local thread_number = 0

function setup(thread)
  thread_number = thread_number + 1
  thread:set("id", thread_number)
  table.insert(threads, thread)
end

function init(args)
  -- Each thread starts at its own offset: two threads never ask for the same page.
  counter = (id - 1) * math.floor(#paths / %(threads)d)
end

function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  if unique then
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "u=" .. id .. "-" .. counter
  end
  return wrk.format("GET", path, {["Host"] = "%(host)s"})
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT {\"requests\": %%d, \"seconds\": %%.3f, \"p50_ms\": %%.2f, \"p99_ms\": %%.2f, " ..
    "\"errors\": %%d}\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def wrk(workdir: Path, name: str, port: int, paths: list[str], *, unique=False,
        connections=CONNECTIONS, duration=8) -> dict:  # fmt: skip
    script = workdir / f"{name}.lua"
    script.write_text(
        LUA
        % {
            # Percent-encoded, as browsers send them (and Lua has no \u escapes).
            "paths": ", ".join(json.dumps(quote(p, safe="/?=&")) for p in paths),
            "unique": "true" if unique else "false",
            "threads": THREADS,
            "host": HOST,
        }
    )
    process = subprocess.run(
        ["wrk", "-t", str(THREADS), "-c", str(connections), "-d", f"{duration}s",
         "--timeout", "10s", "-s", str(script), f"http://127.0.0.1:{port}/"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    lines = [line for line in process.stdout.splitlines() if line.startswith("RESULT ")]
    if not lines:
        raise RuntimeError(f"wrk {name} failed:\n{process.stdout}\n{process.stderr}")
    line = lines[0]
    result = json.loads(line[len("RESULT ") :])
    result["rps"] = round(result["requests"] / result["seconds"], 1)
    result["name"] = name
    result["connections"] = connections
    return result


def fetch(port: int, path: str) -> tuple[int, dict, bytes]:
    url = f"http://127.0.0.1:{port}{quote(path, safe='/?=&')}"
    request = urllib.request.Request(url, headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.status, dict(response.headers), response.read()


def _workers(master_pid: int) -> list[int]:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    if not children:
        raise RuntimeError("no gunicorn worker found")
    return [int(pid) for pid in children]


def _cpu_ticks(pid: int) -> int:
    """User and system CPU time of a process so far, in clock ticks (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def busiest_worker_share(master_pid: int, run) -> tuple[dict, float | None]:
    """`run()`'s result, and the share of the workers' CPU time during it that the busiest
    worker used: 1/workers when the load is even, 1.0 when one worker did everything while
    the other waited (a core left idle)."""
    workers = _workers(master_pid)
    before = {pid: _cpu_ticks(pid) for pid in workers}
    result = run()
    spent = [_cpu_ticks(pid) - ticks for pid, ticks in before.items()]
    return result, round(max(spent) / sum(spent), 2) if sum(spent) else None


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS line")


def worker_rss_mb(master_pid: int) -> float:
    """The resident memory of the largest gunicorn worker (a child of the master), in MB."""
    return round(max(_rss_kb(pid) for pid in _workers(master_pid)) / 1024, 1)


def worker_memory_mb(master_pid: int) -> dict:
    """The largest gunicorn worker's resident memory (VmRSS) and proportional share (Pss:
    pages it shares with the master and the other workers count in part), in MB, and whether
    it has loaded the sentence encoder with its shared table file (`encoder_table_open`: it
    holds `*-table.npy` open; docs/search.md "Encoder memory")."""
    pid = max(_workers(master_pid), key=_rss_kb)
    pss = None
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            pss = round(int(line.split()[1]) / 1024, 1)
    table_open = False
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        try:
            table_open = table_open or os.readlink(descriptor).endswith("-table.npy")
        except OSError:  # closed meanwhile
            continue
    return {
        "rss_mb": round(_rss_kb(pid) / 1024, 1),
        "pss_mb": pss,
        "encoder_table_open": table_open,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--policies", type=int, default=6000)
    parser.add_argument("--posts", type=int, default=4000)
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    args = parser.parse_args()
    # As root on Debian (like .ci/run), nginx, its purge module and wrk are installed here.
    missing = stack.install_missing(proxy=True, load=True)
    if missing:
        sys.exit("bench-load needs: " + "; ".join(missing))

    workdir = stack.workdir("policyshare-bench-load-")
    postgres, redis = stack.Postgres(workdir), stack.Redis(workdir)
    app = nginx = None
    try:
        started = time.perf_counter()
        postgres.start()
        redis.start()
        # No worker recycling during the run: the run sends about 10,000 uncached requests to
        # two workers within two minutes, so gunicorn's max_requests (5,000, jittered) used to
        # restart a worker in the middle of a measured run, which then reloaded the Korean
        # analyser and the encoder within it (search rates of 12 to 40 req/s from one commit)
        # and was measured for memory before it had searched. `worker_restarts` checks it.
        app = stack.App(
            workdir,
            database_url=postgres.url,
            redis_url=redis.url,
            extra_env={"GUNICORN_MAX_REQUESTS": "0"},
        )
        nginx = stack.Nginx(
            workdir,
            app_ports=[app.port],
            static_root=workdir / "static",
            media_root=workdir / "media",
        )
        app.env["FRONTEND_CACHE_PURGE_URL"] = f"http://127.0.0.1:{nginx.purge_port}"
        app.manage("migrate", "--noinput")
        app.manage("collectstatic", "--noinput")
        print(f"stack up, migrated: {time.perf_counter() - started:.0f}s", flush=True)
        built = app.python(stack.ROOT / "bench/load/build_corpus.py", str(args.policies),
                           str(args.posts)).strip().splitlines()[-1]  # fmt: skip
        print(f"corpus: {built}", flush=True)
        app.start()
        nginx.start()

        # Pages of the corpus: policy n and post n are English when n is odd.
        policies = [
            f"/{'en' if n % 2 else 'ko'}/policies/policy-{n}/" for n in range(args.policies)
        ]
        boards = ["news", "media", "videos", "reports"]
        posts = []
        for n in range(args.posts):
            language = "en" if n % 2 else "ko"
            posts.append(f"/{language}/{boards[(n // 2) % 4]}/post-{n}/")
        queries = ["청계천", "Seoul", "bicycle", "따릉이", "housing", "교통", "stream", "safety"]
        searches = [f"/{'ko' if q[0] > 'z' else 'en'}/search/?q={q}" for q in queries]
        pages = {
            "home": ["/en/"],
            "policy list": ["/en/policies/"],
            "policy detail": [policies[1]],
            "board post": [posts[1]],
            "search": [searches[1]],
        }
        for paths in pages.values():
            for path in paths:
                status, _headers, _body = fetch(nginx.port, path)
                assert status == 200, (path, status)
        # Static ceiling: the very HTML of the home page, as a file nginx serves.
        _status, _headers, home_html = fetch(nginx.port, "/en/")
        (workdir / "static" / "bench").mkdir(parents=True, exist_ok=True)
        (workdir / "static" / "bench" / "home.html").write_bytes(home_html)
        for path in [p for paths in pages.values() for p in paths]:  # now from the cache
            _status, headers, _body = fetch(nginx.port, path)
        _status, headers, _body = fetch(nginx.port, "/en/")
        print(f"home page through nginx: X-Cache-Status {headers.get('X-Cache-Status')}")
        first_workers = set(_workers(app.process.pid))  # forked at start (preload_app)

        d = args.duration
        results = {"static": wrk(workdir, "static", nginx.port, ["/static/bench/home.html"],
                                 duration=d)}  # fmt: skip
        for name, paths in pages.items():
            if name != "search":  # searches are never cached (each one is recorded)
                results[f"cached {name}"] = wrk(workdir, "c", nginx.port, paths, duration=d)
        cached_mix = [p for name, paths in pages.items() if name != "search" for p in paths]
        results["cached mix"] = wrk(workdir, "cm", nginx.port, cached_mix, duration=d)
        results["burst cached mix"] = wrk(
            workdir, "burst", nginx.port, cached_mix, connections=BURST_CONNECTIONS, duration=d
        )
        # Warm the app servers (connections, templates, site data) as production ones are,
        # on pages the measured runs do not ask for.
        wrk(
            workdir, "warm", nginx.port, posts[-1000:], connections=UNCACHED_CONNECTIONS, duration=4
        )
        # The same-run baseline: the app's cheapest answer, through the same stack.
        results["uncached app floor"] = wrk(
            workdir, "floor", nginx.port, ["/favicon.ico"], unique=True,
            connections=UNCACHED_CONNECTIONS, duration=d,
        )  # fmt: skip
        floor = results["uncached app floor"]["rps"]
        uncached = {
            "home": (["/en/", "/ko/"], True),
            "policy list": (["/en/policies/", "/ko/policies/?page=2"], True),
            "policy detail": (policies, False),
            "board post": (posts[:-1000], False),  # the warming run asked for the others
            "search": (searches, True),
        }
        shares = {}
        for name, (paths, unique) in uncached.items():
            results[f"uncached {name}"], shares[name] = busiest_worker_share(
                app.process.pid,
                functools.partial(
                    wrk, workdir, "u", nginx.port, paths, unique=unique,
                    connections=UNCACHED_CONNECTIONS, duration=d,
                ),
            )  # fmt: skip
        # Policies the run above did not reach: each of its two wrk threads went through
        # its own half from the start, one request after another.
        reached = results["uncached policy detail"]["requests"] // THREADS + 50
        half = len(policies) // 2
        unseen = policies[reached:half] + policies[half + reached :]
        results["burst uncached policy detail"] = wrk(
            workdir, "bu", nginx.port, unseen, connections=BURST_CONNECTIONS, duration=d
        )

        print(
            f"\n{'run':32} {'conns':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}"
            f" {'x floor':>8} {'busiest':>8}"
        )
        for name, r in results.items():
            ratio = f"{r['rps'] / floor:>8.3f}" if name.startswith("uncached") and floor else ""
            share = shares.get(name.removeprefix("uncached "))
            busiest = f" {share:>8.2f}" if name.startswith("uncached") and share else ""
            print(
                f"{name:32} {r['connections']:>5} {r['rps']:>9.1f} {r['p50_ms']:>8.1f} "
                f"{r['p99_ms']:>8.1f} {r['errors']:>6} {ratio:>8}{busiest}"
            )
        memory = worker_memory_mb(app.process.pid)
        restarts = len(set(_workers(app.process.pid)) - first_workers)
        summary = {
            "static_rps": results["static"]["rps"],
            "cached_rps": results["cached mix"]["rps"],
            "uncached_rps": results["uncached policy detail"]["rps"],
            "search_rps": results["uncached search"]["rps"],
            "uncached_home_rps": results["uncached home"]["rps"],
            "uncached_list_rps": results["uncached policy list"]["rps"],
            "p99_ms_200_conns": results["burst cached mix"]["p99_ms"],
            # Uncached pages against the app's cheapest answer in this run (see "floor").
            "app_floor_rps": floor,
            "x_floor": {
                name: round(results[f"uncached {name}"]["rps"] / floor, 3) if floor else None
                for name in ("home", "policy list", "policy detail", "board post")
            },
            # The busiest worker's share of the workers' CPU in each uncached run: 0.5 is
            # even on 2 workers; near 1.0, one worker served while the other idled.
            "busiest_worker_share": shares,
            "errors": sum(r["errors"] for r in results.values()),
            # After every run, searches included, so the Korean analyser and the sentence
            # encoder are loaded (each search embeds its query).
            "worker_rss_mb": memory["rss_mb"],
            "worker_pss_mb": memory["pss_mb"],
            "encoder_table_open": memory["encoder_table_open"],
            # Workers started after the first ones (0 unless one crashed or was killed).
            "worker_restarts": restarts,
        }
        print(
            f"\ncorpus {args.policies} policies + {args.posts} posts (ko/en); gunicorn "
            f"{app.env.get('WEB_CONCURRENCY', os.cpu_count())} workers x "
            f"{app.env.get('GUNICORN_THREADS', 2)} threads; wrk {THREADS} threads, {d}s per run;"
            f" p99_ms_200_conns is the cached mix at 200 connections "
            f"(uncached detail at 200: {results['burst uncached policy detail']['p99_ms']} ms)"
        )
        print(json.dumps(summary))
    finally:
        for piece in (nginx, app, redis):
            if piece is not None:
                piece.stop()
        postgres.stop("immediate")
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
