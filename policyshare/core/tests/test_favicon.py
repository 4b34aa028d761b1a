"""Every page names a local icon, and /favicon.ico answers instead of a 404."""

from django.contrib.staticfiles import finders
from django.test import TestCase

from policyshare.core.tests import builders


class FaviconTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections()

    def test_pages_link_the_svg_icon_and_it_exists(self):
        html = self.client.get("/en/").content.decode()
        self.assertIn('<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">', html)
        self.assertIsNotNone(finders.find("img/favicon.svg"))

    def test_favicon_ico_redirects_to_the_icon(self):
        response = self.client.get("/favicon.ico")
        self.assertRedirects(response, "/static/img/favicon.svg", fetch_redirect_response=False)
        self.assertIn("max-age=86400", response["Cache-Control"])
