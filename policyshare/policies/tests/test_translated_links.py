"""A page copied for translation links to the themes and policies of its own language.

Wagtail's copy keeps the source's links: an English theme page would show the Korean theme's
policies, and an English event would send readers to Korean policies. The copy is re-linked
(`services.localize_links`), on the page and on the draft the editor opens; a policy that
has no version in the language stays linked, and the edit form keeps offering it, so saving
never drops a link unseen.
"""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale

from policyshare.core.tests import builders
from policyshare.events.models import EventPage
from policyshare.events.tests.builders import make_event
from policyshare.policies.models import Theme
from policyshare.themes.models import ThemePage
from policyshare.themes.tests.builders import make_theme_page


class TranslatedLinksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))
        cls.english = Locale.objects.get(language_code="en")
        cls.transport_ko = builders.make_theme(name="교통", slug="transport")
        cls.transport_en = builders.make_theme(
            language="en", name="Transport", slug="transport", translation_of=cls.transport_ko
        )
        cls.buses_ko = builders.make_policy(
            library=cls.sections["policies"]["ko"], title="버스 개편", slug="buses"
        )
        cls.buses_en = builders.translate_page(cls.buses_ko, language="en", title="Bus reform")
        cls.bikes_ko = builders.make_policy(
            library=cls.sections["policies"]["ko"], title="따릉이", slug="bikes"
        )
        cls.editor = builders.make_editor()

    def translate(self, page):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("simple_translation:submit_page_translation", args=[page.pk]),
            {"locales": [self.english.pk]},
        )
        self.assertEqual(response.status_code, 302)
        return (
            type(page)
            .objects.get(translation_key=page.translation_key, locale=self.english)
            .specific
        )

    def test_a_theme_page_copy_links_to_the_theme_in_its_language(self):
        page_ko = make_theme_page(index=self.sections["themes"]["ko"], theme=self.transport_ko)
        page_en = self.translate(page_ko)

        self.assertEqual(page_en.theme, self.transport_en)
        self.assertEqual(page_en.get_latest_revision_as_object().theme, self.transport_en)
        # The source keeps its own.
        page_ko.refresh_from_db()
        self.assertEqual(page_ko.theme, self.transport_ko)

    def test_a_missing_theme_is_copied_as_a_draft_in_the_language(self):
        water_ko = builders.make_theme(name="상수도", slug="water")
        page_ko = make_theme_page(index=self.sections["themes"]["ko"], theme=water_ko)
        page_en = self.translate(page_ko)

        water_en = Theme.objects.get(locale=self.english, slug="water")
        self.assertEqual(water_en.translation_key, water_ko.translation_key)
        self.assertFalse(water_en.live)
        self.assertEqual(page_en.theme, water_en)
        self.assertEqual(ThemePage.objects.filter(theme=water_ko).count(), 1)

    def test_an_event_copy_links_to_themes_and_policies_in_its_language(self):
        event_ko = make_event(index=self.sections["events"]["ko"])
        event_ko.themes.add(self.transport_ko)
        event_ko.related_policies.add(self.buses_ko, self.bikes_ko)
        event_ko.save_revision().publish()

        event_en = self.translate(EventPage.objects.get(pk=event_ko.pk))

        self.assertEqual(list(event_en.themes.all()), [self.transport_en])
        # The bus reform has an English version; the bicycles do not, and stay linked.
        self.assertEqual(
            set(event_en.related_policies.all()), {self.buses_en, self.bikes_ko.page_ptr.specific}
        )
        draft = event_en.get_latest_revision_as_object()
        self.assertEqual(list(draft.themes.all()), [self.transport_en])
        self.assertEqual(
            {p.pk for p in draft.related_policies.all()}, {self.buses_en.pk, self.bikes_ko.pk}
        )
        # One revision: the copy's own, rewritten, not an edit nobody made.
        self.assertEqual(event_en.revisions.count(), 1)

    def test_the_edit_form_keeps_offering_a_link_in_another_language(self):
        event_ko = make_event(index=self.sections["events"]["ko"])
        event_ko.related_policies.add(self.bikes_ko)
        event_ko.save_revision().publish()
        event_en = self.translate(EventPage.objects.get(pk=event_ko.pk))

        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[event_en.pk]))
        self.assertEqual(response.status_code, 200)
        offered = set(response.context["form"].fields["related_policies"].queryset)
        # The page's language, plus what it already links to; not other Korean policies.
        self.assertIn(self.buses_en.page_ptr.specific, offered)
        self.assertIn(self.bikes_ko.page_ptr.specific, offered)
        self.assertNotIn(self.buses_ko.page_ptr.specific, offered)
