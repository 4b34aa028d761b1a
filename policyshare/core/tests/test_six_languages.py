"""Six languages for readers: switching on every page type, fallback from English, partial
translation notices, right to left for Arabic, hreflang and the sitemap."""

import re
from datetime import date

from django.test import TestCase

from policyshare.core.tests import builders

LANGUAGES = ("ko", "en", "fr", "es", "ar", "zh-hans")


def heading_tag(html: str) -> str:
    """The page's h1 start tag: content in another language than the page's carries its own
    lang and dir (the interface around it stays in the reader's language)."""
    return re.search(r"<h1[ >][^>]*>?", html).group(0)


class SixLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = sections = builders.sections(languages=LANGUAGES)
        library = sections["policies"]["ko"]
        cls.policy = builders.make_policy(
            library=library, title="공공자전거", slug="bikes", summary="따릉이."
        )
        builders.translate_page(
            cls.policy, language="en", title="Public bicycles", summary="Ttareungyi."
        )
        # French: the title is translated, the summary is not yet.
        builders.translate_page(cls.policy, language="fr", title="Vélos publics")
        cls.only_korean = builders.make_policy(library=library, title="야간버스", slug="owl")
        post = builders.make_post(
            board=sections["news"]["ko"],
            title="서울 소식",
            slug="news-1",
            registered_on=date(2020, 1, 2),
        )
        builders.translate_page(post, language="en", title="Seoul news", summary="News.")
        builders.make_standard_page(parent=library.get_parent(), title="소개", slug="about")

    def test_every_page_type_answers_in_every_language(self):
        paths = [
            "",
            "policies/",
            "policies/bikes/",
            "news/",
            "news/news-1/",
            "media/",
            "partners/",
            "about/",
        ]
        for language in LANGUAGES:
            for path in paths:
                with self.subTest(language=language, path=path):
                    response = self.client.get(f"/{language}/{path}")
                    self.assertEqual(response.status_code, 200)
                    html = response.content.decode()
                    self.assertIn(f'<html lang="{language}"', html)
                    # The switcher offers every other language on the same path.
                    for other in LANGUAGES:
                        if other != language:
                            self.assertIn(f'lang="{other}" hreflang="{other}"', html)

    def test_a_french_reader_gets_the_english_version_with_a_notice_in_french(self):
        html = self.client.get("/fr/news/news-1/").content.decode()
        self.assertIn('<html lang="fr"', html)
        self.assertIn("Seoul news", html)
        self.assertIn('lang="en" dir="ltr"', heading_tag(html))
        self.assertIn("anglais", html)  # "… affichée en anglais"

    def test_a_page_only_in_korean_falls_back_to_korean(self):
        html = self.client.get("/es/policies/owl/").content.decode()
        self.assertIn("야간버스", html)
        self.assertIn('lang="ko" dir="ltr"', heading_tag(html))

    def test_partly_translated_page_says_so(self):
        html = self.client.get("/fr/policies/bikes/").content.decode()
        self.assertIn("Vélos publics", html)
        self.assertIn("notice--partial", html)
        html = self.client.get("/en/policies/bikes/").content.decode()
        self.assertNotIn("notice--partial", html)

    def test_page_lists_the_languages_it_exists_in(self):
        html = self.client.get("/en/policies/bikes/").content.decode()
        block = re.search(r'<nav class="page-languages".*?</nav>', html, re.S).group(0)
        self.assertEqual(
            re.findall(r'(?:hreflang|<span lang)="([\w-]+)"', block), ["ko", "en", "fr"]
        )
        html = self.client.get("/en/policies/owl/").content.decode()
        self.assertIn("Available in Korean only.", html)

    def test_lists_in_a_partial_language_borrow_untranslated_items(self):
        html = self.client.get("/fr/policies/").content.decode()
        self.assertIn("Vélos publics", html)
        self.assertIn("야간버스", html)  # only in Korean: listed from Korean
        # …and linked under /fr/, so the reader keeps the French interface.
        self.assertIn('href="/fr/policies/owl/" lang="ko"', html)
        self.assertNotIn("Public bicycles", html)  # translated: listed once, in French
        html = self.client.get("/es/policies/").content.decode()
        self.assertIn("Public bicycles", html)  # no Spanish: English before Korean
        self.assertNotIn("공공자전거", html)
        # Korean and English lists never borrow.
        self.assertNotIn("야간버스", self.client.get("/en/policies/").content.decode())

    def test_arabic_is_right_to_left_and_left_to_right_content_inside_says_so(self):
        html = self.client.get("/ar/").content.decode()
        self.assertIn('<html lang="ar" dir="rtl">', html)
        html = self.client.get("/ar/policies/bikes/").content.decode()
        self.assertIn('lang="en" dir="ltr"', heading_tag(html))
        self.assertIn('<main id="main" tabindex="-1">', html)
        html = self.client.get("/en/").content.decode()
        self.assertIn('<html lang="en">', html)
        # Only the Arabic language names (switchers) run right to left on an English page.
        self.assertEqual(html.count('dir="rtl"'), html.count('lang="ar" hreflang="ar" dir="rtl"'))

    def test_hreflang_and_sitemap_list_real_translations_only(self):
        html = self.client.get("/ar/policies/bikes/").content.decode()
        alternates = re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', html)
        self.assertEqual(sorted(alternates), ["en", "fr", "ko"])
        sitemap = self.client.get("/sitemap.xml").content.decode()
        entry = re.search(r"<url><loc>[^<]*/fr/policies/bikes/</loc>.*?</url>", sitemap, re.S)
        self.assertIsNotNone(entry)
        self.assertEqual(
            sorted(re.findall(r'hreflang="([\w-]+)"', entry.group(0))), ["en", "fr", "ko"]
        )
        self.assertNotIn("/es/policies/bikes/", sitemap)

    def test_unknown_language_prefixes_are_404(self):
        for path in ("/xx/policies/bikes/", "/zh/policies/", "/ar-xx/"):
            # LocaleMiddleware first tries the path under the default prefix; never a 500.
            self.assertEqual(self.client.get(path, follow=True).status_code, 404, path)
