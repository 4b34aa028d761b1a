"""The browser tab names the site once: the home page is the site name, other pages add it."""

import re

from django.test import TestCase

from policyshare.core.tests import builders


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


class PageTitleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        builders.make_policy(library=sections["policies"]["en"], title="Bus reform", slug="bus")

    def test_the_home_page_title_is_the_site_name_once(self):
        self.assertEqual(title(self.client.get("/en/").content.decode()), "Seoul Policy Sharing")
        self.assertEqual(title(self.client.get("/ko/").content.decode()), "서울 정책공유")

    def test_other_pages_add_the_site_name(self):
        html = self.client.get("/en/policies/bus/").content.decode()
        self.assertEqual(title(html), "Bus reform · Seoul Policy Sharing")
