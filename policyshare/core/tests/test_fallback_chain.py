"""The fallback chain: the reader's language, then English, then Korean, for content (lists,
search) and for the interface, which never falls back to Korean for another reader."""

import importlib.util
from pathlib import Path

from django.test import SimpleTestCase, TestCase, override_settings
from django.utils import translation
from wagtail.models import Locale

from policyshare.core.languages import fallback_chain, fallback_order
from policyshare.core.tests import builders
from policyshare.policies.models import Theme
from policyshare.search.selectors import Candidate, _ranked, language_boosts

ROOT = Path(__file__).resolve().parents[3]
LOCALE_DIR = ROOT / "policyshare" / "locale"
PARTIAL = {"fr": "fr", "es": "es", "ar": "ar", "zh-hans": "zh_Hans"}
# Numbers that reach every plural form of the six languages (Arabic's six included).
COUNTS = (0, 1, 2, 3, 5, 11, 21, 100, 101, 102, 111, 1000000)


def _check_messages():
    spec = importlib.util.spec_from_file_location(
        "check_messages", ROOT / "scripts" / "check_messages.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class FallbackChainTests(SimpleTestCase):
    def test_the_chain_is_the_readers_language_then_english_then_korean(self):
        self.assertEqual(fallback_chain("fr"), ["fr", "en", "ko"])
        self.assertEqual(fallback_chain("zh-hans"), ["zh-hans", "en", "ko"])
        self.assertEqual(fallback_chain("en"), ["en", "ko"])
        self.assertEqual(fallback_chain("ko"), ["ko", "en"])
        # A page in none of them is still found, in the other languages after the chain.
        self.assertEqual(fallback_order("ar")[:3], ["ar", "en", "ko"])
        self.assertEqual(set(fallback_order("ar")), {"ko", "en", "fr", "es", "ar", "zh-hans"})

    @override_settings(PORTAL_FALLBACK_LANGUAGES=["ko", "en"])
    def test_the_chain_is_the_setting(self):
        self.assertEqual(fallback_chain("es"), ["es", "ko", "en"])

    def test_search_ranks_equal_matches_along_the_chain(self):
        candidates = [
            Candidate(pk, 1.0, "policy", "", language, 2020, "", "2020-01-01", f"#{pk}")
            for pk, language in enumerate(("es", "ko", "zh-hans", "en", "fr"), start=1)
        ]
        ranked = [c.language for c, _score in _ranked(candidates, sort="relevance", language="fr")]
        self.assertEqual(ranked[:3], ["fr", "en", "ko"])
        ranked = [c.language for c, _score in _ranked(candidates, sort="relevance", language="ko")]
        self.assertEqual(ranked[:2], ["ko", "en"])
        self.assertEqual(language_boosts(""), {})


class InterfaceFallbackTests(SimpleTestCase):
    """Django falls back to LANGUAGE_CODE (Korean) for a string a catalogue lacks or for a
    plural form it does not have. The catalogues of fr, es, ar and zh-hans are complete
    (`scripts/check_messages.py`), so that never happens: every interface string, in every
    plural form, comes from the reader's own catalogue, through Django's real gettext."""

    def test_every_interface_string_comes_from_the_readers_catalogue(self):
        parse = _check_messages().parse
        for language, directory in PARTIAL.items():
            entries = parse(LOCALE_DIR / directory / "LC_MESSAGES" / "django.po")
            with translation.override(language):
                for entry in entries:
                    if entry.is_header:
                        continue
                    with self.subTest(language=language, msgid=entry.msgid):
                        self._assert_own_translation(entry)

    def _assert_own_translation(self, entry):
        if entry.msgid_plural is None:
            self.assertTrue(entry.msgstr, "untranslated")
            if entry.msgctxt is not None:
                shown = translation.pgettext(entry.msgctxt, entry.msgid)
            else:
                shown = translation.gettext(entry.msgid)
            self.assertEqual(shown, entry.msgstr)
            return
        forms = set(entry.plural_forms.values())
        self.assertNotIn("", forms, "a plural form is empty")
        for count in COUNTS:
            if entry.msgctxt is not None:
                shown = translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count)
            else:
                shown = translation.ngettext(entry.msgid, entry.msgid_plural, count)
            self.assertIn(shown, forms, f"n={count} is not one of the catalogue's forms")


class ThemeFallbackInSearchTests(TestCase):
    """The empty search page's popular themes and the theme facet's names follow the chain."""

    @classmethod
    def setUpTestData(cls):
        for code in ("ko", "en", "fr", "es"):
            Locale.objects.get_or_create(language_code=code)
        korean = builders.make_theme(language="ko", name="교통", slug="transport", is_popular=True)
        builders.make_theme(
            language="en",
            name="Transport",
            slug="transport",
            translation_of=korean,
            is_popular=True,
        )
        builders.make_theme(language="fr", name="Logement", slug="housing", is_popular=True)
        builders.make_theme(language="ko", name="복지", slug="welfare", is_popular=True)

    def test_popular_themes_borrow_along_the_chain(self):
        # English before Korean; a theme in none of them (French only) comes last, as in
        # the lists (`fallback_order`).
        labels = {s.value: s.label for s in Theme.search_shortcuts(language="es")}
        self.assertEqual(
            labels, {"transport": "Transport", "welfare": "복지", "housing": "Logement"}
        )
        labels = {s.value: s.label for s in Theme.search_shortcuts(language="ko")}
        self.assertEqual(labels, {"transport": "교통", "welfare": "복지"})

    def test_facet_names_take_the_first_language_of_the_chain(self):
        slugs = ["transport", "welfare", "housing"]
        labels = Theme.search_facet_labels("theme", slugs, language="es")
        self.assertEqual(
            {slug: (label.text, label.language) for slug, label in labels.items()},
            {
                "transport": ("Transport", "en"),
                "welfare": ("복지", "ko"),
                "housing": ("Logement", "fr"),
            },
        )
        self.assertEqual(
            Theme.search_facet_labels("theme", slugs, language="ko")["transport"].text, "교통"
        )

    @override_settings(FRAGMENT_CACHE_SECONDS=60)
    def test_facet_names_are_read_once_until_a_theme_changes(self):
        from django.core.cache import cache

        cache.clear()
        with self.assertNumQueries(1):
            Theme.search_facet_labels("theme", ["transport"], language="es")
        with self.assertNumQueries(0):  # another search, other values: kept per language
            labels = Theme.search_facet_labels("theme", ["welfare", "nope"], language="es")
        self.assertEqual({slug: label.text for slug, label in labels.items()}, {"welfare": "복지"})
        english = Theme.objects.get(slug="transport", locale__language_code="en")
        english.name = "Mobility"
        english.save()  # any change of a theme retires the fragments
        self.assertEqual(
            Theme.search_facet_labels("theme", ["transport"], language="es")["transport"].text,
            "Mobility",
        )
        # A language the site does not have is answered, and not kept.
        with self.assertNumQueries(1):
            Theme.search_facet_labels("theme", ["transport"], language="xx")
        with self.assertNumQueries(1):
            Theme.search_facet_labels("theme", ["transport"], language="xx")
