"""Search results link as the lists do: a result shown from a fallback language stays under
the reader's language prefix (`/fr/…`), so the reader keeps their interface. The API's `url`
stays the canonical address, as in the pages API."""

import re

from django.test import TestCase

from policyshare.home.services import ensure_sections

from . import factories as make


def result_links(html: str) -> list[str]:
    return re.findall(r'<h2 class="search-hit__title"><a href="([^"]+)"', html)


class ReaderLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            ensure_sections(languages=("ko", "en", "fr", "es", "ar", "zh-hans"))
            cls.water = make.policy(
                title="Water supply reform",
                summary="Seoul renewed its water pipes.",
                language="en",
                slug="water",
            )
            cls.bus = make.policy(
                title="Bus reform",
                summary="Seoul reorganised its bus routes into trunk lines.",
                language="en",
                slug="bus",
            )
            cls.bus_fr = make.translation(
                cls.bus, language="fr", title="Réforme des bus", slug="bus"
            )

    def test_a_fallback_result_is_linked_under_the_readers_language(self):
        for language in ("fr", "es", "ar", "zh-hans"):
            with self.subTest(language=language):
                page = self.client.get(f"/{language}/search/", {"q": "water pipes"})
                [href] = result_links(page.content.decode())
                self.assertEqual(href, f"/{language}/policies/water/")
                shown = self.client.get(href)
                self.assertEqual(shown.status_code, 200)
                self.assertContains(shown, f'<html lang="{language}"')
                self.assertContains(shown, "Water supply reform")

    def test_a_result_in_the_readers_language_and_complete_languages_keep_their_link(self):
        page = self.client.get("/fr/search/", {"q": "bus routes"})
        self.assertEqual(result_links(page.content.decode()), [self.bus_fr.url])
        page = self.client.get("/en/search/", {"q": "water pipes"})
        self.assertEqual(result_links(page.content.decode()), ["/en/policies/water/"])

    def test_the_api_url_is_the_canonical_address(self):
        data = self.client.get("/api/v1/search", {"q": "water pipes", "hl": "fr"}).json()
        [result] = data["results"]
        self.assertEqual(result["lang"], "en")
        self.assertTrue(result["url"].endswith("/en/policies/water/"), result["url"])
