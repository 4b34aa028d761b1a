#!/usr/bin/env python
"""`make test-faults`: the production stack keeps its promises when things fail.

On a private stack (PostgreSQL cluster, redis-server, gunicorn with production settings;
see bench/stack.py), with a small generated corpus:

1. PostgreSQL restarted under steady load: while it is down, every page that needs it is
   refused at once with a 5xx (the home page, whose sections are kept in the fragment cache,
   may still be answered), errors only then, every request answered 200 again within 5
   seconds of it being back, same gunicorn (no app restart).
2. Redis stopped: pages are served uncached, never a 500; caching resumes once it is back.
3. A request form sent while the database is down gets a 503 page that says it was not
   sent; nothing is stored; the same form sent after recovery is stored once.
4. 1,000 concurrent view-beacon hits from N distinct visitors raise the count by exactly N.

Exits non-zero on the first broken promise. Takes about a minute and a half.
"""

import http.client
import json
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import stack

HOST = "localhost"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"
RECOVERY_SECONDS = 5.0
DISTINCT_VISITORS = 250
VIEWS = 1000
PORTAL_TIME_ZONE = "Asia/Seoul"  # settings.TIME_ZONE; this script does not load Django


class Failed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)
    print(f"  ok: {message}", flush=True)


def request(port, method, path, *, body=None, headers=None, timeout=10.0):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            method,
            path,
            body=body,
            headers={"Host": HOST, "User-Agent": BROWSER, **(headers or {})},
        )
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def steady_load(port, paths, stop: threading.Event, log: list, workers=4):
    """Requests back to back from a few threads, each logged as (start, end, status, path)."""

    def worker(n):
        counter = 0
        while not stop.is_set():
            counter += 1
            page = paths[counter % len(paths)]
            path = f"{page}?load={n}-{counter}"
            started = time.monotonic()
            try:
                status, _headers, _body = request(port, "GET", path, timeout=5)
            except OSError:
                status = 0
            log.append((started, time.monotonic(), status, page))
            time.sleep(0.02)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    return threads


def postgres_restart(postgres, app, port, paths):
    print("1. PostgreSQL restarted under load", flush=True)
    log, stop = [], threading.Event()
    pid = app.process.pid
    threads = steady_load(port, paths, stop, log)
    time.sleep(3)
    down_at = time.monotonic()
    postgres.stop("fast")
    # Stopping and starting take time of their own (longer on a busy machine): a request in
    # those moments may still be answered. Only those entirely between "stopped" and
    # "starting" must be refused.
    stopped_at = time.monotonic()
    time.sleep(3)
    starting_at = time.monotonic()
    postgres.start()
    up_at = time.monotonic()
    time.sleep(RECOVERY_SECONDS + 3)
    stop.set()
    for thread in threads:
        thread.join()
    before = [s for start, end, s, _page in log if end < down_at]
    during = [
        (s, page) for start, end, s, page in log if stopped_at <= start and end <= starting_at
    ]
    after = [s for start, end, s, _page in log if start > up_at + RECOVERY_SECONDS]
    errors = [(start, s) for start, end, s, _page in log if s != 200]
    check(before and all(s == 200 for s in before), f"{len(before)} requests before: all 200")
    # The home page reads no table once its sections are kept in the fragment cache, so it
    # may still be answered while the database is down (or refused, if a fragment expired).
    # Every other page needs the database: it must be refused with a 5xx at once, never hang.
    home = paths[0]
    answers = {}
    for s, page in during:
        answers.setdefault(page, []).append(s)
    needs_database = [s for s, page in during if page != home]
    check(
        needs_database and all(s in (500, 503) for s in needs_database),
        f"{len(needs_database)} requests for pages that need the database while it was down:"
        f" all refused with a 5xx: { {p: sorted(set(v)) for p, v in answers.items()} }",
    )
    check(
        all(s in (200, 500, 503) for s in answers.get(home, [])),
        f"{len(answers.get(home, []))} requests for the home page while down: answered from"
        " its kept sections or refused, no hangs",
    )
    check(
        all(down_at - 5 <= start <= up_at + RECOVERY_SECONDS for start, _ in errors),
        f"{len(errors)} errors, all while the database was down or within 5 s of its return",
    )
    check(after and all(s == 200 for s in after), f"{len(after)} requests 5 s after: all 200")
    first_ok = min(
        (end for start, end, s, _page in log if start > up_at and s == 200), default=None
    )
    check(
        first_ok is not None and first_ok - up_at <= RECOVERY_SECONDS,
        f"first 200 {first_ok - up_at:.2f} s after the database was back",
    )
    check(app.process.poll() is None and app.process.pid == pid, "same gunicorn, not restarted")


def redis_stopped(redis, port, paths):
    print("2. Redis stopped", flush=True)
    status, headers, _ = request(port, "GET", paths[0])
    status, headers, _ = request(port, "GET", paths[0])
    check(headers.get("X-Page-Cache") == "hit", "with Redis, a page comes from the cache")
    redis.stop()
    statuses = []
    cache_states = set()
    for n, path in enumerate(paths * 3):
        status, headers, _ = request(port, "GET", f"{path}?redis-down={n}")
        statuses.append(status)
        cache_states.add(headers.get("X-Page-Cache"))
        status, headers, _ = request(port, "GET", path)
        statuses.append(status)
        cache_states.add(headers.get("X-Page-Cache"))
    check(all(s == 200 for s in statuses), f"{len(statuses)} pages without Redis: all 200")
    check(cache_states <= {"miss", None}, "and all of them rendered, none from a cache")
    redis.start()
    time.sleep(1.5)  # the cache backend leaves Redis alone for a second after a failure
    request(port, "GET", paths[0])
    _, headers, _ = request(port, "GET", paths[0])
    check(headers.get("X-Page-Cache") == "hit", "Redis back: caching resumes, no restart")


def form_fields(policy_id: str) -> dict:
    # The form checks dates against the portal's day (TIME_ZONE), not this machine's.
    start = datetime.now(ZoneInfo(PORTAL_TIME_ZONE)).date() + timedelta(days=60)
    return {
        "name": "Ana Gómez",
        "position": "Director of Mobility",
        "organisation": "Alcaldía de Bogotá",
        "city": "Bogotá",
        "country": "CO",
        "email": "ana@example.org",
        "phone": "+57 1 381 3000",
        "topic": "Bus rapid transit reform",
        "date_from": start.isoformat(),
        "date_to": (start + timedelta(days=3)).isoformat(),
        "participants": "12",
        "meeting_language": "en",
        "message": "We would like to learn how Seoul reorganised its bus routes.",
        "consent": "on",
        "website": "",
        "policies": policy_id,
    }


def shown_with_the_form(body: bytes) -> dict:
    """What a browser sends back from the rendered form besides the visitor's answers: the
    version of the consent wording it showed (docs/requests.md, "Consent")."""
    version = re.search(rb'name="consent_version" value="([^"]*)"', body)
    return {"consent_version": version.group(1).decode()} if version else {}


def submit(port, path, fields, *, address):
    status, headers, body = request(port, "GET", path, headers={"X-Forwarded-For": address})
    cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or not cookie or not token:
        raise Failed(f"the request form did not render with a CSRF token ({status})")
    data = urlencode(
        {**fields, **shown_with_the_form(body), "csrfmiddlewaretoken": token.group(1).decode()}
    )
    return request(
        port,
        "POST",
        path,
        body=data,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie.group(1)}",
            "X-Forwarded-For": address,
        },
    )


def request_during_outage(postgres, port, policy_id):
    print("3. A request form sent while the database is down", flush=True)
    path = "/en/requests/study-visit/"
    fields = form_fields(policy_id)
    count = "SELECT count(*) FROM cooperation_requests_cooperationrequest"
    before = int(postgres.psql(count))
    # The form is fetched while the database is up, then the database goes down.
    status, headers, body = request(port, "GET", path, headers={"X-Forwarded-For": "192.0.2.9"})
    cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    check(status == 200 and cookie and token, "the form renders with a CSRF token")
    postgres.stop("fast")
    try:
        status, _headers, body = request(
            port,
            "POST",
            path,
            body=urlencode(
                {
                    **fields,
                    **shown_with_the_form(body),
                    "csrfmiddlewaretoken": token.group(1).decode(),
                }
            ),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie.group(1)}",
                "X-Forwarded-For": "192.0.2.9",
            },
        )
    finally:
        postgres.start()
    check(status == 503, f"sent during the outage: {status}, refused")
    check(b"not</strong> sent" in body, "the page says the request was not sent")
    check(int(postgres.psql(count)) == before, "nothing was stored")
    time.sleep(0.5)
    status, headers, _ = submit(port, path, fields, address="192.0.2.10")
    check(status == 302 and "/received/" in headers.get("Location", ""), "sent again: accepted")
    check(int(postgres.psql(count)) == before + 1, "and stored exactly once")


def concurrent_views(postgres, port, page_id):
    print(f"4. {VIEWS} concurrent views from {DISTINCT_VISITORS} visitors", flush=True)
    page_id = int(page_id)
    query = f"SELECT coalesce(sum(count), 0) FROM core_pageviewcount WHERE page_id = {page_id}"  # noqa: S608
    before = int(postgres.psql(query))
    addresses = [f"198.51.{n // 250}.{n % 250 + 1}" for n in range(DISTINCT_VISITORS)]

    def view(n):
        status, _headers, _body = request(
            port,
            "GET",
            f"/views/{page_id}.gif",
            headers={"X-Forwarded-For": addresses[n % DISTINCT_VISITORS]},
            timeout=30,
        )
        return status

    with ThreadPoolExecutor(max_workers=100) as pool:
        statuses = list(pool.map(view, range(VIEWS)))
    check(all(s == 200 for s in statuses), f"{VIEWS} beacon requests: all 200")
    after = int(postgres.psql(query))
    check(
        after - before == DISTINCT_VISITORS,
        f"count rose by {after - before}, the number of distinct visitors ({DISTINCT_VISITORS})",
    )


def main() -> None:
    missing = stack.missing_tools(proxy=False)
    if missing:
        sys.exit("test-faults needs: " + "; ".join(missing))
    started = time.monotonic()
    workdir = stack.workdir("policyshare-faults-")
    postgres, redis = stack.Postgres(workdir), stack.Redis(workdir)
    app = None
    try:
        postgres.start()
        redis.start()
        app = stack.App(
            workdir,
            database_url=postgres.url,
            redis_url=redis.url,
            extra_env={
                "VIEW_COUNT_TRUST_FORWARDED_FOR": "true",
                "REQUEST_RATE_LIMIT": "100",
                "WEB_CONCURRENCY": "2",
            },
        )
        app.manage("migrate", "--noinput")
        app.manage("collectstatic", "--noinput")
        app.python(stack.ROOT / "bench/load/build_corpus.py", "20", "20")
        app.start()
        paths = ["/en/", "/en/policies/", "/en/policies/policy-1/", "/ko/policies/policy-2/"]
        for path in paths:
            status, _h, _b = request(app.port, "GET", path)
            check(status == 200, f"{path} answers 200")
        page_id = postgres.psql(
            "SELECT id FROM wagtailcore_page WHERE slug = 'policy-3' AND live"
        ).splitlines()[0]
        postgres_restart(postgres, app, app.port, paths)
        redis_stopped(redis, app.port, paths)
        request_during_outage(postgres, app.port, page_id)
        concurrent_views(postgres, app.port, page_id)
    except Failed as failure:
        print(f"\nFAILED: {failure}", file=sys.stderr)
        if app is not None:
            print(app.log.read_text()[-3000:], file=sys.stderr)
        sys.exit(1)
    finally:
        if app is not None:
            app.stop()
        redis.stop()
        postgres.stop("immediate")
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps({"faults": "passed", "seconds": round(time.monotonic() - started, 1)}))


if __name__ == "__main__":
    main()
