"""Every public page type, read in French, Spanish, Arabic and Chinese, has no interface word
in another language.

The content exists only in Korean and English, so every page shows fallback content; content
in another language than the page's carries its own `lang` (`portal_tags.content_lang`). What
is left once those blocks are taken out is the interface, and it must be in the page's
language:

- no Hangul (the Korean default showing through, as in "정책 10건");
- no text and no attribute a reader sees or hears (title, aria-label, placeholder, alt, a
  button's value) that is the English msgid of a catalogue entry the page's language
  translates differently, or has not translated yet (`# English until translated`, fuzzy or
  empty). A msgid with placeholders matches with anything in them ("1 results").

Korean and English pages pass the same check (Korean has no Hangul rule).
"""

import ast
import re
import tempfile
from functools import cache
from pathlib import Path
from unittest import mock
from urllib.parse import urlparse

from django.core import signing
from django.test import TestCase
from django.utils import timezone
from lxml import html as lxml_html

from policyshare.cooperation_requests import views as request_views
from policyshare.cooperation_requests.tests.builders import make_request
from policyshare.core.tests import builders
from policyshare.newsletter import services as newsletter
from policyshare.newsletter.models import NewsletterSubscription
from policyshare.partners.models import PartnerKind
from policyshare.search import services as search_services

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
CHECKED_LANGUAGES = ("fr", "es", "ar", "zh-hans")
ALL_LANGUAGES = ("ko", "en", *CHECKED_LANGUAGES)
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+")
SPOKEN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# Elements whose whole text is one sentence of the interface (a msgid with placeholders may
# have content inside: "More from <bdi>Seoul's News</bdi>").
PHRASING = {"a", "abbr", "b", "bdi", "bdo", "br", "code", "em", "i", "kbd", "small", "span"}
PHRASING |= {"strong", "sub", "sup", "time"}
JOINERS = " :;,·–-()"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{\w*\}")
UNTRANSLATED_MARK = "English until translated"


# --- The catalogue --------------------------------------------------------------------------


def _unquote(line: str) -> str:
    return ast.literal_eval(line)


def read_catalogue(path: Path) -> list[dict]:
    """The entries of a .po file: msgid, msgid_plural, msgstr (a list), comments, flags."""
    entries, entry, key = [], None, None

    def close():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            close()
            entry, key = None, None
            continue
        if entry is None:
            entry = {"comments": [], "flags": set(), "msgstr": {}}
        if line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            entry["comments"].append(line[1:].strip())
        elif line.startswith('"'):
            if key[0] == "msgstr":
                entry["msgstr"][key[1]] += _unquote(line)
            else:
                entry[key[0]] += _unquote(line)
        else:
            name, _, value = line.partition(" ")
            if name.startswith("msgstr"):
                index = int(name[7:-1]) if "[" in name else 0
                key = ("msgstr", index)
                entry["msgstr"][index] = _unquote(value)
            else:
                key = (name, None)
                entry[name] = _unquote(value)
    return [e for e in entries if e["msgid"] and not e.get("obsolete")]


@cache
def foreign_msgids(language: str) -> tuple[frozenset, tuple]:
    """The English msgids that must not appear on a page in `language`: exact texts, and
    patterns for those with placeholders."""
    if language == "en":
        return frozenset(), ()
    directory = "zh_Hans" if language == "zh-hans" else language
    return msgids_to_refuse(LOCALE_DIR / directory / "LC_MESSAGES" / "django.po")


def msgids_to_refuse(catalogue: Path) -> tuple[frozenset, tuple]:
    """(exact texts, (msgid, pattern) pairs) of the catalogue's English that its language
    does not use: translated differently, or not translated yet."""
    texts = set()
    for entry in read_catalogue(catalogue):
        english = [entry["msgid"], entry.get("msgid_plural", "")]
        translations = list(entry["msgstr"].values())
        untranslated = (
            any(UNTRANSLATED_MARK in comment for comment in entry["comments"])
            or "fuzzy" in entry["flags"]
            or not all(translations)
        )
        for text in filter(None, english):
            if untranslated or text not in translations:
                texts.add(" ".join(text.split()))
    exact = frozenset(text for text in texts if not PLACEHOLDER.search(text))
    patterns = tuple(
        (text, _pattern(text)) for text in texts if PLACEHOLDER.search(text) and _wordy(text)
    )
    return exact, patterns


def _wordy(msgid: str) -> bool:
    """A msgid whose fixed part has a word in it: "%(a)s: %(b)s" would match anything."""
    return bool(re.search(r"[A-Za-z]{3,}", PLACEHOLDER.sub("", msgid)))


def _pattern(msgid: str) -> re.Pattern:
    parts = PLACEHOLDER.split(msgid)
    # split() interleaves the group (a name or None); the literal parts are every other one.
    literals = parts[::2]
    return re.compile("^" + "(.+?)".join(re.escape(part) for part in literals) + "$")


# --- The page ---------------------------------------------------------------------------------


def _normal(text: str) -> str:
    return " ".join((text or "").split())


def interface_words(page_html: str, language: str) -> list[str]:
    """What on the page is interface in another language than `language`."""
    document = lxml_html.document_fromstring(page_html)
    assert document.get("lang") == language, f"<html lang={document.get('lang')!r}>"
    for element in document.xpath("//script | //style | //template"):
        element.drop_tree()
    # Content blocks: whatever declares a language other than the page's.
    for element in document.xpath("//body//*[@lang]"):
        if element.get("lang").lower() != language and element.getparent() is not None:
            element.drop_tree()
    exact, patterns = foreign_msgids(language)
    problems = []

    def check(text: str, where: str):
        text = _normal(text)
        if not text:
            return
        if language != "ko" and HANGUL.search(text):
            problems.append(f"Hangul in {where}: {text!r}")
        # A msgid joined to its neighbour by punctuation in the template ("Source: …").
        if text in exact or text.strip(JOINERS) in exact:
            problems.append(f"untranslated {where}: {text!r}")
            return
        for msgid, pattern in patterns:
            if pattern.match(text):
                problems.append(f"untranslated {where}: {text!r} (msgid {msgid!r})")
                return

    title = document.find("head/title")
    if title is not None:
        # The tab's title: "<page title> · <site name>"; the page title is content, which a
        # <title> cannot mark, so only its interface parts are checked for English.
        for part in _normal(title.text_content()).split(" · "):
            if not HANGUL.search(part):
                check(part, "<title>")
    body = document.find("body")
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        where = f"<{element.tag}>"
        for text in (element.text, element.tail):
            check(text, where)
        if len(element) and all(child.tag in PHRASING for child in element.iterdescendants()):
            check(element.text_content(), where)
        for name in SPOKEN_ATTRIBUTES:
            if element.get(name):
                check(element.get(name), f"{where} {name}=")
        if element.tag == "input" and element.get("type") in {"submit", "button", "reset"}:
            check(element.get("value"), f"{where} value=")
    return list(dict.fromkeys(problems))


# --- The portal -----------------------------------------------------------------------------


class InterfaceLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Every language has its site and sections; the content is Korean and English only.
        sections = builders.sections(languages=ALL_LANGUAGES)
        transport = builders.make_theme(name="교통", slug="transport", is_popular=True)
        builders.make_theme(
            language="en",
            name="Transport",
            slug="transport",
            translation_of=transport,
            is_popular=True,
        )
        library = sections["policies"]["ko"]
        policy = builders.make_policy(
            library=library,
            title="안전속도 5030",
            slug="safe-speed",
            themes=[transport],
            summary="도심 제한속도를 낮췄다.",
            writer="김서울",
            budget="12억 원",
            lessons="<p>시민 참여가 중요했다.</p>",
            is_featured=True,
            indicators=[
                # Copied as they are into the translation: no Korean in them.
                {"name": "CO2", "baseline_value": 3.7, "target_value": 1.8, "unit": "t"},
            ],
        )
        builders.translate_page(
            policy,
            language="en",
            title="Safe Speed 5030",
            summary="Seoul lowered urban speed limits.",
            budget="1.2 billion won",
            writer="Kim Seoul",
            lessons="<p>Citizens mattered.</p>",
        )
        builders.make_policy(
            library=library, title="심야버스", slug="night-bus", themes=[transport]
        )
        cls.posts = {}
        # Each kind's own fields, in Korean and in English.
        kinds = {
            "news": ({"body": "<p>서울시가 정책을 공유했다.</p>"}, {"body": "<p>Shared.</p>"}),
            "media": ({"source_outlet": "Cities Today", "original_url": "https://ex.org/a"}, {}),
            "videos": ({"video_url": "https://www.youtube.com/watch?v=abcdefghijk"}, {}),
            "reports": ({"summary": "UN-Habitat 보고서"}, {"summary": "A UN-Habitat report"}),
        }
        for slug, (korean, english) in kinds.items():
            post = builders.make_post(
                board=sections[slug]["ko"], title=f"서울 {slug}", slug=f"sample-{slug}", **korean
            )
            cls.posts[slug] = builders.translate_page(
                post, language="en", title=f"Seoul {slug}", slug=f"sample-{slug}", **english
            )
        for language, name in (("ko", "시티넷"), ("en", "CITYNET")):
            builders.make_partner(
                language=language,
                name=name,
                kind=PartnerKind.INTERNATIONAL,
                description=f"{name}: a regional network.",
            )
        about = builders.make_standard_page(
            parent=library.get_parent(),
            title="공유도시 서울",
            slug="sharing-city",
            introduction="공유도시 서울이란 무엇인가.",
        )
        builders.translate_page(
            about, language="en", title="Sharing City Seoul", introduction="What it is."
        )
        search_services.rebuild_documents()
        cls.request, cls.token = make_request(language="en")
        cls.subscription = NewsletterSubscription.objects.create(
            email="reader@example.org", language="en", consent_given_at=timezone.now()
        )

    def pages(self, language: str) -> list[tuple[str, str]]:
        """(page type, path) of every public page type in `language`."""
        received = signing.dumps(self.request.pk, salt=request_views.RECEIVED_SALT)
        confirm = urlparse(newsletter.confirm_url(self.subscription)).path
        unsubscribe = urlparse(newsletter.unsubscribe_url(self.subscription)).path
        prefix = f"/{language}/"
        return [
            ("home", prefix),
            ("library", f"{prefix}policies/"),
            ("library by theme", f"{prefix}policies/?theme=transport"),
            ("policy (English fallback)", f"{prefix}policies/safe-speed/"),
            ("policy (Korean only)", f"{prefix}policies/night-bus/"),
            *[(f"board {slug}", f"{prefix}{slug}/") for slug in self.posts],
            *[(f"post {slug}", f"{prefix}{slug}/sample-{slug}/") for slug in self.posts],
            ("partners", f"{prefix}partners/"),
            ("standard page", f"{prefix}sharing-city/"),
            ("search", f"{prefix}search/"),
            ("search with hits", f"{prefix}search/?q=speed"),
            ("search without hits", f"{prefix}search/?q=zyxwvutsrq"),
            ("requests", f"{prefix}requests/"),
            *[
                (f"request form {slug}", f"{prefix}requests/{slug}/")
                for slug in request_views.KIND_SLUGS
            ],
            ("request received", f"{prefix}requests/received/{received}/"),
            ("tracking", f"{prefix}requests/track/{self.token}/"),
            ("new tracking link", f"{prefix}requests/new-link/"),
            ("newsletter", f"{prefix}newsletter/"),
            ("newsletter sent", f"{prefix}newsletter/sent/"),
            ("newsletter confirm", confirm.replace("/en/", prefix, 1)),
            ("newsletter unsubscribe", unsubscribe.replace("/en/", prefix, 1)),
            ("404", f"{prefix}no-such-page/"),
        ]

    def problems_in(self, language: str) -> list[str]:
        problems = []
        for page_type, path in self.pages(language):
            response = self.client.get(path)
            expected = 404 if page_type == "404" else 200
            self.assertEqual(response.status_code, expected, f"{language} {page_type} {path}")
            problems += [
                f"{language} {page_type} ({path}): {problem}"
                for problem in interface_words(response.content.decode(), language)
            ]
        # A form sent back with its errors.
        response = self.client.post(f"/{language}/requests/consultation/", {"name": ""})
        self.assertEqual(response.status_code, 200)
        problems += [
            f"{language} request form with errors: {problem}"
            for problem in interface_words(response.content.decode(), language)
        ]
        return problems

    def test_pages_in_french_spanish_arabic_and_chinese_have_no_foreign_interface_word(self):
        problems = []
        for language in CHECKED_LANGUAGES:
            problems += self.problems_in(language)
        if problems:
            self.fail(
                f"{len(problems)} interface words in another language:\n" + "\n".join(problems)
            )

    def test_korean_and_english_pages_pass_the_same_check(self):
        for language in ("ko", "en"):
            with self.subTest(language=language):
                problems = self.problems_in(language)
                if problems:
                    self.fail("\n".join(problems))

    def test_the_check_finds_english_and_korean_outside_content_blocks(self):
        with tempfile.TemporaryDirectory() as directory:
            catalogue = Path(directory) / "django.po"
            catalogue.write_text(SAMPLE_CATALOGUE, encoding="utf-8")
            refused = msgids_to_refuse(catalogue)
        page = (
            '<html lang="fr"><head><title>Rechercher · Seoul Policy Sharing</title></head>'
            "<body><p>Sort by:</p><p>3 results for “x”</p><p>정책 10건</p><p>Date</p>"
            '<input type="submit" value="Search"><a aria-label="Main" href="/">x</a>'
            '<div lang="en"><p>Search</p></div><p lang="ko">정책</p></body></html>'
        )
        with mock.patch(f"{__name__}.foreign_msgids", return_value=refused):
            problems = "\n".join(interface_words(page, "fr"))
        for found in (
            "'Seoul Policy Sharing'",
            "'Sort by:'",
            "'3 results for “x”'",
            "Hangul in <p>: '정책 10건'",
            "value=: 'Search'",
            "aria-label=: 'Main'",
        ):
            self.assertIn(found, problems)
        # Content blocks in English and Korean are not the interface.
        self.assertNotIn("'정책'", problems)
        self.assertEqual(problems.count("'Search'"), 1)
        # A word French writes as English does ("Date") is no problem.
        self.assertNotIn("'Date'", problems)


SAMPLE_CATALOGUE = r"""
msgid ""
msgstr ""
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#, fuzzy
msgid "Seoul Policy Sharing"
msgstr "Partage des politiques de Séoul"

msgid "Sort by:"
msgstr "Trier par :"

#, python-format
msgid "%(counter)s result for “%(query)s”"
msgid_plural "%(counter)s results for “%(query)s”"
msgstr[0] "%(counter)s résultat pour « %(query)s »"
msgstr[1] ""
"%(counter)s résultats pour « %(query)s »"

msgid "Search"
msgstr "Rechercher"

# English until translated
msgid "Main"
msgstr "Main"

msgid "Date"
msgstr "Date"
"""
