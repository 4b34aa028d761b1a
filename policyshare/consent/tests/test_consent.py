"""Consent texts: one wording per version and language, kept as shown, never rewritten."""

import re
from unittest import mock

from django.core import checks
from django.core.cache import cache, caches
from django.core.exceptions import ImproperlyConfigured
from django.test import TestCase

from policyshare.consent import wordings
from policyshare.consent.checks import consent_wordings_reviewed
from policyshare.consent.models import ConsentText
from policyshare.consent.services import current_text, current_version
from policyshare.cooperation_requests.models import CooperationRequest
from policyshare.cooperation_requests.tests.builders import form_data, make_handler
from policyshare.core.tests import builders
from policyshare.newsletter.models import NewsletterSubscription

LANGUAGES = ["ko", "en", "fr", "es", "ar", "zh-hans"]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
SCRIPTS = {
    "ko": re.compile(r"[\uac00-\ud7a3]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh-hans": re.compile(r"[\u4e00-\u9fff]"),
}


class WordingTests(TestCase):
    def test_every_version_has_a_wording_in_each_of_the_six_languages(self):
        for (purpose, version), texts in wordings.WORDINGS.items():
            with self.subTest(purpose=purpose, version=version):
                self.assertEqual(sorted(texts), sorted(LANGUAGES))
                for language, text in texts.items():
                    self.assertTrue(text.strip())
                    if language in SCRIPTS:
                        self.assertRegex(text, SCRIPTS[language])
                    else:
                        self.assertNotRegex(text, HANGUL)
        for purpose, version in wordings.CURRENT.items():
            self.assertIn((purpose, version), wordings.WORDINGS)

    def test_the_shown_wording_is_stored_once_per_version_and_language(self):
        first = current_text(purpose="request", language="fr")
        again = current_text(purpose="request", language="fr")
        self.assertEqual(first.pk, again.pk)
        self.assertEqual(first.text, wordings.WORDINGS[("request", 1)]["fr"])
        self.assertEqual((first.version, first.language), (1, "fr"))
        self.assertEqual(len(first.text_sha256), 64)

    def test_a_stored_text_is_never_rewritten(self):
        stored = current_text(purpose="request", language="en")
        stored.text = "Something else."
        with self.assertRaises(ValueError):
            stored.save()
        self.assertEqual(
            ConsentText.objects.get(pk=stored.pk).text, wordings.WORDINGS[("request", 1)]["en"]
        )

    def test_editing_a_wording_people_agreed_to_is_refused(self):
        current_text(purpose="request", language="en")
        edited = {("request", 1): {**wordings.WORDINGS[("request", 1)], "en": "Edited."}}
        with mock.patch.dict(wordings.WORDINGS, edited), self.assertRaises(ImproperlyConfigured):
            current_text(purpose="request", language="en")

    def test_the_deploy_check_lists_wordings_without_legal_review(self):
        messages = consent_wordings_reviewed()
        self.assertEqual(len(messages), len(wordings.CURRENT) * len(LANGUAGES))
        self.assertTrue(all(message.level == checks.INFO for message in messages))
        reviewed = {("request", 1, code): "Privacy officer, 2026-12-01" for code in LANGUAGES}
        with mock.patch.dict(wordings.REVIEWED, reviewed):
            self.assertEqual(
                len(consent_wordings_reviewed()), (len(wordings.CURRENT) - 1) * len(LANGUAGES)
            )


class RequestConsentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections(languages=LANGUAGES)

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def submit(self, language, **overrides):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(f"/{language}/requests/consultation/", form_data(**overrides))

    def test_the_form_shows_the_wording_of_the_readers_language(self):
        for language in LANGUAGES:
            with self.subTest(language=language):
                response = self.client.get(f"/{language}/requests/consultation/")
                self.assertContains(response, wordings.WORDINGS[("request", 1)][language])
                self.assertContains(response, 'name="consent_version" value="1"')

    def test_the_request_keeps_the_version_and_language_shown(self):
        self.assertEqual(self.submit("es").status_code, 302)
        request = CooperationRequest.objects.get()
        self.assertEqual((request.consent_text.version, request.consent_text.language), (1, "es"))
        self.assertEqual(request.consent_text.text, wordings.WORDINGS[("request", 1)]["es"])

    def test_consent_to_another_version_is_refused_and_nothing_stored(self):
        for version in ("7", ""):
            with self.subTest(version=version):
                response = self.submit("en", consent_version=version)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "The consent text has changed")
        self.assertFalse(CooperationRequest.objects.exists())

    def test_a_new_wording_is_a_new_version_and_old_requests_keep_theirs(self):
        self.submit("fr")
        old = CooperationRequest.objects.get()
        new_wording = {code: f"Version 2 ({code})." for code in LANGUAGES}
        with (
            mock.patch.dict(wordings.WORDINGS, {("request", 2): new_wording}),
            mock.patch.dict(wordings.CURRENT, {"request": 2}),
        ):
            page = self.client.get("/fr/requests/consultation/")
            self.assertContains(page, "Version 2 (fr).")
            self.assertEqual(current_version("request"), 2)
            self.submit("fr", email="other@example.org", consent_version="2")
        new = CooperationRequest.objects.exclude(pk=old.pk).get()
        old.refresh_from_db()
        self.assertEqual((new.consent_text.version, new.consent_text.text), (2, "Version 2 (fr)."))
        self.assertEqual(old.consent_text.version, 1)
        self.assertEqual(old.consent_text.text, wordings.WORDINGS[("request", 1)]["fr"])

    def test_the_inbox_shows_the_text_agreed_to(self):
        self.submit("ar")
        request = CooperationRequest.objects.get()
        self.client.force_login(make_handler())
        response = self.client.get(f"/admin/requests/{request.pk}/")
        self.assertContains(response, "Version 1, in Arabic, agreed to on")
        self.assertContains(response, 'lang="ar" dir="auto"')
        self.assertContains(response, wordings.WORDINGS[("request", 1)]["ar"])

    def test_the_inbox_says_when_the_wording_was_not_recorded(self):
        self.submit("en")
        CooperationRequest.objects.update(consent_text=None)
        request = CooperationRequest.objects.get()
        self.client.force_login(make_handler())
        response = self.client.get(f"/admin/requests/{request.pk}/")
        self.assertContains(response, "the wording shown was not recorded")


class NewsletterConsentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections(languages=["ko", "en", "zh-hans"])

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def test_the_subscription_keeps_the_wording_shown_on_the_page(self):
        page = self.client.get("/zh-hans/newsletter/")
        self.assertContains(page, wordings.WORDINGS[("newsletter", 1)]["zh-hans"])
        data = {
            "email": "reader@example.org",
            "language": "en",
            "consent": "on",
            "consent_version": "1",
        }
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/zh-hans/newsletter/", data)
        self.assertEqual(response.status_code, 302)
        subscription = NewsletterSubscription.objects.get()
        # The newsletter is in English; the consent was given to the Chinese text shown.
        self.assertEqual(subscription.language, "en")
        self.assertEqual(
            (subscription.consent_text.purpose, subscription.consent_text.language),
            ("newsletter", "zh-hans"),
        )

    def test_consent_to_another_version_is_refused(self):
        data = {"email": "r@example.org", "language": "en", "consent": "on", "consent_version": "9"}
        response = self.client.post("/en/newsletter/", data)
        self.assertContains(response, "The consent text has changed")
        self.assertFalse(NewsletterSubscription.objects.exists())
