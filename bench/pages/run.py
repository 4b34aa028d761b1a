#!/usr/bin/env python
"""`make bench-pages`: transfer size and load timings of every public page type on slow 3G.

Builds the browser tests' content (policyshare/browser_tests/portal.py) in a throwaway test
database, serves it with Django's live server, and loads each page in Debian's chromium with the
network throttled through the DevTools protocol (~400 kbit/s down and up, 400 ms round trip),
each load in a fresh browser context (cold cache).

Absolute timings depend on the machine, so every page is also reported as a ratio against two
baselines measured in the same run on the same server:
  - "static": the same page's HTML saved as a file and served from the media directory (no
    Django view, no database): what the template and its assets cost beyond pure transfer;
  - "404": the portal's not-found page, the smallest page the site renders.
A benchmark, not a test: it prints figures and writes bench/results/pages-<time>.json.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlparse

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")
os.environ.setdefault("DATABASE_URL", "")
# Playwright's sync API runs an event loop in this thread; the ORM calls here are sync code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SLOW_3G = {
    "offline": False,
    "latency": 400,  # ms round trip
    "downloadThroughput": 400 * 1000 / 8,  # bytes per second
    "uploadThroughput": 400 * 1000 / 8,
}
MOBILE = {"width": 375, "height": 740}
TIMINGS_JS = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {ttfb: nav.responseStart, fcp: paint ? paint.startTime : null,
            dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
}"""


def measure(browser, base_url, path, args):
    """Median of `runs` cold loads: bytes on the wire and navigation timings (ms)."""
    samples = []
    for _ in range(args.runs):
        context = browser.new_context(base_url=base_url, viewport=MOBILE)
        blocked = []
        context.route("**/*", lambda route, blocked=blocked: guard(route, blocked))
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        encoded = []
        cdp.on(
            "Network.loadingFinished",
            lambda event, encoded=encoded: encoded.append(event["encodedDataLength"]),
        )
        requests = []
        page.on("request", lambda request, requests=requests: requests.append(request.url))
        page.goto(path, wait_until="load", timeout=120_000)
        page.wait_for_timeout(200)  # let the last loadingFinished events arrive
        timings = page.evaluate(TIMINGS_JS)
        samples.append({"bytes": sum(encoded), "requests": len(requests), **timings})
        context.close()
        if blocked:
            raise SystemExit(f"{path}: requests tried to leave the site: {blocked}")
    return {
        key: statistics.median(s[key] for s in samples if s[key] is not None) for key in samples[0]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="cold loads per page (median)")
    parser.add_argument("--language", default="ko", choices=["ko", "en"])
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium")

    import django

    django.setup()
    from django.test import override_settings
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    from policyshare.browser_tests.portal import build_portal

    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    media_root = Path(tempfile.mkdtemp(prefix="bench-pages-media-"))
    media = override_settings(
        MEDIA_ROOT=str(media_root),
        STORAGES={
            **django.conf.settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        },
    )
    media.enable()
    try:
        started = time.monotonic()
        portal = build_portal()
        print(f"content built in {time.monotonic() - started:.1f} s", file=sys.stderr)
        server = LiveServer("localhost:0")
        try:
            results = run_pages(server.url, portal.pages[args.language], media_root, args)
        finally:
            server.stop()
    finally:
        media.disable()
        teardown_databases(databases, verbosity=0)
    report(results, args)


def run_pages(base_url, pages, media_root, args):
    from playwright.sync_api import sync_playwright

    from policyshare.browser_tests.conftest import CHROMIUM_ARGS

    static_dir = media_root / "bench-static"
    static_dir.mkdir()
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        # Warm the server (template compilation, image renditions) before measuring.
        for page_type, path in pages:
            try:
                url = base_url + quote(path, safe="/?&=%")
                body = urllib.request.urlopen(url).read()  # noqa: S310 (localhost)
            except urllib.error.HTTPError as error:  # the 404 page
                body = error.read()
            (static_dir / f"{page_type}.html").write_bytes(body)
        not_found = measure(browser, base_url, dict(pages)["404"], args)
        for page_type, path in pages:
            dynamic = measure(browser, base_url, path, args)
            static = measure(browser, base_url, f"/media/bench-static/{page_type}.html", args)
            results.append(
                {
                    "page": page_type,
                    "path": path,
                    "page_metrics": dynamic,
                    "static_copy": static,
                    "not_found": not_found,
                }
            )
            print(f"  measured {page_type}", file=sys.stderr)
        browser.close()
    return results


def ratio(value, baseline):
    return value / baseline if baseline else float("nan")


def report(results, args):
    print(
        f"\nslow 3G (400 kbit/s, 400 ms RTT), mobile 375x740, cold cache, median of "
        f"{args.runs}; language {args.language}"
    )
    print(
        f"{'page':<14}{'KB':>7}{'req':>5}{'TTFB ms':>9}{'FCP ms':>8}{'load ms':>9}"
        f"{'load/static':>13}{'KB/404':>8}{'load/404':>10}"
    )
    for row in results:
        m, s, n = row["page_metrics"], row["static_copy"], row["not_found"]
        print(
            f"{row['page']:<14}{m['bytes'] / 1024:>7.1f}{m['requests']:>5.0f}"
            f"{m['ttfb']:>9.0f}{m['fcp']:>8.0f}{m['load']:>9.0f}"
            f"{ratio(m['load'], s['load']):>13.2f}{ratio(m['bytes'], n['bytes']):>8.2f}"
            f"{ratio(m['load'], n['load']):>10.2f}"
        )
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"pages-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(
        json.dumps({"profile": SLOW_3G, "runs": args.runs, "results": results}, indent=2)
    )
    print(f"\nwritten to {out.relative_to(ROOT)}")


def guard(route, blocked):
    host = urlparse(route.request.url).hostname
    if route.request.url.startswith(("http:", "https:")) and host not in {"127.0.0.1", "localhost"}:
        blocked.append(route.request.url)
        route.abort("blockedbyclient")
    else:
        route.continue_()


if __name__ == "__main__":
    main()
