"""The site skeleton: idempotent, and rebuilt even on a database without Wagtail's root."""

from django.test import TestCase
from wagtail.models import Page, Site

from policyshare.home.services import ensure_sections


class SiteStructureTests(TestCase):
    def test_running_twice_changes_nothing(self):
        first = ensure_sections()
        count = Page.objects.count()
        second = ensure_sections()
        self.assertEqual(Page.objects.count(), count)
        self.assertEqual(
            {slug: {lang: p.pk for lang, p in pages.items()} for slug, pages in first.items()},
            {slug: {lang: p.pk for lang, p in pages.items()} for slug, pages in second.items()},
        )
        self.assertEqual(Site.objects.get(is_default_site=True).root_page.url, "/ko/")

    def test_a_database_without_the_root_page_gets_one(self):
        Site.objects.all().delete()
        Page.objects.all().delete()
        sections = ensure_sections()
        self.assertEqual(Page.get_first_root_node().depth, 1)
        self.assertEqual(sections["policies"]["en"].url, "/en/policies/")

    def test_every_content_language_has_its_home_and_sections(self):
        sections = ensure_sections()
        for language in ("ko", "en", "fr", "es", "ar", "zh-hans"):
            self.assertEqual(sections["policies"][language].url, f"/{language}/policies/")
        self.assertEqual(sections["policies"]["fr"].title, "Politiques de Séoul")
        self.assertEqual(sections["news"]["ar"].title, "أخبار سيول")
        # The partial languages start from English, not Korean.
        self.assertEqual(
            sections["policies"]["zh-hans"].introduction, sections["policies"]["en"].introduction
        )
