"""The translation dashboard, item status and actions: permissions, POST only, machine drafts."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from policyshare.core.tests import builders
from policyshare.core.tests.builders import make_editor
from policyshare.policies.models import PolicyCase
from policyshare.translations.models import FieldStatus
from policyshare.translations.selectors import translation_state

PREFIX_BACKEND = "policyshare.translations.machine.PrefixBackend"


def item_url(obj, action=None):
    content_type = ContentType.objects.get_for_model(obj)
    name = f"translations:{action}" if action else "translations:item"
    return reverse(name, args=[content_type.pk, obj.pk])


class TranslationAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        library = cls.sections["policies"]["ko"]
        cls.source = builders.make_policy(
            library=library, title="공공자전거", slug="bikes", summary="따릉이 요약."
        )
        cls.translation = builders.translate_page(cls.source, language="en", title="Bicycles")
        cls.only_korean = builders.make_policy(library=library, title="야간버스", slug="owl")
        cls.editor = make_editor()
        # Can reach the admin, but has no page or translation permissions.
        cls.outsider = get_user_model().objects.create_user("outsider", "o@example.org", "pw")
        cls.outsider.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        for user in (cls.editor, cls.outsider):
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "en"
            profile.save()

    def test_dashboard_lists_what_needs_work_per_language(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("translations:dashboard"))
        self.assertContains(response, "Français")
        self.assertContains(response, "?translation_needed=fr")
        response = self.client.get(reverse("translations:dashboard"), {"language": "en"})
        self.assertContains(response, "야간버스")
        self.assertContains(
            response,
            reverse("simple_translation:submit_page_translation", args=[self.only_korean.pk]),
        )
        self.assertContains(
            response, reverse("wagtailadmin_pages:edit", args=[self.translation.pk])
        )
        self.assertContains(response, "Partly translated")

    def test_editors_may_create_the_translations_the_dashboard_links_to(self):
        self.client.force_login(self.editor)
        url = reverse("simple_translation:submit_page_translation", args=[self.only_korean.pk])
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_unknown_language_is_a_404(self):
        self.client.force_login(self.editor)
        # (LocaleMiddleware first tries the path under /ko/, where it is not found either.)
        response = self.client.get(
            reverse("translations:dashboard"), {"language": "xx"}, follow=True
        )
        self.assertEqual(response.status_code, 404)

    def test_dashboard_and_items_need_permission(self):
        self.client.force_login(self.outsider)
        self.assertEqual(self.client.get(reverse("translations:dashboard")).status_code, 403)
        self.assertEqual(self.client.get(item_url(self.translation)).status_code, 403)
        response = self.client.post(item_url(self.translation, "approve"))
        self.assertEqual(response.status_code, 403)
        self.client.logout()
        response = self.client.get(reverse("translations:dashboard"))
        self.assertEqual(response.status_code, 302)

    def test_unknown_items_are_404(self):
        self.client.force_login(self.editor)
        page_type = ContentType.objects.get_for_model(PolicyCase)
        user_type = ContentType.objects.get_for_model(get_user_model())
        for url in (
            reverse("translations:item", args=[page_type.pk, 999999]),
            reverse("translations:item", args=[page_type.pk, "abc"]),
            reverse("translations:item", args=[user_type.pk, self.editor.pk]),
            reverse("translations:item", args=[999999, 1]),
        ):
            self.assertEqual(self.client.get(url, follow=True).status_code, 404, url)

    def test_item_page_shows_status_by_field(self):
        self.client.force_login(self.editor)
        response = self.client.get(item_url(self.translation))
        self.assertContains(response, "Missing: still the source text")
        self.assertNotContains(response, "Draft with machine translation")  # off by default

    def test_actions_are_post_only_and_need_csrf(self):
        self.client.force_login(self.editor)
        self.assertEqual(
            self.client.get(item_url(self.translation, "mark_checked")).status_code, 405
        )
        self.client.handler.enforce_csrf_checks = True
        response = self.client.post(
            item_url(self.translation, "mark_checked"), {"field": "summary"}
        )
        self.assertEqual(response.status_code, 403)

    def test_mark_checked(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            item_url(self.translation, "mark_checked"), {"field": ["summary", "bogus"]}
        )
        self.assertRedirects(response, item_url(self.translation))
        states = {s.name: s.status for s in translation_state(self.translation).fields}
        self.assertEqual(states["summary"], FieldStatus.UP_TO_DATE)

    def test_machine_draft_is_refused_when_not_configured(self):
        self.client.force_login(self.editor)
        self.client.post(item_url(self.translation, "machine_draft"))
        page = PolicyCase.objects.get(pk=self.translation.pk)
        self.assertFalse(page.has_unpublished_changes)

    @override_settings(MACHINE_TRANSLATION_BACKEND=PREFIX_BACKEND)
    def test_machine_draft_saves_a_draft_and_stays_marked_until_approved(self):
        self.client.force_login(self.editor)
        response = self.client.get(item_url(self.translation))
        self.assertContains(response, "Draft with machine translation")
        self.client.post(item_url(self.translation, "machine_draft"))
        page = PolicyCase.objects.get(pk=self.translation.pk)
        # Never published: readers still see the old text; the draft holds the new.
        self.assertTrue(page.has_unpublished_changes)
        self.assertEqual(page.summary, "따릉이 요약.")
        draft = page.get_latest_revision_as_object()
        self.assertEqual(draft.summary, "[en] 따릉이 요약.")
        self.assertEqual(draft.title, "[en] 공공자전거")
        draft.save_revision().publish()
        page = PolicyCase.objects.get(pk=self.translation.pk)
        states = {s.name: s.status for s in translation_state(page).fields}
        self.assertEqual(states["summary"], FieldStatus.MACHINE)
        # Readers are told.
        html = self.client.get("/en/policies/bikes/").content.decode()
        self.assertIn("translated by machine", html)
        # Approving one field clears that field only.
        self.client.post(item_url(page, "approve"), {"field": "summary"})
        states = {s.name: s.status for s in translation_state(page).fields}
        self.assertEqual(states["summary"], FieldStatus.UP_TO_DATE)
        self.assertEqual(states["title"], FieldStatus.MACHINE)
        self.client.post(item_url(page, "approve"))
        self.assertEqual(translation_state(page).machine_fields, [])
        html = self.client.get("/en/policies/bikes/").content.decode()
        self.assertNotIn("translated by machine", html)

    @override_settings(MACHINE_TRANSLATION_BACKEND=PREFIX_BACKEND)
    def test_machine_draft_respects_a_lock(self):
        page = PolicyCase.objects.get(pk=self.translation.pk)
        page.locked = True
        page.locked_by = get_user_model().objects.create_user("locker", "l@example.org", "pw")
        page.save()
        self.client.force_login(self.editor)
        self.client.post(item_url(page, "machine_draft"))
        self.assertFalse(PolicyCase.objects.get(pk=page.pk).has_unpublished_changes)

    def test_explorer_filter_shows_pages_needing_work(self):
        self.client.force_login(self.editor)
        library = self.sections["policies"]["ko"]
        url = reverse("wagtailadmin_explore", args=[library.pk])
        response = self.client.get(url, {"translation_needed": "en"})
        self.assertContains(response, "야간버스")
        translated = builders.make_policy(library=library, title="한강공원", slug="park")
        builders.translate_page(translated, language="en", title="Hangang parks", summary="Parks.")
        response = self.client.get(url, {"translation_needed": "en"})
        self.assertNotContains(response, "한강공원")
        response = self.client.get(url, {"translation_needed": "xx"})
        self.assertNotContains(response, "야간버스")
        # The explorer's header menu offers the filter for every language.
        response = self.client.get(url)
        self.assertContains(response, f"{url}?translation_needed=fr")
        self.assertContains(response, "Needs translation: Français")

    def test_editor_shows_the_status_panel(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.translation.pk]))
        self.assertContains(response, "Translated from")
        # The page header links to the status page.
        self.assertContains(response, item_url(self.translation))
        # The original lists where each language stands.
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.source.pk]))
        self.assertNotContains(response, "Translated from")
        self.assertContains(response, "This is an original. Its translations:")

    def test_core_standard_page_editor_shows_the_status_panel(self):
        # core cannot import this app: the panel reaches StandardPage through a hook.
        home = self.sections["policies"]["ko"].get_parent()
        source = builders.make_standard_page(parent=home, title="소개", slug="intro-status")
        translation = builders.translate_page(source, language="en", title="Introduction")
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
        self.assertContains(response, "Translated from")
        self.assertContains(response, item_url(translation))


class SnippetTranslationAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections()
        cls.theme = builders.make_theme(name="교통", slug="transport", description="교통 정책")
        cls.translation = cls.theme.copy_for_translation(Locale.objects.get(language_code="en"))
        cls.translation.name = "Transport"
        cls.translation.save()
        cls.editor = make_editor("theme-editor")
        cls.editor.user_permissions.add(
            *Permission.objects.filter(
                content_type__app_label="policies", codename__in=["change_theme", "view_theme"]
            )
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def test_snippet_editor_and_status_page(self):
        edit = reverse(
            self.translation.snippet_viewset.get_url_name("edit"), args=[self.translation.pk]
        )
        response = self.client.get(edit)
        self.assertContains(response, "Translated from")
        response = self.client.get(item_url(self.translation))
        self.assertContains(response, "Missing: still the source text")  # the description

    @override_settings(MACHINE_TRANSLATION_BACKEND=PREFIX_BACKEND)
    def test_machine_draft_of_a_snippet_is_saved_and_marked(self):
        self.client.post(item_url(self.translation, "machine_draft"))
        self.translation.refresh_from_db()
        # A theme has draft state: the machine text is a draft revision, never published.
        self.assertFalse(self.translation.live)
        self.assertEqual(self.translation.description, "교통 정책")
        draft = self.translation.get_latest_revision_as_object()
        self.assertEqual(draft.description, "[en] 교통 정책")
        self.assertEqual(
            {s.name for s in translation_state(self.translation).machine_fields},
            {"name", "description"},
        )

    def test_snippet_actions_need_the_change_permission(self):
        outsider = get_user_model().objects.create_user("o2", "o2@example.org", "pw")
        outsider.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        self.client.force_login(outsider)
        response = self.client.post(item_url(self.translation, "mark_checked"), {"field": "name"})
        self.assertEqual(response.status_code, 403)
