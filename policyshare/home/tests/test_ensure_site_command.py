"""`manage.py ensure_site` adds the skeleton of languages that have none."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from policyshare.core.models import StandardPage
from policyshare.core.site_pages import FOOTER_PAGE_SLUGS
from policyshare.home.models import HomePage
from policyshare.home.services import ensure_sections


class EnsureSiteCommandTests(TestCase):
    def test_adds_missing_languages_and_changes_nothing_else(self):
        ensure_sections(languages=("ko", "en"))
        self.assertFalse(HomePage.objects.filter(locale__language_code="ar").exists())
        out = StringIO()
        call_command("ensure_site", stdout=out)
        self.assertIn("ar, en, es, fr, ko, zh-hans", out.getvalue())
        self.assertEqual(
            HomePage.objects.get(locale__language_code="ar").title, "سيول تشارك سياساتها"
        )
        count = HomePage.objects.count()
        call_command("ensure_site", stdout=StringIO())
        self.assertEqual(HomePage.objects.count(), count)

    def test_creates_the_pages_the_footer_links_to_once(self):
        call_command("ensure_site", stdout=StringIO())
        pages = StandardPage.objects.filter(slug__in=FOOTER_PAGE_SLUGS)
        self.assertEqual(
            set(pages.values_list("slug", "locale__language_code")),
            {(slug, code) for slug in FOOTER_PAGE_SLUGS for code in ("ko", "en")},
        )
        call_command("ensure_site", stdout=StringIO())
        self.assertEqual(pages.count(), len(FOOTER_PAGE_SLUGS) * 2)
