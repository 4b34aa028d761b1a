"""`scripts/check_messages.py`, the catalogue gate of `make test`, on small catalogues built
here: each kind of problem is reported, a good set of catalogues passes."""

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="needs GNU gettext's msgfmt (Debian package gettext)"
)


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "check_messages", ROOT / "scripts" / "check_messages.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_messages = _load_script()

HEADER = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: {plural_forms}\\n"
"""

PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=3; plural=n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
}

GOOD_ENTRIES = {
    "en": """
msgid "Search"
msgstr ""

msgid "%(counter)s policy"
msgid_plural "%(counter)s policies"
msgstr[0] ""
msgstr[1] ""
""",
    "fr": """
msgid "Search"
msgstr "Rechercher"

msgid "%(counter)s policy"
msgid_plural "%(counter)s policies"
msgstr[0] "%(counter)s politique"
msgstr[1] "%(counter)s politiques"
""",
    "es": """
msgid "Search"
msgstr "Buscar"

msgid "%(counter)s policy"
msgid_plural "%(counter)s policies"
msgstr[0] "%(counter)s política"
msgstr[1] "%(counter)s de políticas"
msgstr[2] "%(counter)s políticas"
""",
}


def write_catalogue(locale_dir: Path, language: str, entries: str, *, header: str = "") -> Path:
    po = locale_dir / language / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True, exist_ok=True)
    header = header or HEADER.format(plural_forms=PLURAL_FORMS[language])
    po.write_text(header + entries, encoding="utf-8")
    return po


def compile_catalogue(po: Path) -> None:
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(po.with_suffix(".mo")), str(po)], check=True
    )


@pytest.fixture
def locale_dir(tmp_path):
    """Good, compiled English, French and Spanish catalogues."""
    for language, entries in GOOD_ENTRIES.items():
        compile_catalogue(write_catalogue(tmp_path, language, entries))
    return tmp_path


def rewrite(locale_dir: Path, language: str, entries: str, *, header: str = "") -> None:
    """Replace a catalogue and compile it again, so that only the entries are wrong."""
    compile_catalogue(write_catalogue(locale_dir, language, entries, header=header))


def test_good_catalogues_pass(locale_dir):
    assert check_messages.check(locale_dir) == []


def test_the_project_catalogues_are_found_and_parsed():
    entries = check_messages.parse(ROOT / "policyshare/locale/ko/LC_MESSAGES/django.po")
    assert entries[0].is_header
    assert any(e.msgid == "Search" for e in entries)
    assert check_messages.nplurals(entries[0]) == 1


def test_an_untranslated_entry_fails_outside_english(locale_dir):
    rewrite(locale_dir, "fr", GOOD_ENTRIES["fr"].replace('"Rechercher"', '""'))
    problems = check_messages.check(locale_dir)
    assert len(problems) == 1
    assert "fr/LC_MESSAGES/django.po" in problems[0]
    assert "msgid 'Search' is untranslated" in problems[0]


def test_english_is_the_source_and_may_stay_empty(locale_dir):
    # The fixture's English catalogue is all empty and passes; a half-filled plural does not.
    assert check_messages.check(locale_dir) == []
    rewrite(locale_dir, "en", GOOD_ENTRIES["en"].replace('msgstr[0] ""', 'msgstr[0] "one"'))
    problems = check_messages.check(locale_dir)
    assert len(problems) == 1
    assert "en/LC_MESSAGES/django.po" in problems[0]
    assert "empty msgstr[1]" in problems[0]


def test_a_fuzzy_entry_fails(locale_dir):
    rewrite(
        locale_dir, "fr", GOOD_ENTRIES["fr"].replace('msgid "Search"', '#, fuzzy\nmsgid "Search"')
    )
    problems = check_messages.check(locale_dir)
    assert len(problems) == 1
    assert "msgid 'Search' is fuzzy" in problems[0]


def test_a_fuzzy_header_fails(locale_dir):
    header = "#, fuzzy\n" + HEADER.format(plural_forms=PLURAL_FORMS["es"])
    rewrite(locale_dir, "es", GOOD_ENTRIES["es"], header=header)
    problems = check_messages.check(locale_dir)
    assert len(problems) == 1
    assert "es/LC_MESSAGES/django.po: header entry" in problems[0]
    assert "fuzzy" in problems[0]


def test_a_plural_entry_with_too_few_forms_fails(locale_dir):
    # Spanish has three forms; two is what the issue found (Korean in Spanish pages).
    entries = GOOD_ENTRIES["es"].replace('msgstr[2] "%(counter)s políticas"\n', "")
    rewrite(locale_dir, "es", entries)
    problems = check_messages.check(locale_dir)
    assert len(problems) == 1
    assert "'%(counter)s policy' has 2 plural forms, Plural-Forms says nplurals=3" in problems[0]


def test_a_plural_entry_with_too_many_forms_fails(locale_dir):
    entries = GOOD_ENTRIES["fr"] + 'msgstr[2] "%(counter)s politiques"\n'
    write_catalogue(locale_dir, "fr", entries)  # msgfmt refuses it: it is not compiled
    problems = check_messages.check(locale_dir)
    assert any("has 3 plural forms, Plural-Forms says nplurals=2" in p for p in problems)


def test_an_empty_plural_form_fails(locale_dir):
    rewrite(locale_dir, "es", GOOD_ENTRIES["es"].replace('"%(counter)s de políticas"', '""'))
    problems = check_messages.check(locale_dir)
    assert len(problems) == 1
    assert "'%(counter)s policy' has empty msgstr[1]" in problems[0]


def test_the_old_english_until_translated_mark_fails(locale_dir):
    entries = GOOD_ENTRIES["fr"].replace(
        'msgid "Search"\nmsgstr "Rechercher"',
        '# English until translated\nmsgid "Search"\nmsgstr "Search"',
    )
    rewrite(locale_dir, "fr", entries)
    problems = check_messages.check(locale_dir)
    assert len(problems) == 1
    assert "English until translated" in problems[0]


def test_a_missing_mo_fails(locale_dir):
    (locale_dir / "fr/LC_MESSAGES/django.mo").unlink()
    problems = check_messages.check(locale_dir)
    assert len(problems) == 1
    assert "fr/LC_MESSAGES/django.mo: missing" in problems[0]


def test_a_stale_mo_fails(locale_dir):
    po = locale_dir / "fr/LC_MESSAGES/django.po"
    po.write_text(po.read_text().replace("Rechercher", "Chercher"), encoding="utf-8")
    problems = check_messages.check(locale_dir)
    assert len(problems) == 1
    assert "fr/LC_MESSAGES/django.mo: out of date" in problems[0]


def test_a_catalogue_that_does_not_compile_fails(locale_dir):
    # --check-format: the translation drops the msgid's placeholder.
    entries = GOOD_ENTRIES["fr"] + (
        '\n#, python-format\nmsgid "%(name)s wrote"\nmsgstr "Quelqu’un a écrit"\n'
    )
    write_catalogue(locale_dir, "fr", entries)
    problems = check_messages.check(locale_dir)
    assert any("does not compile with msgfmt --check-format" in p for p in problems)
    assert not any("out of date" in p for p in problems)  # reported once, as not compiling
