"""The worked example (exampleapp.Notice) in page metadata: a plain page type gets Open Graph
values and a schema.org WebPage from the defaults of `policyshare.core.content.metadata`."""

import json
import re
from unittest import mock

from django.test import TestCase

from policyshare.core.tests import builders
from policyshare.core.tests.exampleapp.models import Notice


class NoticeMetadataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        home = sections["policies"]["en"].get_parent()
        cls.notice = Notice(
            title="Road works", slug="road-works", summary="Two lanes\n closed at night."
        )
        home.add_child(instance=cls.notice)
        cls.notice.save_revision().publish()

    def page(self):
        response = self.client.get("/en/road-works/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        self.assertEqual(len(blocks), 1)
        return html, json.loads(blocks[0])

    def meta(self, html, name):
        match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
        return match.group(1) if match else None

    def test_open_graph_of_a_plain_page(self):
        html, _data = self.page()
        self.assertEqual(self.meta(html, "og:type"), "website")
        self.assertEqual(self.meta(html, "og:title"), "Road works")
        self.assertEqual(self.meta(html, "og:description"), "Two lanes closed at night.")
        self.assertEqual(self.meta(html, "og:url"), self.notice.get_full_url())
        self.assertEqual(self.meta(html, "og:site_name"), "Seoul Policy Sharing")
        self.assertEqual(self.meta(html, "og:locale"), "en_US")
        self.assertIsNone(self.meta(html, "article:published_time"))

    def test_json_ld_of_a_plain_page(self):
        _html, data = self.page()
        self.assertEqual(data["@type"], "WebPage")
        self.assertEqual(data["name"], "Road works")
        self.assertEqual(data["description"], "Two lanes closed at night.")
        self.assertEqual(data["url"], self.notice.get_full_url())
        self.assertEqual(data["inLanguage"], "en")
        self.assertEqual(data["publisher"]["@type"], "GovernmentOrganization")

    def test_the_search_description_comes_first(self):
        self.notice.search_description = "Sejong-daero, from 22:00."
        self.notice.save_revision().publish()
        html, data = self.page()
        self.assertEqual(data["description"], "Sejong-daero, from 22:00.")
        self.assertEqual(self.meta(html, "og:description"), "Sejong-daero, from 22:00.")

    def test_an_article_type_carries_its_dates(self):
        with mock.patch.object(Notice, "open_graph_type", "article"):
            html, _data = self.page()
        self.assertEqual(self.meta(html, "og:type"), "article")
        self.assertTrue(self.meta(html, "article:published_time"))
