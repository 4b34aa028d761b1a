#!/usr/bin/env python
"""Give every untranslated string of the partial catalogues its English text.

Django falls back to the default language (Korean) for a string missing from a catalogue;
a French reader is better served by English. So in the catalogues of the languages that
may start partial, an untranslated entry gets msgstr = msgid and the translator comment
"English until translated", which a translator replaces. `make messages` runs this.
Also clears "fuzzy" guesses (they never compile) in every catalogue.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "policyshare" / "locale"
PARTIAL = ["fr", "es", "ar", "zh_Hans"]
MARK = "# English until translated"


class Entry:
    def __init__(self, lines):
        self.comments = [line for line in lines if line.startswith("#")]
        self.fields = {}  # key (msgid, msgid_plural, msgstr, msgstr[0], …) -> text
        self.order = []
        key = None
        for line in lines:
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if match:
                key = match.group(1)
                self.order.append(key)
                self.fields[key] = _unquote(match.group(2))
            elif line.startswith('"') and key:
                self.fields[key] += _unquote(line[1:-1])

    @property
    def is_header(self):
        return self.fields.get("msgid") == "" and "msgctxt" not in self.fields

    def is_fuzzy(self):
        return any(c.startswith("#,") and "fuzzy" in c for c in self.comments)

    def clear_fuzzy(self):
        comments = []
        for comment in self.comments:
            if comment.startswith("#|"):
                continue
            if comment.startswith("#,"):
                flags = [f.strip() for f in comment[2:].split(",") if f.strip() != "fuzzy"]
                if not flags:
                    continue
                comment = "#, " + ", ".join(flags)
            comments.append(comment)
        self.comments = comments
        for key in self.order:
            if key.startswith("msgstr"):
                self.fields[key] = ""

    def is_translated(self):
        return all(self.fields[k] for k in self.order if k.startswith("msgstr"))

    def set_translation(self, values):
        """values: one string, or a list for plural forms."""
        keys = [k for k in self.order if k.startswith("msgstr")]
        if isinstance(values, str):
            values = [values] * len(keys)
        for key, value in zip(keys, values, strict=False):
            self.fields[key] = value
        self.comments = [c for c in self.comments if c != MARK]

    def fill_english(self):
        singular = self.fields["msgid"]
        plural = self.fields.get("msgid_plural", singular)
        for key in self.order:
            if key == "msgstr":
                self.fields[key] = singular
            elif key.startswith("msgstr["):
                self.fields[key] = singular if key == "msgstr[0]" else plural
        if MARK not in self.comments:
            self.comments.insert(0, MARK)

    def render(self):
        lines = list(self.comments)
        for key in self.order:
            lines.append(f'{key} "{_quote(self.fields[key])}"')
        return "\n".join(lines)


def _unquote(text):
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def _quote(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def read(path):
    blocks = path.read_text(encoding="utf-8").strip("\n").split("\n\n")
    return [Entry(block.split("\n")) for block in blocks]


def write(path, entries):
    path.write_text("\n\n".join(e.render() for e in entries) + "\n", encoding="utf-8")
    # Back to gettext's own line wrapping, so the diff shows only what changed.
    subprocess.run(["msgcat", "-o", str(path), str(path)], check=True)


def catalogue(language):
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def fill(language):
    path = catalogue(language)
    entries = read(path)
    for entry in entries:
        if entry.is_header:
            continue
        if entry.is_fuzzy():
            entry.clear_fuzzy()
        if language in PARTIAL and not entry.is_translated():
            entry.fill_english()
    write(path, entries)


def main() -> int:
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po")):
        fill(po.parent.parent.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
