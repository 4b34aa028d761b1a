"""`/` follows Accept-Language across the six languages (`ReaderLanguageMiddleware`), and the
redirect is never kept by a shared cache for another reader."""

from django.test import SimpleTestCase, TestCase, override_settings

from policyshare.core.languages import language_from_accept_header

# A browser's header (as sent by Firefox or Chrome set to that language) -> the language.
BROWSERS = {
    "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7": "ko",
    "en-GB,en;q=0.9": "en",
    "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7": "fr",
    "es-ES,es;q=0.9": "es",
    "ar-SA,ar;q=0.9,en-US;q=0.8,en;q=0.7": "ar",
    "zh-CN,zh;q=0.9": "zh-hans",
}


class AcceptLanguageTests(SimpleTestCase):
    def test_each_of_the_six_languages(self):
        for header, language in BROWSERS.items():
            with self.subTest(header=header):
                self.assertEqual(language_from_accept_header(header), language)

    def test_regional_and_script_variants(self):
        cases = {
            "fr-CA": "fr",
            "fr-ch": "fr",
            "es-419": "es",
            "es-MX": "es",
            "ar-EG": "ar",
            "ar": "ar",
            "zh": "zh-hans",
            "zh-CN": "zh-hans",
            "zh-Hans": "zh-hans",
            "zh-Hans-CN": "zh-hans",
            "zh-SG": "zh-hans",
            # No Traditional Chinese version: Simplified, rather than the Korean default.
            "zh-TW": "zh-hans",
            "zh-Hant": "zh-hans",
            "zh-HK": "zh-hans",
            "en-US": "en",
            "ko": "ko",
        }
        for header, language in cases.items():
            with self.subTest(header=header):
                self.assertEqual(language_from_accept_header(header), language)

    def test_q_values_choose_the_order(self):
        cases = {
            "fr;q=0.5, es;q=0.9": "es",
            "en;q=0.1, ar;q=0.2": "ar",
            "de, zh-TW;q=0.5, fr;q=0.4": "zh-hans",  # German is unknown: the next one
            "de-CH, fr;q=0.3": "fr",
            "es;q=0.8, fr;q=0.8": "es",  # a tie keeps the header's order
            "ar;q=1.0, en": "ar",
        }
        for header, language in cases.items():
            with self.subTest(header=header):
                self.assertEqual(language_from_accept_header(header), language)

    def test_q_zero_means_not_this_language(self):
        self.assertEqual(language_from_accept_header("fr;q=0, es;q=0.5"), "es")
        self.assertEqual(language_from_accept_header("fr;q=0"), "ko")

    def test_unknown_empty_or_any_gets_the_default(self):
        for header in ("de-DE,de;q=0.9", "", "*", "ja, *;q=0.1", "x-klingon", ";;;", "q=1"):
            with self.subTest(header=header):
                self.assertEqual(language_from_accept_header(header), "ko")

    @override_settings(LANGUAGE_CODE="en")
    def test_the_default_is_the_setting(self):
        self.assertEqual(language_from_accept_header("de"), "en")


class RootRedirectTests(TestCase):
    def test_root_redirects_to_the_browsers_language(self):
        headers = {**BROWSERS, "fr;q=0.2, ar;q=0.7, en;q=0.5": "ar", "pt-BR": "ko"}
        for header, language in headers.items():
            with self.subTest(header=header):
                response = self.client.get("/", HTTP_ACCEPT_LANGUAGE=header)
                self.assertRedirects(response, f"/{language}/", fetch_redirect_response=False)

    def test_a_path_without_prefix_keeps_its_path(self):
        response = self.client.get("/search/", HTTP_ACCEPT_LANGUAGE="es-419")
        self.assertRedirects(response, "/es/search/", fetch_redirect_response=False)

    def test_the_redirect_is_private_and_varies_on_what_chose_it(self):
        for header in ("fr", "zh-CN"):
            response = self.client.get("/", HTTP_ACCEPT_LANGUAGE=header)
            vary = {part.strip().lower() for part in response["Vary"].split(",")}
            self.assertLessEqual({"accept-language", "cookie"}, vary)
            self.assertIn("private", response["Cache-Control"])
            self.assertNotIn("public", response["Cache-Control"])
            self.assertNotIn("X-Page-Cache", response)
        # Asked again with another language, the app answers for that one.
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
        self.assertRedirects(response, "/ar/", fetch_redirect_response=False)

    def test_a_prefixed_path_ignores_accept_language(self):
        response = self.client.get("/en/search/", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertEqual(response.status_code, 200)
        self.assertIn('<html lang="en"', response.content.decode())

    def test_a_language_cookie_still_wins(self):
        self.client.cookies["django_language"] = "es"
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertRedirects(response, "/es/", fetch_redirect_response=False)
