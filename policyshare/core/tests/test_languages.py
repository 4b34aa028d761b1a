"""Korean and English URLs, the language switcher, hreflang and the missing-translation notice."""

import re

from django.test import TestCase

from policyshare.core.tests import builders


def language_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    links = dict(re.findall(r'<a href="([^"]+)" lang="([\w-]+)"', nav))
    return {lang: url for url, lang in links.items()}


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html))


class LanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        library = sections["policies"]["ko"]
        cls.both = builders.make_policy(library=library, title="공공자전거", slug="bikes")
        cls.both_en = builders.translate_page(cls.both, language="en", title="Public bicycles")
        cls.ko_only = builders.make_policy(library=library, title="야간버스", slug="night-bus")

    def test_root_redirects_to_a_language(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertRedirects(response, "/en/", fetch_redirect_response=False)
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="ko")
        self.assertRedirects(response, "/ko/", fetch_redirect_response=False)

    def test_each_language_has_its_prefix_and_html_lang(self):
        for language, title in (("ko", "공공자전거"), ("en", "Public bicycles")):
            response = self.client.get(f"/{language}/policies/bikes/")
            self.assertContains(response, f'<html lang="{language}">')
            self.assertContains(response, title)

    def test_switcher_stays_on_the_same_page(self):
        every_path = {
            code: f"/{code}/policies/bikes/" for code in ("ko", "en", "fr", "es", "ar", "zh-hans")
        }
        html = self.client.get("/ko/policies/bikes/").content.decode()
        self.assertEqual(language_links(html), {c: u for c, u in every_path.items() if c != "ko"})
        html = self.client.get("/en/policies/bikes/").content.decode()
        self.assertEqual(language_links(html), {c: u for c, u in every_path.items() if c != "en"})

    def test_hreflang_lists_real_translations_only(self):
        html = self.client.get("/ko/policies/bikes/").content.decode()
        self.assertEqual(set(hreflangs(html)), {"ko", "en"})
        self.assertTrue(hreflangs(html)["en"].endswith("/en/policies/bikes/"))
        html = self.client.get("/ko/policies/night-bus/").content.decode()
        self.assertEqual(set(hreflangs(html)), {"ko"})

    def test_missing_translation_shows_the_other_language_with_a_notice(self):
        html = self.client.get("/ko/policies/night-bus/").content.decode()
        switch_to = language_links(html)["en"]
        self.assertEqual(switch_to, "/en/policies/night-bus/")
        response = self.client.get(switch_to)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<html lang="en">', html)
        self.assertIn('<main id="main" tabindex="-1">', html)
        self.assertIn('<h1 id="policy-title" lang="ko" dir="ltr">', html)
        self.assertIn("야간버스", html)
        self.assertIn("It is shown in Korean", html)
        # The canonical address is the page where it really lives.
        self.assertRegex(html, r'<link rel="canonical" href="[^"]*/ko/policies/night-bus/">')

    def test_translated_page_has_no_notice(self):
        html = self.client.get("/en/policies/bikes/").content.decode()
        self.assertNotIn("notice--language", html)

    def test_unknown_path_is_still_a_404(self):
        self.assertEqual(self.client.get("/en/policies/no-such-policy/").status_code, 404)
        self.assertEqual(self.client.get("/ko/no-such-section/x/").status_code, 404)

    def test_interface_strings_are_translated(self):
        self.assertContains(self.client.get("/ko/policies/"), "본문 바로가기")
        self.assertContains(self.client.get("/en/policies/"), "Skip to main content")
