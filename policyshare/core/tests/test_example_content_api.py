"""The worked example's page type (exampleapp.Notice) in the open-data API, with no API code
naming it: listed in /api/v1/pages with its type, and in /api/v1/pages/{id} with the fields
its `api_fields` declares (docs/development.md, "Adding a content type")."""

from pathlib import Path

from django.core.cache import cache, caches
from django.test import TestCase

import policyshare.api
from policyshare.core.tests import builders
from policyshare.core.tests.exampleapp.models import Notice


class ExampleContentApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        home = sections["policies"]["en"].get_parent()
        cls.notice = Notice(
            title="Water supply notice",
            slug="water-notice",
            summary="Works on the Mapo main.",
            body="The water is off on Tuesday.",
        )
        home.add_child(instance=cls.notice)
        cls.notice.save_revision().publish()
        cls.home = home

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def get_json(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, response.content[:500])
        return response.json()

    def test_listed_in_pages_with_its_type(self):
        data = self.get_json("/api/v1/pages?type=exampleapp.notice")
        self.assertEqual([item["id"] for item in data["results"]], [self.notice.pk])
        item = data["results"][0]
        self.assertEqual(item["type"], "exampleapp.notice")
        self.assertEqual(item["title"], "Water supply notice")
        self.assertEqual(item["parent_id"], self.home.pk)
        self.assertEqual(item["url"], self.notice.get_full_url())

    def test_detail_has_the_common_fields_and_its_own(self):
        data = self.get_json(f"/api/v1/pages/{self.notice.pk}")
        self.assertEqual(data["type"], "exampleapp.notice")
        self.assertEqual(data["language"], "en")
        self.assertEqual(data["parent_id"], self.home.pk)
        self.assertEqual(
            data["fields"],
            {"summary": "Works on the Mapo main.", "body": "The water is off on Tuesday."},
        )

    def test_unpublished_is_not_served(self):
        self.notice.unpublish()
        self.get_json(f"/api/v1/pages/{self.notice.pk}", status=404)
        self.assertEqual(self.get_json("/api/v1/pages?type=exampleapp.notice")["count"], 0)

    def test_the_api_package_does_not_name_it(self):
        # It appears through the protocol, not through code written for it.
        package = Path(policyshare.api.__file__).parent
        for path in package.rglob("*.py"):
            if "tests" in path.parts:
                continue
            text = path.read_text(encoding="utf-8").lower()
            self.assertNotIn("exampleapp", text, path)
            self.assertNotIn("notice", text, path)
