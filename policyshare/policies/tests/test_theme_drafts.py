"""A theme copied for a translation is a draft until an editor publishes it.

Translating a Korean policy into Spanish copies its themes into Spanish (the Translate action,
`services.themes_in_locale`). The copy is saved as a draft: the Translations dashboard lists
it, the Spanish policy form offers it, but readers get the published fallback version (the
English one here) everywhere themes are shown, until a member of Editors publishes it.
"""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale

from policyshare.core.tests import builders
from policyshare.newsletter.services import theme_choices
from policyshare.policies.models import PolicyCase, Theme
from policyshare.translations.models import FieldStatus
from policyshare.translations.selectors import translation_state


class ThemeDraftTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en", "es"))
        cls.spanish = Locale.objects.get(language_code="es")
        cls.transport_ko = builders.make_theme(name="교통", slug="transport", is_popular=True)
        cls.transport_en = builders.make_theme(
            language="en",
            name="Transport",
            slug="transport",
            is_popular=True,
            translation_of=cls.transport_ko,
        )
        cls.policy = builders.make_policy(
            library=cls.sections["policies"]["ko"],
            title="버스 개편",
            slug="buses",
            themes=[cls.transport_ko],
        )
        cls.editor = builders.make_admin_user("editor", group="Editors")

    def translate_into_spanish(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("simple_translation:submit_page_translation", args=[self.policy.pk]),
            {"locales": [self.spanish.pk]},
        )
        self.assertEqual(response.status_code, 302)
        translation = PolicyCase.objects.get(
            translation_key=self.policy.translation_key, locale=self.spanish
        )
        return translation, Theme.objects.get(locale=self.spanish, slug="transport")

    def edit_theme(self, theme, *, publish):
        data = {
            "name": "Transporte",
            "slug": "transport",
            "description": "",
            "sort_order": "100",
            "is_popular": "on",
        }
        if publish:
            data["action-publish"] = "action-publish"
        response = self.client.post(
            reverse("wagtailsnippets_policies_theme:edit", args=[theme.pk]), data
        )
        self.assertEqual(response.status_code, 302)
        theme.refresh_from_db()
        return theme

    def filter_options(self):
        response = self.client.get(self.sections["policies"]["es"].url)
        self.assertEqual(response.status_code, 200)
        return [(theme.pk, theme.name) for theme in response.context["themes"]]

    def popular_on_home(self):
        response = self.client.get(self.sections["policies"]["es"].get_parent().url)
        self.assertEqual(response.status_code, 200)
        return [(theme.pk, theme.name) for theme in response.context["popular_themes"]]

    def test_the_spanish_copy_is_a_draft_shown_to_editors_only(self):
        translation, transport_es = self.translate_into_spanish()
        self.assertFalse(transport_es.live)
        self.assertEqual(transport_es.name, "Transport")  # copied from English
        self.assertEqual(transport_es.translation_key, self.transport_ko.translation_key)
        # The Spanish policy links to it, and its form offers it to tick.
        self.assertEqual(list(translation.themes.all()), [transport_es])
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
        self.assertIn(transport_es, response.context["form"].fields["themes"].queryset)
        # The Translations dashboard lists it as needing translation, as before.
        response = self.client.get(reverse("translations:dashboard"), {"language": "es"})
        self.assertContains(
            response, reverse("wagtailsnippets_policies_theme:edit", args=[transport_es.pk])
        )

        # An editor translates it and saves a draft: readers still get the English version.
        transport_es = self.edit_theme(transport_es, publish=False)
        self.assertFalse(transport_es.live)
        # A draft's row holds its last published text, here none: the name is marked so
        # that showing the draft anywhere would be seen.
        Theme.objects.filter(pk=transport_es.pk).update(name="Borrador")
        self.assertEqual(self.filter_options(), [(self.transport_en.pk, "Transport")])
        library = self.sections["policies"]["es"]
        self.assertEqual(list(library.specific.themes()), [self.transport_en])
        self.assertEqual(theme_choices(language="es"), [("transport", "Transport")])
        self.assertEqual(self.popular_on_home(), [(self.transport_en.pk, "Transport")])
        self.assertEqual(
            Theme.search_facet_labels("theme", ["transport"], language="es")["transport"].text,
            "Transport",
        )
        self.assertEqual([s.label for s in Theme.search_shortcuts(language="es")], ["Transport"])
        response = self.client.get("/api/v1/themes", {"language": "es"})
        self.assertEqual(response.json()["results"], [])
        # The Spanish policy, once published, links to the English version.
        translation.save_revision().publish()
        response = self.client.get(translation.url, HTTP_ACCEPT_LANGUAGE="es")
        self.assertEqual([t.name for t in response.context["themes_shown"]], ["Transport"])

        # Published: the Spanish theme replaces the English one everywhere.
        transport_es = self.edit_theme(transport_es, publish=True)
        self.assertTrue(transport_es.live)
        self.assertEqual(transport_es.name, "Transporte")
        # The Translations dashboard no longer lists the name as missing.
        statuses = {f.name: f.status for f in translation_state(transport_es).fields}
        self.assertNotEqual(statuses["name"], FieldStatus.MISSING)
        self.assertEqual(self.filter_options(), [(transport_es.pk, "Transporte")])
        self.assertEqual(theme_choices(language="es"), [("transport", "Transporte")])
        self.assertEqual(self.popular_on_home(), [(transport_es.pk, "Transporte")])
        self.assertEqual([s.label for s in Theme.search_shortcuts(language="es")], ["Transporte"])
        response = self.client.get("/api/v1/themes", {"language": "es"})
        self.assertEqual([item["name"] for item in response.json()["results"]], ["Transporte"])
        response = self.client.get(translation.url)
        self.assertEqual([t.name for t in response.context["themes_shown"]], ["Transporte"])

    def test_the_admin_translate_action_on_a_theme_makes_a_draft(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse(
                "simple_translation:submit_snippet_translation",
                args=["policies", "theme", self.transport_ko.pk],
            ),
            {"locales": [self.spanish.pk]},
        )
        self.assertEqual(response.status_code, 302)
        transport_es = Theme.objects.get(locale=self.spanish, slug="transport")
        self.assertFalse(transport_es.live)
        self.assertIsNone(transport_es.live_revision)
        self.assertEqual(self.filter_options(), [(self.transport_en.pk, "Transport")])

    def test_existing_themes_are_published(self):
        # Made as before draft state existed (no revision): live, and editable in the admin.
        self.assertTrue(self.transport_en.live)
        self.assertIsNone(self.transport_en.latest_revision)
        self.client.force_login(self.editor)
        response = self.client.get(
            reverse("wagtailsnippets_policies_theme:edit", args=[self.transport_en.pk])
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(self.editor.has_perm("policies.publish_theme"))
