"""SITE_URL and the Wagtail site agree: `make run` sets both from HOST and PORT, production
refuses to start when they differ (home.E001)."""

import os
import runpy
from io import StringIO
from unittest import mock

from django.core.checks import run_checks
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from wagtail.models import Site

from policyshare.home.services import ensure_sections, site_address


def site_errors():
    return [e for e in run_checks(databases=["default"]) if e.id == "home.E001"]


class DevelopmentSettingsTests(TestCase):
    def test_site_url_follows_host_and_port(self):
        with mock.patch.dict(os.environ, {"HOST": "localhost", "PORT": "8080", "SITE_URL": ""}):
            dev = runpy.run_module("policyshare.settings.dev")
        self.assertEqual(dev["SITE_URL"], "http://localhost:8080")
        self.assertEqual(dev["WAGTAILADMIN_BASE_URL"], "http://localhost:8080")

    def test_an_explicit_site_url_wins(self):
        env = {"PORT": "8080", "SITE_URL": "http://portal.test"}
        with mock.patch.dict(os.environ, env):
            dev = runpy.run_module("policyshare.settings.dev")
        self.assertEqual(dev["SITE_URL"], "http://portal.test")


class SiteAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_sections()

    def test_addresses(self):
        self.assertEqual(site_address("http://127.0.0.1:8080"), ("127.0.0.1", 8080))
        self.assertEqual(
            site_address("https://policies.example.org/"), ("policies.example.org", 443)
        )
        self.assertEqual(site_address("http://localhost"), ("localhost", 80))

    @override_settings(SITE_URL="http://127.0.0.1:8080")
    def test_ensure_site_gives_the_site_the_address_and_links_follow(self):
        out = StringIO()
        call_command("ensure_site", stdout=out)
        site = Site.objects.get(is_default_site=True)
        self.assertEqual((site.hostname, site.port), ("127.0.0.1", 8080))
        self.assertIn("Default site: http://127.0.0.1:8080", out.getvalue())
        html = self.client.get("/en/", HTTP_HOST="127.0.0.1:8080").content.decode()
        self.assertIn('<link rel="canonical" href="http://127.0.0.1:8080/en/">', html)
        self.assertIn('hreflang="ko" href="http://127.0.0.1:8080/ko/"', html)

    @override_settings(SITE_URL="https://policies.example.org")
    def test_production_refuses_a_site_that_disagrees_with_site_url(self):
        Site.objects.update(hostname="localhost", port=80)
        [error] = site_errors()
        self.assertIn("localhost:80", error.msg)
        self.assertIn("ensure_site", error.hint)
        call_command("ensure_site", stdout=StringIO())
        self.assertEqual(site_errors(), [])

    @override_settings(SITE_URL="https://policies.example.org")
    def test_only_asked_with_a_database_and_not_in_development(self):
        Site.objects.update(hostname="localhost", port=80)
        self.assertEqual([e for e in run_checks() if e.id == "home.E001"], [])
        with override_settings(DEBUG=True):
            self.assertEqual(site_errors(), [])

    @override_settings(SITE_URL="https://policies.example.org")
    def test_an_unmigrated_database_is_not_an_error(self):
        with mock.patch.object(connection.introspection, "table_names", return_value=[]):
            self.assertEqual(site_errors(), [])
