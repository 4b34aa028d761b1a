"""Brute-force protection of the admin sign-in (django-axes): a user name and address pair is
locked out after AXES_FAILURE_LIMIT failures, even the right password is refused until the
cool-off ends or an administrator resets it."""

from datetime import timedelta

from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

LOGIN = "/admin/login/"
PASSWORD = "right-password-4821"


@override_settings(AXES_FAILURE_LIMIT=3, AXES_COOLOFF_TIME=timedelta(minutes=30))
class AdminSignInLockoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
        get_user_model().objects.create_superuser("other", "other@example.org", PASSWORD)

    def sign_in(self, password, *, username="editor", **extra):
        # An English-speaking visitor: the admin's default language is Korean.
        extra.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
        return self.client.post(
            LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
        )

    def fail(self, times, **extra):
        return [self.sign_in("wrong", **extra).status_code for _ in range(times)]

    def assert_locked(self, response):
        self.assertEqual(response.status_code, 429)
        self.assertContains(
            response,
            "Signing in is blocked for 30 minutes, even with the right password",
            status_code=429,
        )
        self.assertEqual(response["Retry-After"], "1800")
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_failures_lock_the_pair_out_and_the_right_password_is_refused(self):
        self.assertEqual(self.fail(2), [200, 200])
        self.assert_locked(self.sign_in("wrong"))
        self.assert_locked(self.sign_in(PASSWORD))

    def test_the_lock_out_is_keyed_by_user_name_and_address(self):
        self.fail(3, REMOTE_ADDR="192.0.2.10")
        self.assert_locked(self.sign_in(PASSWORD, REMOTE_ADDR="192.0.2.10"))
        # Another address may still sign in as that user; the address, as another user.
        self.assertRedirects(
            self.sign_in(PASSWORD, REMOTE_ADDR="192.0.2.11"),
            "/admin/",
            fetch_redirect_response=False,
        )
        self.client.logout()
        self.assertEqual(
            self.sign_in(PASSWORD, username="other", REMOTE_ADDR="192.0.2.10").status_code, 302
        )

    @override_settings(VIEW_COUNT_TRUST_FORWARDED_FOR=True)
    def test_behind_the_proxy_the_forwarded_address_is_locked_out(self):
        proxy = {"REMOTE_ADDR": "127.0.0.1"}
        self.fail(3, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
        self.assert_locked(self.sign_in(PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy))
        # Every visitor comes from the proxy's address: the others are not locked out.
        response = self.sign_in(PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            set(AccessAttempt.objects.values_list("ip_address", flat=True)), {"203.0.113.5"}
        )

    @override_settings(VIEW_COUNT_TRUST_FORWARDED_FOR=False)
    def test_without_the_proxy_setting_a_forwarded_header_is_ignored(self):
        self.fail(3, HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="192.0.2.20")
        # A visitor cannot escape the lock-out by sending another X-Forwarded-For.
        self.assert_locked(
            self.sign_in(PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99", REMOTE_ADDR="192.0.2.20")
        )

    def test_the_lock_out_ends_after_the_cool_off(self):
        self.fail(3)
        AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
        self.assertEqual(self.sign_in(PASSWORD).status_code, 302)
        # The expired attempts are deleted, not kept.
        self.assertFalse(AccessAttempt.objects.exists())

    def test_an_administrator_can_lift_the_lock_out(self):
        self.fail(3)
        call_command("axes_reset_username", "editor", verbosity=0)
        self.assertEqual(self.sign_in(PASSWORD).status_code, 302)

    def test_only_failed_attempts_are_kept(self):
        self.fail(1)
        attempt = AccessAttempt.objects.get()
        self.assertEqual((attempt.username, attempt.failures_since_start), ("editor", 1))
        self.assertNotIn("wrong", attempt.post_data)
        self.assertEqual(self.sign_in(PASSWORD).status_code, 302)
        # A successful sign-in leaves no record and clears the earlier failures.
        self.assertFalse(AccessLog.objects.exists())
        self.assertFalse(AccessAttempt.objects.exists())
