"""The newsletter follows the fallback chain (reader's language, English, Korean): a French
subscriber chooses among, and hears about, what the French library shows."""

import io
import re
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from policyshare.core.tests import builders
from policyshare.newsletter.models import DigestItem, NewsletterSubscription, SubscriptionStatus

PARTIAL = ("fr", "es", "ar", "zh-hans")


class NewsletterFallbackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en", *PARTIAL))
        cls.transport_en = builders.make_theme(language="en", name="Transport", slug="transport")
        builders.make_theme(
            language="fr", name="Transports", slug="transport", translation_of=cls.transport_en
        )
        cls.housing_en = builders.make_theme(language="en", name="Housing", slug="housing")
        builders.make_theme(language="ko", name="기후", slug="climate")
        # Every subscriber below confirmed before these were published.
        cls.confirmed_at = timezone.now() - timedelta(seconds=1)
        library = cls.sections["policies"]["en"]
        cls.bus_en = builders.make_policy(
            library=library, themes=[cls.transport_en], title="Bus reform", slug="bus"
        )
        cls.bus_fr = builders.translate_page(cls.bus_en, language="fr", title="Réforme des bus")
        cls.water_en = builders.make_policy(
            library=library, themes=[cls.transport_en], title="Water taxis", slug="water-taxis"
        )
        cls.flats_en = builders.make_policy(
            library=library, themes=[cls.housing_en], title="Public housing", slug="flats"
        )
        cls.post_en = builders.make_post(
            board=cls.sections["news"]["en"], title="Mayor visits Bogotá", slug="visit"
        )

    def subscriber(self, language, *, themes=()):
        return NewsletterSubscription.objects.create(
            email=f"{language}@example.org",
            language=language,
            theme_slugs=list(themes),
            status=SubscriptionStatus.ACTIVE,
            consent_given_at=self.confirmed_at,
            confirmed_at=self.confirmed_at,
        )

    def send(self):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_digest", stdout=io.StringIO())
        return {message.to[0]: message.body for message in mail.outbox}

    def test_theme_choices_are_the_librarys_themes(self):
        for language in PARTIAL:
            with self.subTest(language=language):
                form = self.client.get(f"/{language}/newsletter/").context["form"]
                library = self.client.get(f"/{language}/policies/").context["themes"]
                offered = list(form.fields["themes"].choices)
                self.assertEqual(offered, [(theme.slug, theme.name) for theme in library])
                transport = "Transports" if language == "fr" else "Transport"
                self.assertEqual(
                    dict(offered),
                    {"transport": transport, "housing": "Housing", "climate": "기후"},
                )
        # Korean and English keep their own themes.
        form = self.client.get("/en/newsletter/").context["form"]
        self.assertEqual(set(dict(form.fields["themes"].choices)), {"transport", "housing"})

    def test_a_partial_language_digest_has_one_version_of_each_item_linked_in_it(self):
        for language in PARTIAL:
            self.subscriber(language, themes=["transport"])
        bodies = self.send()
        for language in PARTIAL:
            with self.subTest(language=language):
                body = bodies[f"{language}@example.org"]
                bus = "Réforme des bus" if language == "fr" else "Bus reform"
                self.assertIn(bus, body)
                self.assertNotIn("Réforme des bus" if language != "fr" else "Bus reform", body)
                self.assertIn("Water taxis", body)  # English only, of the chosen theme
                self.assertNotIn("Public housing", body)  # another theme
                self.assertIn("Mayor visits Bogotá", body)  # posts always
                links = re.findall(r"https?://\S+", body)
                self.assertTrue(
                    any(link.endswith(f"/{language}/policies/water-taxis/") for link in links), body
                )
                self.assertTrue(
                    any(link.endswith(f"/{language}/news/visit/") for link in links), body
                )
                self.assertFalse(any("/en/" in link for link in links), body)
        for path in ("/fr/policies/water-taxis/", "/fr/news/visit/"):
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, '<html lang="fr"')

    def test_complete_languages_keep_their_own_items(self):
        self.subscriber("ko")
        self.subscriber("en")
        bodies = self.send()
        self.assertNotIn("ko@example.org", bodies)  # nothing Korean is new
        self.assertIn("Water taxis", bodies["en@example.org"])

    def test_a_translation_published_later_is_not_sent_again(self):
        spanish = self.subscriber("es")
        self.assertIn("Water taxis", self.send()["es@example.org"])
        builders.translate_page(self.water_en, language="es", title="Taxis acuáticos")
        self.assertEqual(self.send(), {})
        self.assertEqual(DigestItem.objects.filter(subscription=spanish).count(), 4)
