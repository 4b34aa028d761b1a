"""One chromium for the whole session, a fresh browser context per visit, every request that
would leave the test server blocked and recorded.

Locally, a missing chromium (or node_modules, or Java) skips these tests with a loud banner;
with CI set, it fails them.
"""

import os
import shutil
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 740}
VIEWPORTS = {"desktop": DESKTOP, "mobile": MOBILE}
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
# The database the settings name, read before any test database replaces it.
CONFIGURED_DATABASE_NAME = settings.DATABASES["default"]["NAME"]

_not_run: list[str] = []


def unavailable(what: str) -> None:
    """Skip loudly, or fail in CI: a browser test that silently does not run proves nothing."""
    reason = f"BROWSER TESTS NOT RUN: {what}"
    if IN_CI:
        pytest.fail(f"{reason} (CI is set, so this is a failure)", pytrace=False)
    if reason not in _not_run:
        _not_run.append(reason)
        print(f"\n{'!' * 78}\n{reason}\n{'!' * 78}", file=sys.stderr)
    pytest.skip(reason)


def pytest_terminal_summary(terminalreporter):
    for reason in _not_run:
        terminalreporter.write_sep("!", reason, red=True, bold=True)
        terminalreporter.write_line(
            "See docs/browser-tests.md: apt-get install chromium default-jre-headless; npm ci"
        )


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
    # The tests on the demo content (test_language_journeys.py) add it to the session's
    # committed content, which the other tests count on: they run last. A stable sort keeps
    # pytest-django's order otherwise.
    items.sort(key=lambda item: "demo_site" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        unavailable(f"{CHROMIUM} is missing (Debian package chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright Python package is not installed (requirements/dev.txt)")
    # Playwright's sync API runs an event loop in this thread, which Django's async-safety
    # check mistakes for async code; the ORM calls the tests make here are ordinary sync code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    # launch() gives every session a fresh, temporary user-data directory.
    chromium = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield chromium
    chromium.close()
    playwright.stop()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def axe_script():
    if not AXE_SCRIPT.exists():
        unavailable(f"{AXE_SCRIPT.relative_to(ROOT)} is missing: run `npm ci`")
    return AXE_SCRIPT


@pytest.fixture
def vnu_command():
    java = shutil.which("java")
    if not java:
        unavailable("java is missing (Debian package default-jre-headless)")
    if not VNU_JAR.exists():
        unavailable(f"{VNU_JAR.relative_to(ROOT)} is missing: run `npm ci`")
    return [java, "-jar", str(VNU_JAR)]


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker, tmp_path_factory):
    """pytest-django's live server, started once, with uploads on disk (where its media handler
    serves them from).

    Not the `live_server` fixture: that one makes every test transactional, and the flush after
    each test would force every test to rebuild the content (tens of seconds each). Instead the
    content is built once per session (`portal`) and committed; browser tests only read it, and
    the few that write (the editor's journey) change pages of their own. pytest-django runs
    tests without database access last, so no other test sees this content.
    """
    from django.db import connection
    from django.test import override_settings
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    # pytest-django creates the test database only when a collected test asks for database
    # access; when only browser tests run, nothing did, and the content would land in the
    # development database. Create the test database here in that case.
    own_databases = None
    if connection.settings_dict["NAME"] == CONFIGURED_DATABASE_NAME:
        with django_db_blocker.unblock():
            own_databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    assert connection.settings_dict["NAME"] != CONFIGURED_DATABASE_NAME, "not a test database"

    media = override_settings(
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        STORAGES={
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        },
    )
    media.enable()
    server = LiveServer("localhost:0")
    yield server
    server.stop()
    # Requests still being served hold database connections (on PostgreSQL the test database
    # cannot be dropped while they are open); they end once the browser has gone.
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout=10)
    if connection.vendor == "postgresql":
        # A request thread can end without closing its connection, and PostgreSQL will not drop
        # a database that has sessions. These are this process's own sessions on its own test
        # database; end them.
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
    media.disable()
    if own_databases is not None:
        with django_db_blocker.unblock():
            teardown_databases(own_databases, verbosity=0)


@pytest.fixture(scope="session")
def portal(site_server, django_db_blocker):
    from .portal import build_portal

    with django_db_blocker.unblock():
        return build_portal()


@pytest.fixture(autouse=True)
def server_database_access(django_db_blocker):
    """pytest-django's database blocker is process-wide: lift it while a browser test runs so
    that the live server's thread can answer. Writes a test makes are committed, like the
    session content."""
    with django_db_blocker.unblock():
        yield


@dataclass
class Visitor:
    """Opens browser contexts on the live server; records any request that would leave it."""

    browser: object
    base_url: str
    blocked: list[str] = field(default_factory=list)
    contexts: list = field(default_factory=list)

    def context(
        self,
        *,
        viewport=DESKTOP,
        javascript=True,
        locale="ko-KR",
        bypass_csp=False,
        timezone_id=None,
    ):
        options = {"timezone_id": timezone_id} if timezone_id else {}
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport=viewport,
            java_script_enabled=javascript,
            locale=locale,
            service_workers="block",
            bypass_csp=bypass_csp,
            **options,
        )
        context.set_default_timeout(15_000)
        context.route("**/*", self._guard)
        self.contexts.append(context)
        return context

    def page(self, **options):
        return self.context(**options).new_page()

    def _guard(self, route):
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in {"http", "https", "ws", "wss"} and parsed.hostname not in LOCAL_HOSTS:
            self.blocked.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def close(self):
        for context in self.contexts:
            context.close()
        self.contexts.clear()


@pytest.fixture
def visitor(site_server, browser):
    # The server first, so that it stops after the browser has closed its connections.
    visitor = Visitor(browser=browser, base_url=site_server.url)
    yield visitor
    visitor.close()
    assert not visitor.blocked, f"requests tried to leave the site: {visitor.blocked}"
