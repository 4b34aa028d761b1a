"""Registered snippets in search: partners are results, themes label and re-index policies.

The search connects to the snippets registered with `policyshare.core.content.register_snippet`
without naming them; these tests check that what it did by name before still happens.
"""

import importlib
from io import StringIO
from unittest import mock

from django.apps import apps
from django.core.management import call_command
from django.test import TestCase

from policyshare.search import services
from policyshare.search.models import SearchDocument
from policyshare.search.selectors import search_documents

from . import factories as make

MIGRATION = importlib.import_module(
    "policyshare.search.migrations.0005_documents_declared_by_content_types"
)


class SnippetDocumentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            make.sections()
            cls.mobility = make.theme(name="Mobility", slug="mobility", language="en")
            cls.policy = make.policy(
                title="Night buses",
                summary="Buses run all night on the main roads.",
                themes=[cls.mobility],
                language="en",
            )
            cls.partner = make.partner(
                name="Harbourside Institute", description="Research on ports.", language="en"
            )

    def titles(self, query):
        return [hit.document.title for hit in search_documents(query=query).hits]

    def test_a_partner_is_a_result_at_its_entry_on_the_partners_page(self):
        document = SearchDocument.objects.get(key=f"partners.partner:{self.partner.pk}")
        self.assertEqual((document.kind, document.language), ("partner", "en"))
        self.assertTrue(document.url.endswith(f"#partner-{self.partner.pk}"))
        self.assertEqual(self.titles("harbourside"), ["Harbourside Institute"])

    def test_editing_and_deleting_a_partner(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.partner.name = "Riverside Institute"
            self.partner.save()
        self.assertEqual(self.titles("riverside"), ["Riverside Institute"])
        self.assertEqual(self.titles("harbourside"), [])
        self.partner.delete()
        self.assertFalse(SearchDocument.objects.filter(kind="partner").exists())

    def test_renaming_a_theme_reindexes_its_policies(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.mobility.name = "Waterways"
            self.mobility.save()
        self.assertEqual(self.titles("waterways"), ["Night buses"])
        outcome = search_documents(query="waterways", language="en")
        self.assertEqual(
            [(v.value, v.label) for v in outcome.facets["theme"]], [("mobility", "Waterways")]
        )

    def test_the_rebuild_command(self):
        before = set(SearchDocument.objects.values_list("key", flat=True))
        self.assertIn(f"partners.partner:{self.partner.pk}", before)
        SearchDocument.objects.all().delete()
        out = StringIO()
        call_command("rebuild_search_documents", stdout=out)
        self.assertIn(f"{len(before)} search documents.", out.getvalue())
        self.assertEqual(set(SearchDocument.objects.values_list("key", flat=True)), before)
        self.assertEqual(self.titles("harbourside"), ["Harbourside Institute"])

    def test_the_rebuild_command_compacts_the_full_text_index(self):
        with mock.patch.object(
            services, "optimize_fulltext_index", wraps=services.optimize_fulltext_index
        ) as optimize:
            call_command("rebuild_search_documents", stdout=StringIO())
        optimize.assert_called_once_with()
        # Compacting changes how the index is stored, not what a search finds.
        found = {query: self.titles(query) for query in ("harbourside", "night buses")}
        self.assertEqual(found["harbourside"], ["Harbourside Institute"])
        services.optimize_fulltext_index()
        self.assertEqual({query: self.titles(query) for query in found}, found)

    def test_the_migration_renames_partner_keys(self):
        # Keys as the code before issue 14 wrote them.
        document = SearchDocument.objects.get(kind="partner")
        SearchDocument.objects.filter(pk=document.pk).update(key=f"partner:{self.partner.pk}")
        page_keys = set(SearchDocument.objects.filter(page__isnull=False).values_list("key"))
        MIGRATION.rename_partner_keys(apps, None)
        document.refresh_from_db()
        self.assertEqual(document.key, f"partners.partner:{self.partner.pk}")
        self.assertEqual(
            set(SearchDocument.objects.filter(page__isnull=False).values_list("key")), page_keys
        )
        MIGRATION.restore_partner_keys(apps, None)
        document.refresh_from_db()
        self.assertEqual(document.key, f"partner:{self.partner.pk}")
