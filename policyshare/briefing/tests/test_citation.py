"""Cite this: the block on the policy page and its three formats, which must parse."""

import json

import bibtexparser
from django.test import TestCase
from django.utils import translation

from policyshare.briefing.citation import bibtex_escape
from policyshare.core.tests import builders

TRICKY = "Tolls & fares: 100% {free} #1 for_all ~ $0 \\ ^"


class CitationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        library = builders.sections(languages=("ko", "en"))["policies"]["en"]
        cls.page = builders.make_policy(library=library, title=TRICKY, writer="Kim & Lee")

    def test_block_on_the_policy_page(self):
        with translation.override("en"):
            response = self.client.get(self.page.url)
        self.assertContains(response, "Cite this")
        self.assertContains(response, f'href="{self.page.full_url}"')
        self.assertContains(response, f"/en/briefing/cite/{self.page.pk}.bib")
        self.assertContains(response, f"/en/briefing/cite/{self.page.pk}.json")
        self.assertContains(response, f"/en/briefing/case/{self.page.pk}.pdf")
        self.assertContains(response, self.page.last_published_at.date().isoformat())
        # Escaped in HTML like any text.
        self.assertContains(response, "Tolls &amp; fares")

    def test_bibtex_parses_and_round_trips(self):
        response = self.client.get(f"/en/briefing/cite/{self.page.pk}.bib")
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        library = bibtexparser.parse_string(response.content.decode())
        self.assertEqual(library.failed_blocks, [])
        (entry,) = library.entries
        self.assertEqual(entry.key, f"policyshare-{self.page.pk}")
        self.assertEqual(entry["title"], bibtex_escape(TRICKY))
        self.assertIn(r"\&", entry["title"])
        self.assertIn(r"\{free\}", entry["title"])
        self.assertEqual(entry["url"], self.page.full_url)
        self.assertEqual(entry["year"], str(self.page.first_published_at.year))

    def test_csl_json_is_valid(self):
        response = self.client.get(f"/en/briefing/cite/{self.page.pk}.json")
        self.assertEqual(response.status_code, 200)
        (item,) = json.loads(response.content)
        self.assertEqual(item["type"], "webpage")
        self.assertEqual(item["title"], TRICKY)
        self.assertEqual(item["author"], [{"literal": "Kim & Lee"}])
        self.assertEqual(item["URL"], self.page.full_url)
        year, month, day = item["issued"]["date-parts"][0]
        self.assertEqual(year, self.page.first_published_at.year)
        self.assertTrue(all(isinstance(n, int) for n in (year, month, day)))
        self.assertEqual(set(item["accessed"]), {"date-parts"})

    def test_plain_text(self):
        response = self.client.get(f"/en/briefing/cite/{self.page.pk}.txt")
        text = response.content.decode()
        self.assertTrue(
            text.startswith(f"Kim & Lee ({self.page.first_published_at.year}). {TRICKY}.")
        )
        self.assertIn(self.page.full_url, text)

    def test_unpublished_policy_has_no_citation(self):
        self.page.unpublish()
        self.assertEqual(self.client.get(f"/en/briefing/cite/{self.page.pk}.bib").status_code, 404)
