"""A translation a reader cannot see (a draft, an unpublished or expired page, a private one)
does not count as the item's version in its language: the lists, feeds, request form and
newsletter digest of that language keep showing the item's fallback version until the
translation is published (or made public)."""

from datetime import timedelta

from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from policyshare.cooperation_requests.forms import policy_choices
from policyshare.core.tests import builders
from policyshare.newsletter.models import NewsletterSubscription, SubscriptionStatus
from policyshare.newsletter.services import digest_items
from policyshare.policies.models import Theme

LANGUAGES = ("ko", "en", "fr")


def draft_translation(page, *, language, **fields):
    """A translation saved as a draft, never published."""
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=language), copy_parents=False
    )
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.live = False
    translation.save_revision()
    translation.save()
    return type(page).objects.get(pk=translation.pk)


class HiddenTranslationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.confirmed_at = timezone.now() - timedelta(seconds=1)
        sections = builders.sections(languages=LANGUAGES)
        library = sections["policies"]["en"]
        cls.board = sections["news"]["en"]
        # Live in English; French translation only a draft.
        cls.bus_en = builders.make_policy(library=library, title="Bus reform", slug="bus")
        cls.bus_fr = draft_translation(cls.bus_en, language="fr", title="Réforme des bus")
        # Live in English; French translation published, then expired (unpublished).
        cls.tram_en = builders.make_policy(library=library, title="Tram lines", slug="tram")
        tram_fr = builders.translate_page(cls.tram_en, language="fr", title="Lignes de tram")
        tram_fr.unpublish(set_expired=True)
        # Live in English; French translation live but private.
        cls.water_en = builders.make_policy(library=library, title="Water taxis", slug="water")
        water_fr = builders.translate_page(cls.water_en, language="fr", title="Bateaux-taxis")
        PageViewRestriction.objects.create(
            page=water_fr, restriction_type=PageViewRestriction.LOGIN
        )
        # Translated and published: French readers get the French version only.
        cls.bikes_en = builders.make_policy(library=library, title="Public bikes", slug="bikes")
        cls.bikes_fr = builders.translate_page(cls.bikes_en, language="fr", title="Vélos publics")
        cls.post_en = builders.make_post(board=cls.board, title="Mayor visits Bogotá", slug="visit")
        draft_translation(cls.post_en, language="fr", title="Le maire à Bogota")

    def setUp(self):
        cache.clear()  # whether any page is private is cached with the fragments

    def test_the_draft_is_a_draft(self):
        self.assertFalse(self.bus_fr.live)

    def test_the_french_library_lists_the_english_version_of_a_draft_translation(self):
        response = self.client.get("/fr/policies/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        # Listed as the other untranslated items are: under /fr/, marked as English.
        self.assertIn('href="/fr/policies/bus/" lang="en"', html)
        self.assertIn("Bus reform", html)
        self.assertNotIn("Réforme des bus", html)
        # …and the link leads to it, as it does for an item never translated.
        page = self.client.get("/fr/policies/bus/")
        self.assertContains(page, "Bus reform")
        self.assertNotContains(page, "Réforme des bus")

    def test_expired_and_private_translations_do_not_hide_the_english_version(self):
        html = self.client.get("/fr/policies/").content.decode()
        self.assertIn("Tram lines", html)
        self.assertNotIn("Lignes de tram", html)
        self.assertIn("Water taxis", html)
        self.assertNotIn("Bateaux-taxis", html)
        # A live, public translation still replaces its English version.
        self.assertIn("Vélos publics", html)
        self.assertNotIn("Public bikes", html)

    def test_snippets_still_count_every_version(self):
        # Snippets have no draft state: a French theme, popular or not, is the French
        # version, and the English one is not offered instead under its English name.
        transport_en = builders.make_theme(
            language="en", name="Transport", slug="transport", is_popular=True
        )
        builders.make_theme(
            language="fr", name="Transports", slug="transport", translation_of=transport_en
        )
        builders.make_theme(language="en", name="Housing", slug="housing", is_popular=True)
        shortcuts = [s.label for s in Theme.search_shortcuts(language="fr")]
        self.assertEqual(shortcuts, ["Housing"])
        home = self.client.get("/fr/").content.decode()
        self.assertIn("Housing", home)
        self.assertNotIn("Transport", home)

    def test_the_french_board_lists_the_english_version_of_a_draft_translation(self):
        board_fr = self.board.get_translation(Locale.objects.get(language_code="fr"))
        html = self.client.get(board_fr.url).content.decode()
        self.assertIn("Mayor visits Bogotá", html)
        self.assertNotIn("Le maire à Bogota", html)

    def test_the_french_feeds_list_the_english_versions(self):
        policies = self.client.get("/feeds/fr/policies.rss").content.decode()
        latest = self.client.get("/feeds/fr/latest.rss").content.decode()
        for feed in (policies, latest):
            self.assertIn("Bus reform", feed)
            self.assertIn("Tram lines", feed)
            self.assertIn("Water taxis", feed)
            self.assertIn("Vélos publics", feed)
            self.assertNotIn("Public bikes", feed)
        self.assertIn("Mayor visits Bogotá", latest)
        board_feed = self.client.get(f"/feeds/fr/boards/{self.board.kind}.rss")
        self.assertEqual(board_feed.status_code, 200)
        self.assertIn("Mayor visits Bogotá", board_feed.content.decode())

    def test_the_french_request_form_offers_the_english_versions(self):
        offered = set(policy_choices("fr").values_list("pk", flat=True))
        expected = {self.bus_en.pk, self.tram_en.pk, self.water_en.pk, self.bikes_fr.pk}
        self.assertEqual(offered, expected)
        form = self.client.get("/fr/requests/study-visit/").context["form"]
        self.assertEqual({p.pk for p in form.fields["policies"].queryset}, expected)

    def test_the_french_digest_sends_the_english_versions(self):
        subscription = NewsletterSubscription.objects.create(
            email="fr@example.org",
            language="fr",
            status=SubscriptionStatus.ACTIVE,
            consent_given_at=self.confirmed_at,
            confirmed_at=self.confirmed_at,
        )
        policies, posts = digest_items(subscription)
        self.assertEqual(
            {p.pk for p in policies},
            {self.bus_en.pk, self.tram_en.pk, self.water_en.pk, self.bikes_fr.pk},
        )
        self.assertEqual([p.pk for p in posts], [self.post_en.pk])
