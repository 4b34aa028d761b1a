"""The "Cite this" section's addresses are reverse()'s, in every language and under a script
prefix (briefing/links.py reverses each route once and puts the page's id in)."""

from django.test import SimpleTestCase
from django.urls import clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from policyshare.briefing.links import ROUTES, citation_links


class CitationLinksTest(SimpleTestCase):
    def assert_as_reversed(self, page_id):
        links = citation_links(page_id)
        self.assertEqual(set(links), set(ROUTES))
        for name, route in ROUTES.items():
            self.assertEqual(links[name], reverse(route, args=[page_id]), name)

    def test_every_language_and_id(self):
        for language in ("ko", "en", "ar", "zh-hans"):
            for page_id in (1, 7, 21474, 2147483646):
                with (
                    self.subTest(language=language, page_id=page_id),
                    translation.override(language),
                ):
                    self.assert_as_reversed(page_id)
                    self.assertIn(f"/{language}/", citation_links(page_id)["pdf"])

    def test_under_a_script_prefix(self):
        set_script_prefix("/portal/")
        try:
            with translation.override("fr"):
                self.assert_as_reversed(42)
                self.assertTrue(citation_links(42)["bibtex"].startswith("/portal/fr/"))
        finally:
            clear_script_prefix()
        with translation.override("fr"):
            self.assertTrue(citation_links(42)["bibtex"].startswith("/fr/"))
