"""The newsletter: double opt-in, themes and language, one-click unsubscribe, the digest."""

import io
import re
from datetime import timedelta
from urllib.parse import urlparse

from django.core import mail
from django.core.cache import cache, caches
from django.core.management import call_command
from django.test import Client, TestCase, override_settings
from django.utils import timezone

from policyshare.core.tests import builders
from policyshare.core.tests.builders import make_editor
from policyshare.core.tests.html_checks import assert_accessible_page
from policyshare.newsletter import services as newsletter
from policyshare.newsletter.models import DigestItem, NewsletterSubscription, SubscriptionStatus

URL = "/en/newsletter/"


def link(pattern: str, body: str) -> str:
    found = re.search(rf"https?://\S+{pattern}\S*", body)
    assert found, body
    return found.group(0)


class SubscriptionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections()
        cls.transport = builders.make_theme(language="en", name="Transport", slug="transport")
        builders.make_theme(language="en", name="Housing", slug="housing")

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def subscribe(self, **overrides):
        data = {
            "email": "reader@example.org",
            "language": "en",
            "themes": ["transport"],
            "consent": "on",
            "consent_version": "1",
            "website": "",
            **overrides,
        }
        data = {key: value for key, value in data.items() if value is not None}
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(URL, data)

    def confirm_from(self, message):
        url = link("/newsletter/confirm/", message.body)
        page = self.client.get(url)
        self.assertEqual(page.status_code, 200)
        choices = page.context["choices"]
        return self.client.post(url.split("?")[0], {"choices": choices})

    def test_form_renders_accessibly_in_both_languages(self):
        for language in ("ko", "en"):
            response = self.client.get(f"/{language}/newsletter/")
            self.assertEqual(response.status_code, 200)
            assert_accessible_page(response.content.decode(), lang=language)

    def test_double_opt_in(self):
        response = self.subscribe()
        self.assertRedirects(response, "/en/newsletter/sent/")
        subscription = NewsletterSubscription.objects.get()
        self.assertEqual(subscription.status, SubscriptionStatus.PENDING)
        self.assertEqual(subscription.theme_slugs, ["transport"])
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertIn("List-Unsubscribe", message.extra_headers)
        # Following the link shows a button; only the POST confirms.
        subscription.refresh_from_db()
        self.assertEqual(subscription.status, SubscriptionStatus.PENDING)
        response = self.confirm_from(message)
        self.assertContains(response, "Subscription confirmed")
        subscription.refresh_from_db()
        self.assertEqual(subscription.status, SubscriptionStatus.ACTIVE)
        self.assertIsNotNone(subscription.confirmed_at)

    def test_the_answer_is_the_same_for_a_known_address_and_choices_need_confirming(self):
        self.subscribe()
        self.confirm_from(mail.outbox[0])
        response = self.subscribe(themes=["housing"], language="ko")
        self.assertRedirects(response, "/en/newsletter/sent/")
        subscription = NewsletterSubscription.objects.get()
        self.assertEqual(subscription.theme_slugs, ["transport"])
        self.confirm_from(mail.outbox[1])
        subscription.refresh_from_db()
        self.assertEqual((subscription.theme_slugs, subscription.language), (["housing"], "ko"))

    def test_invalid_input_stores_nothing(self):
        for overrides, field in [
            ({"email": "nope"}, "email"),
            ({"consent": None}, "consent"),
            ({"website": "spam"}, "website"),
            ({"themes": ["unknown"]}, "themes"),
            ({"email": "a" * 250 + "@example.org"}, "email"),
        ]:
            with self.subTest(field=field):
                cache.clear()
                caches["limits"].clear()
                response = self.subscribe(**overrides)
                self.assertEqual(response.status_code, 200)
                self.assertIn(field, response.context["form"].errors)
        self.assertFalse(NewsletterSubscription.objects.exists())
        self.assertEqual(len(mail.outbox), 0)

    def test_tampered_or_expired_confirmation_links_are_refused(self):
        self.assertEqual(self.client.get("/en/newsletter/confirm/1:abc:def/").status_code, 404)

    def test_a_token_of_one_purpose_is_refused_as_the_other(self):
        # The confirmation link and the choices in it are signed for different purposes:
        # one used as the other is an invalid link or no choices, never a server error.
        self.subscribe()
        url = link("/newsletter/confirm/", mail.outbox[0].body)
        confirm_path, choices = url.split("?choices=")
        confirm_path = urlparse(confirm_path).path
        confirm_token = confirm_path.rstrip("/").rsplit("/", 1)[1]
        self.assertEqual(self.client.get(f"/en/newsletter/confirm/{choices}/").status_code, 404)
        self.assertEqual(
            self.client.post(
                f"/en/newsletter/confirm/{choices}/", {"choices": choices}
            ).status_code,
            404,
        )
        response = self.client.post(confirm_path, {"choices": confirm_token})
        self.assertEqual(response.status_code, 200)
        subscription = NewsletterSubscription.objects.get()
        self.assertEqual(subscription.status, SubscriptionStatus.ACTIVE)
        self.assertEqual(subscription.theme_slugs, ["transport"])

    @override_settings(REQUEST_RATE_LIMIT=1)
    def test_rate_limit_counts_accepted_subscriptions_and_keeps_what_was_typed(self):
        self.assertEqual(self.subscribe(email="not an address").status_code, 200)
        self.subscribe()
        response = self.subscribe(email="other@example.org")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, 'value="other@example.org"', status_code=429)
        self.assertContains(response, "Nothing you sent in this last attempt", status_code=429)
        self.assertEqual(NewsletterSubscription.objects.count(), 1)

    def test_one_click_unsubscribe_without_csrf_token_deletes_the_address(self):
        self.subscribe()
        self.confirm_from(mail.outbox[0])
        url = link("/newsletter/unsubscribe/", mail.outbox[0].body)
        self.assertEqual(mail.outbox[0].extra_headers["List-Unsubscribe"], f"<{url}>")
        page = self.client.get(url)
        self.assertContains(page, 'method="post"')
        self.assertTrue(NewsletterSubscription.objects.exists())
        # A mail program's one-click POST (RFC 8058) carries no CSRF token.
        response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(NewsletterSubscription.objects.exists())
        # Again: the same calm answer.
        self.assertEqual(Client().post(url).status_code, 200)

    def test_unconfirmed_subscriptions_are_forgotten_after_a_week(self):
        self.subscribe()
        NewsletterSubscription.objects.update(created_at=timezone.now() - timedelta(days=8))
        self.assertEqual(newsletter.forget_unconfirmed(), 1)


class DigestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.transport = builders.make_theme(language="en", name="Transport", slug="transport")
        cls.housing = builders.make_theme(language="en", name="Housing", slug="housing")
        cls.old = builders.make_policy(
            library=cls.sections["policies"]["en"], themes=[cls.transport], title="Old policy"
        )
        # Published before anyone subscribed.
        type(cls.old).objects.filter(pk=cls.old.pk).update(
            first_published_at=timezone.now() - timedelta(days=30)
        )

    def make_subscriber(self, email, *, language="en", themes=()):
        return NewsletterSubscription.objects.create(
            email=email,
            language=language,
            theme_slugs=list(themes),
            status=SubscriptionStatus.ACTIVE,
            consent_given_at=timezone.now(),
            confirmed_at=timezone.now() - timedelta(seconds=1),
        )

    def run_command(self):
        out = io.StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_digest", stdout=out)
        return out.getvalue()

    def test_digest_sends_new_items_of_the_chosen_themes_once(self):
        reader = self.make_subscriber("reader@example.org", themes=["transport"])
        everything = self.make_subscriber("all@example.org")
        korean = self.make_subscriber("ko@example.org", language="ko")
        pending = self.make_subscriber("pending@example.org")
        pending.status = SubscriptionStatus.PENDING
        pending.save()
        library = self.sections["policies"]["en"]
        bus = builders.make_policy(library=library, themes=[self.transport], title="Bus reform")
        builders.make_policy(library=library, themes=[self.housing], title="Public housing")
        builders.make_post(board=self.sections["news"]["en"], title="Mayor visits Bogotá")

        self.assertIn("2 digests", self.run_command())
        by_address = {message.to[0]: message for message in mail.outbox}
        self.assertEqual(set(by_address), {"reader@example.org", "all@example.org"})
        reader_mail = by_address["reader@example.org"].body
        self.assertIn("Bus reform", reader_mail)
        self.assertIn("Mayor visits Bogotá", reader_mail)
        self.assertNotIn("Public housing", reader_mail)
        self.assertNotIn("Old policy", reader_mail)
        self.assertIn("Public housing", by_address["all@example.org"].body)
        headers = by_address["reader@example.org"].extra_headers
        self.assertEqual(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        self.assertIn("/en/newsletter/unsubscribe/", headers["List-Unsubscribe"])
        self.assertIn(headers["List-Unsubscribe"][1:-1], reader_mail)
        self.assertTrue(DigestItem.objects.filter(subscription=reader, page=bus).exists())
        self.assertFalse(DigestItem.objects.filter(subscription=korean).exists())

        # Nothing new: nothing is sent again.
        mail.outbox.clear()
        self.assertIn("0 digests", self.run_command())
        self.assertEqual(len(mail.outbox), 0)
        # Something new: only that.
        builders.make_policy(library=library, themes=[self.transport], title="Night buses")
        self.run_command()
        self.assertEqual(len(mail.outbox), 2)
        body = next(m.body for m in mail.outbox if m.to == ["reader@example.org"])
        self.assertIn("Night buses", body)
        self.assertNotIn("Bus reform", body)
        self.assertEqual(everything.sent_items.count(), 4)

    def test_editors_can_send_the_digest_from_the_admin(self):
        self.make_subscriber("reader@example.org")
        builders.make_policy(library=self.sections["policies"]["en"], title="New policy")
        self.client.force_login(make_editor())
        self.assertEqual(self.client.get("/admin/newsletter/").status_code, 200)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/admin/newsletter/")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(mail.outbox), 1)


class PageAuditTests(TestCase):
    """Every public page of the app passes the structural accessibility checks."""

    def test_message_pages_are_accessible_in_both_languages(self):
        builders.sections()
        subscription = NewsletterSubscription.objects.create(
            email="reader@example.org", language="en", consent_given_at=timezone.now()
        )
        confirm = urlparse(newsletter.confirm_url(subscription)).path
        unsubscribe = urlparse(newsletter.unsubscribe_url(subscription)).path
        for language in ("ko", "en"):
            pages = [
                (f"/{language}/newsletter/sent/", 200),
                (confirm.replace("/en/", f"/{language}/"), 200),
                (unsubscribe.replace("/en/", f"/{language}/"), 200),
                (f"/{language}/newsletter/confirm/forged/", 404),
                (f"/{language}/requests/erased/", 200),
                (f"/{language}/requests/track/unknown-token/", 404),
            ]
            for url, status in pages:
                with self.subTest(url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, status)
                    assert_accessible_page(response.content.decode(), lang=language)
