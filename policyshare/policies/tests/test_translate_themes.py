"""A policy translated with the admin's Translate action keeps its themes, in its own language.

Wagtail's copy links the English copy to the Korean themes, which the English form does not
offer: the editor found no theme ticked. Tested through simple_translation's view, as a member
of the Editors group and as a superuser.
"""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale

from policyshare.core.tests import builders
from policyshare.policies.models import PolicyCase, Theme
from policyshare.translations.models import FieldStatus
from policyshare.translations.selectors import translation_state


class TranslatePolicyThemesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.english = Locale.objects.get(language_code="en")
        cls.transport_ko = builders.make_theme(name="교통", slug="transport")
        cls.transport_en = builders.make_theme(
            language="en", name="Transport", slug="transport", translation_of=cls.transport_ko
        )
        cls.housing_ko = builders.make_theme(name="주거", slug="housing", description="주거 정책")
        cls.policy = builders.make_policy(
            library=cls.sections["policies"]["ko"],
            title="버스 개편",
            slug="buses",
            themes=[cls.transport_ko, cls.housing_ko],
        )
        cls.editor = builders.make_admin_user("editor", group="Editors")
        cls.admin = builders.make_admin_user("admin", superuser=True)

    def translate(self, user):
        self.client.force_login(user)
        response = self.client.post(
            reverse("simple_translation:submit_page_translation", args=[self.policy.pk]),
            {"locales": [self.english.pk]},
        )
        self.assertEqual(response.status_code, 302)
        return PolicyCase.objects.get(
            translation_key=self.policy.translation_key, locale=self.english
        )

    def ticked_themes(self, page):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        return {int(pk) for pk in form["themes"].value()}

    def assert_english_themes(self, user):
        translation = self.translate(user)
        housing_en = Theme.objects.get(locale=self.english, slug="housing")
        expected = {self.transport_en.pk, housing_en.pk}
        # What the editor opens (the draft), and the page itself.
        self.assertEqual(self.ticked_themes(translation), expected)
        draft = translation.get_latest_revision_as_object()
        self.assertEqual({theme.pk for theme in draft.themes.all()}, expected)
        self.assertEqual({theme.pk for theme in translation.themes.all()}, expected)
        # The copy's own revision was rewritten, not followed by another one.
        self.assertEqual(translation.revisions.count(), 1)
        # The Korean original keeps its Korean themes.
        self.assertEqual(
            set(PolicyCase.objects.get(pk=self.policy.pk).themes.all()),
            {self.transport_ko, self.housing_ko},
        )
        return housing_en

    def test_editor_translating_a_policy_gets_the_english_themes_ticked(self):
        self.assert_english_themes(self.editor)

    def test_superuser_translating_a_policy_gets_the_english_themes_ticked(self):
        self.assert_english_themes(self.admin)

    def test_a_theme_without_english_version_is_copied_and_needs_translation(self):
        housing_en = self.assert_english_themes(self.editor)
        self.assertEqual(housing_en.translation_key, self.housing_ko.translation_key)
        self.assertEqual(housing_en.name, "주거")
        state = translation_state(housing_en)
        self.assertEqual(state.source, self.housing_ko)
        self.assertEqual(
            {field.name: field.status for field in state.fields},
            {"name": FieldStatus.MISSING, "description": FieldStatus.MISSING},
        )

    def test_an_unlinked_english_theme_with_the_same_slug_is_used(self):
        housing_en = builders.make_theme(language="en", name="Housing", slug="housing")
        self.assertEqual(self.assert_english_themes(self.editor), housing_en)
        self.assertEqual(Theme.objects.filter(locale=self.english).count(), 2)


class TranslateFromKoreanIntoEveryLanguageTests(TestCase):
    """From Korean to French, Spanish, Arabic and Chinese: the copy gets themes of its own
    language, taken from the English version where there is one, listed as needing work."""

    LANGUAGES = ("fr", "es", "ar", "zh-hans")

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en", *cls.LANGUAGES))
        cls.transport_ko = builders.make_theme(name="교통", slug="transport")
        cls.transport_en = builders.make_theme(
            language="en", name="Transport", slug="transport", translation_of=cls.transport_ko
        )
        cls.transport_fr = builders.make_theme(
            language="fr", name="Transports", slug="transport", translation_of=cls.transport_ko
        )
        cls.housing_ko = builders.make_theme(name="주거", slug="housing", description="주거 정책")
        cls.policy = builders.make_policy(
            library=cls.sections["policies"]["ko"],
            title="버스 개편",
            slug="buses",
            themes=[cls.transport_ko, cls.housing_ko],
        )
        cls.editor = builders.make_admin_user("editor", group="Editors")

    def translate(self, locale):
        response = self.client.post(
            reverse("simple_translation:submit_page_translation", args=[self.policy.pk]),
            {"locales": [locale.pk]},
        )
        self.assertEqual(response.status_code, 302)
        return PolicyCase.objects.get(translation_key=self.policy.translation_key, locale=locale)

    def test_translating_a_korean_policy_keeps_its_themes_in_each_language(self):
        self.client.force_login(self.editor)
        for code in self.LANGUAGES:
            with self.subTest(code):
                locale = Locale.objects.get(language_code=code)
                translation = self.translate(locale)
                themes = {theme.slug: theme for theme in Theme.objects.filter(locale=locale)}
                self.assertEqual(set(themes), {"transport", "housing"})
                # What the editor opens, and the page itself.
                response = self.client.get(
                    reverse("wagtailadmin_pages:edit", args=[translation.pk])
                )
                ticked = {int(pk) for pk in response.context["form"]["themes"].value()}
                expected = {theme.pk for theme in themes.values()}
                self.assertEqual(ticked, expected)
                self.assertEqual({t.pk for t in translation.themes.all()}, expected)

                transport, housing = themes["transport"], themes["housing"]
                self.assertEqual(transport.translation_key, self.transport_ko.translation_key)
                self.assertEqual(housing.translation_key, self.housing_ko.translation_key)
                if code == "fr":
                    self.assertEqual(transport, self.transport_fr)
                else:
                    # Copied from English, the first fallback, not from the Korean source.
                    self.assertEqual(transport.name, "Transport")
                    state = translation_state(transport)
                    self.assertEqual(state.source, self.transport_en)
                    statuses = {f.name: f.status for f in state.fields}
                    self.assertEqual(statuses["name"], FieldStatus.MISSING)
                # No English version: copied from Korean, the last language of the chain.
                self.assertEqual(housing.name, "주거")
                self.assertEqual(translation_state(housing).source, self.housing_ko)

                # The Translations dashboard lists the copies as needing translation.
                response = self.client.get(reverse("translations:dashboard"), {"language": code})
                self.assertContains(response, "주거")
                if code != "fr":
                    self.assertContains(response, "Transport")
                # The copies are drafts: the library's theme filter offers the published
                # versions, the language's own (French transport) or the fallback ones.
                self.assertFalse(housing.live)
                library = self.sections["policies"][code]
                response = self.client.get(library.url)
                offered = {theme.slug: theme for theme in response.context["themes"]}
                self.assertEqual(
                    offered["transport"], transport if code == "fr" else self.transport_en
                )
                self.assertEqual(offered["housing"], self.housing_ko)
        # The Korean original keeps its Korean themes.
        self.assertEqual(
            set(PolicyCase.objects.get(pk=self.policy.pk).themes.all()),
            {self.transport_ko, self.housing_ko},
        )
