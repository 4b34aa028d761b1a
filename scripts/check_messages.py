#!/usr/bin/env python
"""Fail, with one line per problem, on any gettext catalogue that is not ready to ship.

For every `policyshare/locale/<language>/LC_MESSAGES/*.po`:

- it compiles with `msgfmt --check-format`, as `manage.py compilemessages` runs it;
- the committed `.mo` exists and is exactly what that compiles to (`make compilemessages`);
- no entry is fuzzy, the header included (msgfmt leaves fuzzy entries out, so the reader
  would silently get another language);
- every plural entry has exactly the catalogue's `Plural-Forms` nplurals `msgstr[i]`, none
  of them empty (a missing form makes gettext fall back to the default language, Korean);
- every entry is translated, except in English: English is the source language (every msgid
  is English), so an empty English entry shows its msgid, which is the right text. English
  entries that are filled must still be complete.

No entry may carry the old `# English until translated` comment: that mechanism is gone.
Needs GNU gettext (Debian package gettext).
"""

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "policyshare" / "locale"
SOURCE_LANGUAGE = "en"
OLD_MARK = "# English until translated"

_FIELD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$')
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


@dataclass
class Entry:
    line: int
    comments: list[str] = field(default_factory=list)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: str = ""
    plural_forms: dict[int, str] = field(default_factory=dict)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    @property
    def is_fuzzy(self) -> bool:
        return any(
            c.startswith("#,") and "fuzzy" in (f.strip() for f in c[2:].split(","))
            for c in self.comments
        )

    def label(self) -> str:
        text = self.msgid if len(self.msgid) <= 60 else self.msgid[:57] + "..."
        return f"line {self.line}, msgid {text!r}"


def _unquote(text: str) -> str:
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), text)


def parse(po: Path) -> list[Entry]:
    """The entries of a catalogue (obsolete `#~` entries left out), header first."""
    entries: list[Entry] = []
    current: Entry | None = None
    key: tuple[str, int | None] | None = None

    def finish():
        nonlocal current, key
        if current is not None:
            entries.append(current)
        current, key = None, None

    for number, raw in enumerate(po.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#"):
            if current is not None and key is not None:
                finish()  # a comment after the strings starts the next entry
            current = current or Entry(line=number)
            current.comments.append(line)
            continue
        match = _FIELD.match(line)
        if match:
            name, index, value = match.group(1), match.group(2), _unquote(match.group(3))
            if name in ("msgctxt", "msgid") and key is not None and key[0].startswith("msgstr"):
                finish()
            current = current or Entry(line=number)
            if name.startswith("msgstr") and index is not None:
                key = ("msgstr[]", int(index))
                current.plural_forms[int(index)] = value
            else:
                key = (name, None)
                setattr(current, name, value)
            if name == "msgid":
                current.line = number
            continue
        if line.startswith('"') and current is not None and key is not None:
            value = _unquote(line[1:-1])
            if key[0] == "msgstr[]":
                current.plural_forms[key[1]] += value
            else:
                setattr(current, key[0], getattr(current, key[0]) + value)
    finish()
    return entries


def nplurals(header: Entry | None) -> int | None:
    if header is None:
        return None
    for line in header.msgstr.splitlines():
        if line.lower().startswith("plural-forms:"):
            match = _NPLURALS.search(line)
            return int(match.group(1)) if match else None
    return None


def catalogue_problems(po: Path, *, language: str) -> list[str]:
    """What is wrong with one catalogue's entries (compilation and the .mo aside)."""
    entries = parse(po)
    header = next((e for e in entries if e.is_header), None)
    problems = []
    if header is None:
        problems.append('has no header entry (msgid "")')
    elif header.is_fuzzy:
        problems.append(f"header entry (line {header.line}) is marked fuzzy: remove '#, fuzzy'")
    forms = nplurals(header)
    if forms is None and any(e.msgid_plural is not None for e in entries):
        problems.append("has plural entries but no 'Plural-Forms: nplurals=…' in its header")
    source = language == SOURCE_LANGUAGE
    for entry in entries:
        if entry.is_header:
            continue
        if entry.is_fuzzy:
            problems.append(f"{entry.label()} is fuzzy: check the translation, drop the flag")
        if OLD_MARK in entry.comments:
            problems.append(f"{entry.label()} is still marked {OLD_MARK[2:]!r}: translate it")
        if entry.msgid_plural is not None:
            values = [entry.plural_forms[i] for i in sorted(entry.plural_forms)]
            if source and not any(values):
                continue  # English shows its msgid and msgid_plural
            if forms is not None and sorted(entry.plural_forms) != list(range(forms)):
                problems.append(
                    f"{entry.label()} has {len(entry.plural_forms)} plural forms, "
                    f"Plural-Forms says nplurals={forms}"
                )
            empty = [f"msgstr[{i}]" for i, v in sorted(entry.plural_forms.items()) if not v]
            if empty:
                problems.append(f"{entry.label()} has empty {', '.join(empty)}")
        elif not entry.msgstr and not source:
            problems.append(f"{entry.label()} is untranslated")
    return problems


def check(locale_dir: Path) -> list[str]:
    """Every problem of every catalogue under `locale_dir`, one line each (empty: all good)."""
    catalogues = sorted(locale_dir.glob("*/LC_MESSAGES/*.po"))
    if not catalogues:
        return [f"no catalogues found under {locale_dir}"]
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for po in catalogues:
            name = _shown(po)
            language = po.parent.parent.name
            problems += [f"{name}: {p}" for p in catalogue_problems(po, language=language)]
            compiled = Path(scratch) / "out.mo"
            result = subprocess.run(
                ["msgfmt", "--check-format", "-o", str(compiled), str(po)],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                problems.append(f"{name}: does not compile with msgfmt --check-format:")
                problems += [f"    {line}" for line in result.stderr.strip().splitlines()]
                continue
            committed = po.with_suffix(".mo")
            if not committed.exists():
                problems.append(f"{_shown(committed)}: missing: run `make compilemessages`")
            elif committed.read_bytes() != compiled.read_bytes():
                problems.append(
                    f"{_shown(committed)}: out of date with its .po: run `make compilemessages`"
                )
    return problems


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main() -> int:
    problems = check(LOCALE_DIR)
    if problems:
        print(*problems, sep="\n")
        print(f"\n{len(problems)} problem(s) in the message catalogues.", file=sys.stderr)
        return 1
    count = len(list(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")))
    print(f"{count} message catalogues are complete, compile and are up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
