#!/usr/bin/env python
"""`make test`: every gate CI applies, in order, stopping at the first failure.

1. ruff (lint and format) and djhtml on templates
2. Django system checks, missing migrations, the production settings' deploy check
3. gettext catalogues: complete outside English, nothing fuzzy, every plural form, compiling, and
   matching the committed .mo files (scripts/check_messages.py)
4. the test suite on SQLite, browser tests included
5. the same suite on PostgreSQL (POSTGRES_TEST_URL or the project's local server), without
   the browser tests, which do not depend on the database
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
    run("tests on SQLite", pytest, sqlite_env)

    postgres_url = os.environ.get("POSTGRES_TEST_URL", DEFAULT_POSTGRES_URL)
    if postgres_reachable(postgres_url):
        # The browser tests check what a browser gets (HTML, accessibility, weight, scripts),
        # which does not depend on the database; they ran in the SQLite pass. Everything
        # else, including every test of database behaviour, runs again here.
        print("\n(browser tests: run in the SQLite pass, left out of the PostgreSQL pass)")
        run(
            "tests on PostgreSQL",
            [*pytest, "--ignore=policyshare/browser_tests"],
            {**test_env, "DATABASE_URL": postgres_url},
        )
    else:
        skip("tests on PostgreSQL", f"no PostgreSQL server answers at {postgres_url}")

    missing = missing_fault_tools()
    if missing:
        skip("fault checks", "missing " + ", ".join(missing))
    else:
        run("fault checks", [PY, "bench/faults/run.py"])
    print("\nAll checks passed.")


if __name__ == "__main__":
    main()
