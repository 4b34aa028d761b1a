#!/usr/bin/env python
"""Fail if a gettext catalogue does not compile or its committed .mo file is stale.

Compiles each .po exactly as `manage.py compilemessages` does (`msgfmt --check-format`)
into a scratch file and compares it with the committed .mo. Every catalogue but English
(the source language) must also have every entry translated: Django shows the Korean text
for a string missing from another catalogue (`make messages` gives the partial languages
their English text). Needs GNU gettext (Debian package gettext).
"""

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "policyshare" / "locale"


def _untranslated(po: Path) -> list[str]:
    result = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", "--no-wrap", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    ids = [
        line[len("msgid ") :] for line in result.stdout.splitlines() if line.startswith("msgid ")
    ]
    return [msgid for msgid in ids if msgid != '""']


def main() -> int:
    catalogues = sorted(LOCALE_DIR.rglob("*.po"))
    if not catalogues:
        print(f"No catalogues found under {LOCALE_DIR}")
        return 1
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for po in catalogues:
            compiled = Path(scratch) / "out.mo"
            result = subprocess.run(
                ["msgfmt", "--check-format", "-o", str(compiled), str(po)],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                problems.append(f"{po.relative_to(ROOT)} does not compile:\n{result.stderr}")
                continue
            language = po.parent.parent.name
            untranslated = _untranslated(po) if language != "en" else []
            if untranslated:
                problems.append(
                    f"{po.relative_to(ROOT)} has {len(untranslated)} untranslated entries, "
                    f"e.g. {untranslated[0]!r}: translate them or run `make messages`"
                )
            committed = po.with_suffix(".mo")
            if not committed.exists() or committed.read_bytes() != compiled.read_bytes():
                problems.append(
                    f"{committed.relative_to(ROOT)} is stale: run `make compilemessages`"
                )
    if problems:
        print(*problems, sep="\n")
        return 1
    print(f"{len(catalogues)} message catalogues compile and are up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
