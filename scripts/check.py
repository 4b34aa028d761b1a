#!/usr/bin/env python
"""`make test`: every gate CI applies, in order, stopping at the first failure.

1. ruff (lint and format) and djhtml on templates
2. Django system checks, missing migrations, the production settings' deploy check
3. gettext catalogues: complete outside English, nothing fuzzy, every plural form, compiling, and
   matching the committed .mo files (scripts/check_messages.py)
4. the test suite on SQLite, browser tests included
5. the same suite on PostgreSQL (POSTGRES_TEST_URL or the project's local server), without
   the browser tests, which do not depend on the database

   Steps 4 and 5 run at the same time, one process each, when the machine has two cores or
   more (CHECK_PARALLEL=0 runs them one after the other): they share nothing (media is in
   memory, caches are per process, each has its own database), and the suite is the longest
   gate. Their output is interleaved line by line, each line prefixed with its database.
6. fault checks on a private production stack (bench/faults/run.py: database restart,
   Redis stopped, a request sent during an outage, 1,000 concurrent views)

A gate that needs something this machine lacks (PostgreSQL, msgfmt, chromium) is skipped with a
loud message locally; with CI set, a skip is a failure.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PY = str(VENV_BIN / "python")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test"


def run(title: str, command: list[str], env: dict | None = None) -> None:
    print(f"\n=== {title}: {' '.join(command)}", flush=True)
    result = subprocess.run(command, cwd=ROOT, env={**os.environ, **(env or {})}, check=False)
    if result.returncode != 0:
        print(f"\nFAILED: {title} (exit {result.returncode})", file=sys.stderr)
        sys.exit(result.returncode)


def run_together(steps: list[tuple[str, list[str], dict]]) -> None:
    """Run several gates at once, stream their output with a prefix, and fail (after all
    have ended, so each failure is shown) if any failed."""
    started = time.monotonic()
    lock = threading.Lock()
    processes = []
    for title, command, env in steps:
        print(f"\n=== {title} (in parallel): {' '.join(command)}", flush=True)
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        processes.append((title, process))

    def stream(title: str, process: subprocess.Popen) -> None:
        for line in process.stdout:
            with lock:
                print(f"[{title}] {line}", end="", flush=True)

    threads = [threading.Thread(target=stream, args=pair) for pair in processes]
    for thread in threads:
        thread.start()
    failed = []
    for (title, process), thread in zip(processes, threads, strict=True):
        returncode = process.wait()
        thread.join()
        minutes = (time.monotonic() - started) / 60
        print(f"\n=== {title}: exit {returncode} after {minutes:.1f} min", flush=True)
        if returncode != 0:
            failed.append((title, returncode))
    for title, returncode in failed:
        print(f"\nFAILED: {title} (exit {returncode})", file=sys.stderr)
    if failed:
        sys.exit(failed[0][1])


def skip(title: str, reason: str) -> None:
    banner = "!" * 78
    print(f"\n{banner}\nSKIPPED: {title}: {reason}\n{banner}", file=sys.stderr, flush=True)
    if IN_CI:
        print("In CI a skipped gate is a failure.", file=sys.stderr)
        sys.exit(1)


def postgres_reachable(url: str) -> bool:
    from urllib.parse import urlparse

    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 5432), 2):
            return True
    except OSError:
        return False


def missing_browser_tools() -> list[str]:
    """What the browser tests (policyshare/browser_tests) need and this machine lacks."""
    needs = {
        "chromium (Debian package chromium)": Path("/usr/bin/chromium").exists(),
        "java (Debian package default-jre-headless)": bool(shutil.which("java")),
        "node_modules/axe-core (npm ci)": (ROOT / "node_modules/axe-core/axe.min.js").exists(),
        "node_modules/vnu-jar (npm ci)": (
            ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
        ).exists(),
    }
    return [name for name, present in needs.items() if not present]


def missing_fault_tools() -> list[str]:
    """What the fault checks (bench/faults) need to start their own stack."""
    sys.path.insert(0, str(ROOT / "bench"))
    import stack

    return stack.missing_tools(proxy=False)


def main() -> None:
    templates = [str(p) for p in (ROOT / "policyshare").rglob("*.html")]
    run("ruff lint", [str(VENV_BIN / "ruff"), "check", "."])
    run("ruff format", [str(VENV_BIN / "ruff"), "format", "--check", "."])
    run("djhtml", [str(VENV_BIN / "djhtml"), "--check", *templates])

    test_env = {"DJANGO_SETTINGS_MODULE": "policyshare.settings.test"}
    run("system checks", [PY, "manage.py", "check", "--fail-level", "WARNING"], test_env)
    run("migrations", [PY, "manage.py", "makemigrations", "--check", "--dry-run"], test_env)
    deploy_env = {
        "DJANGO_SETTINGS_MODULE": "policyshare.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "policyshare.example",
    }
    run(
        "deploy checks",
        [PY, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        deploy_env,
    )

    if shutil.which("msgfmt"):
        run("message catalogues", [PY, "scripts/check_messages.py"])
    else:
        skip("message catalogues", "msgfmt (Debian package gettext) is not installed")

    # The browser tests run in the SQLite pass; without their tools they skip, loudly.
    missing = missing_browser_tools()
    if missing:
        skip("browser tests", "missing " + ", ".join(missing))

    pytest = [str(VENV_BIN / "pytest"), "-q", "-p", "no:cacheprovider"]
    sqlite_env = {**test_env, "DATABASE_URL": ""}
    steps = [("tests on SQLite", pytest, sqlite_env)]

    postgres_url = os.environ.get("POSTGRES_TEST_URL", DEFAULT_POSTGRES_URL)
    if postgres_reachable(postgres_url):
        # The browser tests check what a browser gets (HTML, accessibility, weight, scripts),
        # which does not depend on the database; they run in the SQLite pass. Everything
        # else, including every test of database behaviour, runs again here.
        print("\n(browser tests: run in the SQLite pass, left out of the PostgreSQL pass)")
        steps.append(
            (
                "tests on PostgreSQL",
                [*pytest, "--ignore=policyshare/browser_tests"],
                {**test_env, "DATABASE_URL": postgres_url},
            )
        )
    else:
        skip("tests on PostgreSQL", f"no PostgreSQL server answers at {postgres_url}")

    parallel = os.environ.get("CHECK_PARALLEL", "1") != "0" and (os.cpu_count() or 1) >= 2
    if parallel and len(steps) > 1:
        run_together(steps)
    else:
        for title, command, env in steps:
            run(title, command, env)

    missing = missing_fault_tools()
    if missing:
        skip("fault checks", "missing " + ", ".join(missing))
    else:
        run("fault checks", [PY, "bench/faults/run.py"])
    print("\nAll checks passed.")


if __name__ == "__main__":
    main()
