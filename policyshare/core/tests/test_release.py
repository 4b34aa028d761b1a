"""Cache keys carry the release: after a deploy nothing cached by the old code is served."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.test import TestCase, override_settings

from policyshare.core.fragments import cached_fragment
from policyshare.core.tests import builders
from policyshare.settings.base import code_release


@override_settings(PAGE_CACHE_SECONDS=300, FRAGMENT_CACHE_SECONDS=3600)
class ReleaseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        builders.make_policy(library=sections["policies"]["en"], title="Bike lanes", slug="bikes")

    def setUp(self):
        cache.clear()

    def test_a_new_release_serves_no_page_of_the_old_one(self):
        with override_settings(RELEASE="1.0+old"):
            self.assertEqual(self.client.get("/en/policies/bikes/")["X-Page-Cache"], "miss")
            self.assertEqual(self.client.get("/en/policies/bikes/")["X-Page-Cache"], "hit")
        with override_settings(RELEASE="1.1+new"):
            self.assertEqual(self.client.get("/en/policies/bikes/")["X-Page-Cache"], "miss")

    def test_a_new_release_reads_no_fragment_or_object_of_the_old_one(self):
        with override_settings(RELEASE="1.0+old"):
            self.assertEqual(cached_fragment("menu", "en", compute=lambda: "old menu"), "old menu")
            # Kept in this process too: still the old one within the old release.
            self.assertEqual(cached_fragment("menu", "en", compute=lambda: "new"), "old menu")
            cache.set("pickled-object", {"fields": "old"})
        with override_settings(RELEASE="1.1+new"):
            self.assertEqual(cached_fragment("menu", "en", compute=lambda: "new menu"), "new menu")
            self.assertIsNone(cache.get("pickled-object"))

    def test_the_release_follows_the_code(self):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "pyproject.toml").write_text('[project]\nversion = "2.3.0"\n')
            code = root / "policyshare"
            (code / "templates").mkdir(parents=True)
            (code / "models.py").write_text("class Page: pass\n")
            (code / "templates" / "nav.html").write_text("<nav></nav>\n")
            first = code_release(code)
            self.assertTrue(first.startswith("2.3.0+"))
            self.assertEqual(code_release(code), first)
            (code / "templates" / "nav.html").write_text("<nav>Climate</nav>\n")
            self.assertNotEqual(code_release(code), first)

    def test_this_code_has_a_release_and_every_cache_key_carries_it(self):
        self.assertTrue(settings.RELEASE)
        self.assertIn(settings.RELEASE, cache.make_key("anything"))
