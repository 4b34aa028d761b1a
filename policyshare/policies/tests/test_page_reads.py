"""What a policy page reads besides itself: routing reads with the page whether it has other
versions and whether it has indicators, attachments, related policies, themes and budget
lines (`core.selectors.read_page`, `PolicyCase.read_annotations`); the page reads only those
it has, and whatever is added later shows on the next request."""

from decimal import Decimal

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.documents import get_document_model

from policyshare.core import fragments
from policyshare.core.tests import builders
from policyshare.policies.models import BudgetLine, PolicyAttachment, RelatedPolicy

TABLES = {
    "indicators": '"policies_outcomeindicator"',
    "attachments": '"policies_policyattachment"',
    "related policies": '"policies_relatedpolicy"',
    "themes": '"policies_policycase_themes"',
    "budget lines": '"policies_budgetline"',
}


@override_settings(FRAGMENT_CACHE_SECONDS=3600, PAGE_CACHE_SECONDS=0)
class PolicyPageReadsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.library = cls.sections["policies"]["en"]
        cls.bare = builders.make_policy(library=cls.library, title="Bare policy")
        cls.full = builders.make_policy(
            library=cls.library,
            title="Full policy",
            themes=[builders.make_theme(language="en", name="Mobility")],
            indicators=[{"name": "Riders per day", "baseline_value": "10"}],
        )
        document = get_document_model().objects.create(
            title="Report", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="report.pdf")
        )
        PolicyAttachment.objects.create(
            page=cls.full, document=document, title="Annual report", sort_order=0
        )
        RelatedPolicy.objects.create(page=cls.full, policy=cls.bare, sort_order=0)
        BudgetLine.objects.create(
            page=cls.full, amount=Decimal(5000), currency="USD", year=2019, funding_source="City"
        )

    def setUp(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)

    def get(self, page, query="unseen=1", *, warm=True):
        """The page with a query string no one used; `warm`: after the same page with
        another, so that what every policy page shares is in the fragments."""
        if warm:
            self.client.get(f"{page.url}?warm={query}")
        with CaptureQueriesContext(connection) as queries, translation.override("en"):
            response = self.client.get(f"{page.url}?{query}")
        self.assertEqual(response.status_code, 200)
        return response, [query["sql"] for query in queries]

    def reads_of(self, sql: list[str]) -> set[str]:
        """The relations read on their own (not in the page's own read, which only asks
        whether each exists)."""
        others = [q for q in sql if "other_versions_exist" not in q]
        return {name for name, table in TABLES.items() if any(table in q for q in others)}

    def test_a_policy_without_rows_reads_only_itself(self):
        response, sql = self.get(self.bare)
        self.assertEqual(len(sql), 1, "\n".join(sql))
        self.assertIn("other_versions_exist", sql[0])
        self.assertEqual(self.reads_of(sql), set())
        self.assertContains(response, "Bare policy")
        self.assertNotContains(response, 'id="outcomes-title"')
        self.assertNotContains(response, 'id="attachments-title"')

    def test_a_policy_reads_and_shows_each_of_its_rows(self):
        response, sql = self.get(self.full)
        # Its own read carries the flags; each relation is then read once.
        self.assertEqual(self.reads_of(sql), set(TABLES))
        self.assertEqual(len(sql), 1 + len(TABLES), "\n".join(sql))
        for text in ("Mobility", "Riders per day", "Annual report", "Bare policy", "US$ 5,000"):
            self.assertContains(response, text)

    def test_rows_added_after_a_view_show_at_once(self):
        self.get(self.bare)
        theme = builders.make_theme(language="en", name="Housing")
        self.bare.themes.add(theme)
        self.bare.save()  # the m2m of a ParentalManyToManyField is written on save
        BudgetLine.objects.create(page=self.bare, amount=Decimal(7), currency="USD", year=2020)
        RelatedPolicy.objects.create(page=self.bare, policy=self.full, sort_order=0)
        response, sql = self.get(self.bare, "unseen=2", warm=False)
        self.assertEqual(self.reads_of(sql), {"themes", "budget lines", "related policies"})
        for text in ("Housing", "US$ 7", "Full policy"):
            self.assertContains(response, text)

    def test_a_page_without_other_versions_does_not_read_them(self):
        response, sql = self.get(self.bare)
        self.assertFalse([q for q in sql if '"translation_key" =' in q and "EXISTS" not in q])
        self.assertContains(response, '<link rel="alternate" hreflang="en" href="')
        self.assertContains(response, "Available in English only.")

    def test_a_translation_made_after_a_view_shows_at_once(self):
        self.get(self.bare)
        korean = builders.translate_page(self.bare, language="ko", title="번역된 정책")
        response, _sql = self.get(self.bare, "unseen=2", warm=False)
        self.assertContains(response, '<link rel="alternate" hreflang="ko" href="')
        self.assertContains(response, f'href="{korean.url}"')
        self.assertContains(response, 'class="page-languages"')
        self.assertNotContains(response, "Available in English only.")
