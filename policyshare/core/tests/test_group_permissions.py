"""Each group can do the job docs/editors.md and docs/requests.md give it, and nothing more.

A member of each group signs in and opens the admin views their job needs (200) and some
that are outside it (403, or Wagtail's redirect to the dashboard).
"""

from django.test import TestCase
from django.urls import reverse

from policyshare.contributors import services as contributors
from policyshare.cooperation_requests.tests.builders import make_request
from policyshare.core.tests import builders

REFUSED = (302, 403)


class GroupPermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.library = cls.sections["policies"]["en"]
        cls.theme = builders.make_theme(language="en", name="Transport", slug="transport")
        cls.partner = builders.make_partner(language="en", name="UN-Habitat")
        cls.policy = builders.make_policy(library=cls.library, slug="buses")
        cls.request, _token = make_request()
        contributors.ensure_contributor_access()

    def urls(self):
        return {
            "pages": reverse("wagtailadmin_explore", args=[self.library.pk]),
            "edit policy": reverse("wagtailadmin_pages:edit", args=[self.policy.pk]),
            "add policy": reverse(
                "wagtailadmin_pages:add", args=["policies", "policycase", self.library.pk]
            ),
            "themes": reverse("wagtailsnippets_policies_theme:list"),
            "add theme": reverse("wagtailsnippets_policies_theme:add"),
            "edit theme": reverse("wagtailsnippets_policies_theme:edit", args=[self.theme.pk]),
            "partners": reverse("wagtailsnippets_partners_partner:list"),
            "add partner": reverse("wagtailsnippets_partners_partner:add"),
            "edit partner": reverse(
                "wagtailsnippets_partners_partner:edit", args=[self.partner.pk]
            ),
            "failed searches": reverse("portal_search_failed_searches"),
            "translations": reverse("translations:dashboard"),
            "translate page": reverse(
                "simple_translation:submit_page_translation", args=[self.policy.pk]
            ),
            "documents": reverse("wagtaildocs:index"),
            "document chooser": reverse("wagtaildocs_chooser:choose"),
            "images": reverse("wagtailimages:index"),
            "invite contributors": reverse("contributors_admin:index"),
            "newsletter": reverse("newsletter_admin:index"),
            "requests": reverse("inquiries_admin:index"),
            "request": reverse("inquiries_admin:detail", args=[self.request.pk]),
            "cities": reverse("wagtailsnippets_sharing_city:list"),
            "add city": reverse("wagtailsnippets_sharing_city:add"),
            "transfers": reverse("wagtailsnippets_sharing_policytransfer:list"),
            "add transfer": reverse("wagtailsnippets_sharing_policytransfer:add"),
            "tenders": reverse("wagtailsnippets_sharing_tendernotice:add"),
            "firms' interests": reverse("wagtailsnippets_sharing_firminterest:add"),
            "city networks": reverse("wagtailsnippets_sharing_network:add"),
            "exchange rates": reverse("wagtailsnippets_policies_exchangerate:list"),
            "add exchange rate": reverse("wagtailsnippets_policies_exchangerate:add"),
            "groups": reverse("wagtailusers_groups:index"),
            "users": reverse("wagtailusers_users:index"),
        }

    def assert_job(self, user, *, allowed, refused):
        urls = self.urls()
        self.client.force_login(user)
        for name in allowed:
            with self.subTest(user=user.username, view=name, expected=200):
                self.assertEqual(self.client.get(urls[name]).status_code, 200)
        for name in refused:
            with self.subTest(user=user.username, view=name, expected="refused"):
                self.assertIn(self.client.get(urls[name]).status_code, REFUSED)

    EDITORIAL = [
        "pages",
        "edit policy",
        "add policy",
        "themes",
        "add theme",
        "edit theme",
        "partners",
        "add partner",
        "edit partner",
        "failed searches",
        "translations",
        "translate page",
        "documents",
        "document chooser",
        "images",
        "invite contributors",
        "newsletter",
        "cities",
        "add city",
        "transfers",
        "add transfer",
        "tenders",
        "firms' interests",
        "city networks",
        "exchange rates",
        "add exchange rate",
    ]

    def test_editors(self):
        self.assert_job(
            builders.make_admin_user("editor", group="Editors"),
            allowed=self.EDITORIAL,
            refused=["requests", "request", "groups", "users"],
        )

    def test_moderators(self):
        self.assert_job(
            builders.make_admin_user("moderator", group="Moderators"),
            allowed=self.EDITORIAL,
            refused=["requests", "request", "groups", "users"],
        )

    def test_request_handlers(self):
        self.assert_job(
            builders.make_admin_user("handler", group="Request handlers"),
            allowed=["requests", "request"],
            refused=[
                "cities",
                "add transfer",
                "exchange rates",
                "add exchange rate",
                "edit policy",
                "add policy",
                "themes",
                "add theme",
                "partners",
                "add partner",
                "failed searches",
                "translations",
                "invite contributors",
                "newsletter",
                "groups",
                "users",
            ],
        )

    def test_contributors(self):
        self.assert_job(
            builders.make_admin_user("contributor", group=contributors.CONTRIBUTORS_GROUP),
            allowed=["add policy", "document chooser"],
            refused=[
                "edit policy",
                "add exchange rate",
                "themes",
                "add theme",
                "edit theme",
                "partners",
                "add partner",
                "failed searches",
                "translations",
                "translate page",
                "invite contributors",
                "newsletter",
                "requests",
                "request",
                "groups",
                "users",
            ],
        )
