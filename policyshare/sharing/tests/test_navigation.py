"""The main navigation leads to the policy-sharing and cities sections in all six languages."""

import re

from django.conf import settings
from django.test import TestCase

from policyshare.core.tests.builders import sections
from policyshare.home.services import SECTIONS

TITLES = {slug: titles for slug, _model, _fields, titles in SECTIONS}


class NavigationTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        sections(languages=cls.languages)

    def main_nav(self, url) -> str:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        html = response.content.decode()
        return re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)

    def test_every_language_has_both_sections_in_its_menu(self):
        self.assertEqual(len(self.languages), 6)
        for language in self.languages:
            with self.subTest(language=language):
                nav = self.main_nav(f"/{language}/")
                for slug in ("sharing", "cities"):
                    self.assertIn(
                        f'<a href="/{language}/{slug}/">{TITLES[slug][language]}</a>', nav
                    )

    def test_a_sub_page_of_the_section_marks_it_current(self):
        nav = self.main_nav("/fr/sharing/tenders/")
        self.assertIn('<a href="/fr/sharing/" aria-current="page">Partage des politiques</a>', nav)
