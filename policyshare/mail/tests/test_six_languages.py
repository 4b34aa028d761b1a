"""Every mail the portal sends a reader, in each of the six languages.

Each mail is caused while another language is active (the admin's Korean, or English for a
Korean reader), as when staff change a status or a worker sends the digest, and must still
come out in the reader's language:

- every string of its templates is there as gettext gives it in that language (the fixed parts
  of each translated string; the placeholders are the mail's data);
- no Hangul in a mail that is not Korean; no English msgid left where the catalogue of that
  language translates it;
- `Content-Language` names the language;
- the invitation names the labels that the contributor's admin shows in that language.

`test_every_string_of_every_mail_is_translated` (fr, es, ar, zh-hans and, for strings added
since the last extraction, ko) also asks that the catalogue really translates every string: it
fails until the catalogues are complete (docs/translation.md).
"""

import html
import json
import re
from datetime import UTC, datetime

from django.core import mail
from django.template import loader
from django.template.base import Lexer, TokenType
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from policyshare.consent.services import current_text
from policyshare.contributors import services as contributors
from policyshare.cooperation_requests import services as requests
from policyshare.cooperation_requests.models import RequestStatus
from policyshare.cooperation_requests.tests.builders import make_handler, make_request
from policyshare.core.tests import builders
from policyshare.mail.models import OutgoingMail
from policyshare.mail.tests.helpers import send_held_mail
from policyshare.newsletter import services as newsletter
from policyshare.newsletter.models import SubscriptionStatus

LANGUAGES = ["ko", "en", "fr", "es", "ar", "zh-hans"]
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")

MAIL_TEMPLATES = {
    "received": "cooperation_requests/email/received",
    "new_link": "cooperation_requests/email/new_link",
    "newsletter_confirm": "newsletter/email/confirm",
    "digest": "newsletter/email/digest",
    "invitation": "contributors/email/invitation",
}
# A handler's changes go out as one mail (update.txt) whose subject says what changed: the
# subject's strings for one change, every string for a status change and two replies.
REQUEST_UPDATE = "cooperation_requests/email/update.txt"
MAIL_FILES = {
    "status_changed": ["cooperation_requests/email/status_changed_subject.txt"],
    "reply": ["cooperation_requests/email/reply_subject.txt"],
    "update": ["cooperation_requests/email/update_subject.txt", REQUEST_UPDATE],
}


def template_strings(name: str) -> list[str]:
    """The msgids of a template's {% trans %} and {% blocktrans %} tags, as makemessages
    extracts them (a variable becomes %(name)s)."""
    source = loader.get_template(name).template.source
    strings, inside = [], None
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            bits = token.split_contents()
            if bits[0] in {"trans", "translate"}:
                strings.append(bits[1][1:-1])
            elif bits[0] in {"blocktrans", "blocktranslate"}:
                inside = []
            elif bits[0] in {"endblocktrans", "endblocktranslate"}:
                strings.append("".join(inside))
                inside = None
        elif inside is not None:
            if token.token_type == TokenType.TEXT:
                inside.append(token.contents.replace("%", "%%"))
            elif token.token_type == TokenType.VAR:
                inside.append(f"%({token.contents.strip()})s")
    return strings


def mail_strings(kind: str) -> list[str]:
    if kind in MAIL_FILES:
        return [string for name in MAIL_FILES[kind] for string in template_strings(name)]
    base = MAIL_TEMPLATES[kind]
    return template_strings(f"{base}_subject.txt") + template_strings(f"{base}.txt")


def admin_text(content: str) -> str:
    """An admin page's text, with the JSON its scripts render (the sidebar menu) decoded."""
    scripts = re.findall(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', content, re.S)
    decoded = []
    for script in scripts:
        try:
            decoded.append(json.dumps(json.loads(script), ensure_ascii=False))
        except ValueError:
            continue
    return html.unescape(content) + "\n".join(decoded)


def fixed_parts(translated: str) -> list[str]:
    """What a translated string shows whatever its data: the text between placeholders."""
    parts = PLACEHOLDER.split(translated)[::2]
    return [part.replace("%%", "%").strip() for part in parts if part.strip()]


class MailLanguageChecks:
    """The checks, run by one TestCase per language below."""

    language: str

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=LANGUAGES)
        cls.handler = make_handler()
        cls.editor = builders.make_editor()

    @property
    def other_language(self):
        """The language active while the mail is caused: Korean (the admin's default), or
        English for a Korean reader."""
        return "en" if self.language == "ko" else "ko"

    def caused(self, action):
        """Run `action` as staff or a worker would, in another language; its new mail."""
        before = list(OutgoingMail.objects.values_list("pk", flat=True))
        with translation.override(self.other_language):
            action()
        return OutgoingMail.objects.exclude(pk__in=before).latest("pk")

    # --- The mails -------------------------------------------------------------------------

    def make_request(self):
        with translation.override(self.other_language):
            request, _token = make_request(
                language=self.language, email=f"ana-{self.language}@example.org"
            )
        return request

    def mail(self, kind):
        if kind == "received":
            return self.caused(lambda: self.make_request())
        if kind == "status_changed":
            request = self.make_request()
            return self.caused(
                lambda: requests.change_status(
                    request=request,
                    status=RequestStatus.DECLINED,
                    actor=self.handler,
                    reason="2027.",
                )
            )
        if kind == "reply":
            request = self.make_request()
            return self.caused(
                lambda: requests.add_reply(request=request, author=self.handler, body="2027.")
            )
        if kind == "update":
            request = self.make_request()

            def handle():
                requests.change_status(
                    request=request,
                    status=RequestStatus.DECLINED,
                    actor=self.handler,
                    reason="2027.",
                )
                requests.add_reply(request=request, author=self.handler, body="2027.")
                requests.add_reply(request=request, author=self.handler, body="2028.")

            return self.caused(handle)
        if kind == "new_link":
            request = self.make_request()
            return self.caused(
                lambda: requests.reissue_tracking_link(
                    reference=request.reference, email=request.email
                )
            )
        if kind == "newsletter_confirm":
            return self.caused(
                lambda: newsletter.subscribe(
                    email=f"reader-{self.language}@example.org",
                    language=self.language,
                    theme_slugs=[],
                    consent_text=current_text(purpose="newsletter", language=self.language),
                )
            )
        if kind == "digest":
            subscription = newsletter.NewsletterSubscription.objects.create(
                email=f"digest-{self.language}@example.org",
                language=self.language,
                status=SubscriptionStatus.ACTIVE,
                consent_given_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
                confirmed_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
            )
            builders.make_policy(library=self.sections["policies"][self.language], title="P 1")
            builders.make_post(board=self.sections["news"][self.language], title="N 1")
            return self.caused(lambda: newsletter.send_digest_to(subscription))
        if kind == "invitation":
            return self.caused(lambda: self.invite())
        raise AssertionError(kind)

    def invite(self):
        return contributors.invite_contributor(
            email=f"contributor-{self.language}@example.org",
            name="Ana Gómez",
            organisation=f"Alcaldía {self.language}",
            city="Bogotá",
            country="CO",
            language=self.language,
            invited_by=self.editor,
        )

    # --- Checks ----------------------------------------------------------------------------

    def assert_in_language(self, kind):
        sent = self.mail(kind)
        text = f"{sent.subject}\n{sent.body}"
        self.assertEqual(sent.headers.get("Content-Language"), self.language)
        with translation.override(self.language):
            for msgid in mail_strings(kind):
                translated = gettext(msgid)
                for part in fixed_parts(translated):
                    self.assertIn(part, text, f"{kind} {self.language}: {msgid!r}")
                if self.language != "en" and translated != msgid:
                    # Translated in this language: the English must not be left in the mail.
                    for part in fixed_parts(msgid):
                        if len(part) > 3 and part not in fixed_parts(translated):
                            self.assertNotIn(part, text, f"{kind} {self.language}: {msgid!r}")
        if self.language != "ko":
            self.assertIsNone(HANGUL.search(text), f"{kind} {self.language}: {text[:500]}")
        return sent

    def test_request_acknowledgement(self):
        sent = self.assert_in_language("received")
        self.assertIn(f"/{self.language}/requests/track/", sent.body)

    def test_status_mail_sent_from_the_admin(self):
        sent = self.assert_in_language("status_changed")
        with translation.override(self.language):
            self.assertIn(str(RequestStatus.DECLINED.label), sent.subject)

    def test_reply_mail_sent_from_the_admin(self):
        self.assert_in_language("reply")

    def test_one_mail_for_a_status_change_and_replies(self):
        sent = self.assert_in_language("update")
        self.assertIn("2027.", sent.body)
        self.assertIn("2028.", sent.body)
        self.assertEqual(OutgoingMail.objects.filter(to=sent.to).count(), 2)  # and "received"

    def test_new_link_mail(self):
        self.assert_in_language("new_link")

    def test_newsletter_confirmation(self):
        sent = self.assert_in_language("newsletter_confirm")
        self.assertIn(f"/{self.language}/newsletter/", sent.body)

    def test_newsletter_digest_sent_by_the_worker(self):
        self.assert_in_language("digest")

    def test_contributor_invitation(self):
        self.assert_in_language("invitation")

    def test_invitation_names_what_the_contributors_admin_shows(self):
        """The invitation names the "Pages" menu, the library and the submit button as the
        contributor's admin labels them: the admin speaks the invitation's language."""
        sent = self.mail("invitation")
        labels = contributors.admin_labels(self.language)
        for label in labels.values():
            # In the language's own quotation marks ("…", « … », «…», “…”).
            self.assertRegex(
                sent.body,
                rf'["«“]\N{{NO-BREAK SPACE}}?{re.escape(label)}\N{{NO-BREAK SPACE}}?["»”]',
            )
        contributor = contributors.PartnerContributor.objects.get(
            user__email=f"contributor-{self.language}@example.org"
        )
        self.client.force_login(contributor.user)
        library = self.sections["policies"][self.language]
        page = self.client.get(
            reverse("wagtailadmin_pages:add", args=["policies", "policycase", library.pk])
        )
        self.assertEqual(page.status_code, 200)
        shown = admin_text(page.content.decode())
        self.assertIn(f'lang="{self.language}"', shown[:2000])
        for name, label in labels.items():
            self.assertTrue(label in shown, f"{name} {label!r} not on the admin page")


class EveryStringTranslated:
    """For the languages other than English: the catalogue translates every mail string."""

    def test_every_string_of_every_mail_is_translated(self):
        untranslated = []
        with translation.override(self.language):
            for kind in [*MAIL_TEMPLATES, *MAIL_FILES]:
                for msgid in mail_strings(kind):
                    if gettext(msgid) == msgid:
                        untranslated.append(f"{kind}: {msgid}")
        self.assertEqual(untranslated, [], f"untranslated in {self.language}")


class KoreanMailTests(EveryStringTranslated, MailLanguageChecks, TestCase):
    language = "ko"


class EnglishMailTests(MailLanguageChecks, TestCase):
    language = "en"


class FrenchMailTests(EveryStringTranslated, MailLanguageChecks, TestCase):
    language = "fr"


class SpanishMailTests(EveryStringTranslated, MailLanguageChecks, TestCase):
    language = "es"


class ArabicMailTests(EveryStringTranslated, MailLanguageChecks, TestCase):
    language = "ar"


class ChineseMailTests(EveryStringTranslated, MailLanguageChecks, TestCase):
    language = "zh-hans"


class AdminCausedMailTests(TestCase):
    """Mails caused from the admin, whose own language is Korean by default."""

    @classmethod
    def setUpTestData(cls):
        builders.sections(languages=["ko", "en", "fr"])

    def test_a_status_changed_by_a_korean_admin_is_mailed_in_the_requesters_language(self):
        handler = make_handler()
        profile = handler.wagtail_userprofile
        profile.preferred_language = "ko"
        profile.save()
        with translation.override("fr"):
            request, _token = make_request(language="fr")
        self.client.force_login(handler)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("inquiries_admin:change_status", args=[request.pk]),
                {"status": RequestStatus.SCHEDULED, "reason": ""},
            )
        self.assertEqual(response.status_code, 302)
        send_held_mail(self)
        [sent] = mail.outbox  # the acknowledgement was never committed in this test
        self.assertEqual(sent.extra_headers["Content-Language"], "fr")
        with translation.override("fr"):
            expected = gettext("Request %(reference)s: %(status)s") % {
                "reference": request.reference,
                "status": gettext("Scheduled"),
            }
        self.assertEqual(sent.subject, expected)
        self.assertIsNone(HANGUL.search(f"{sent.subject}{sent.body}"))

    def test_staff_notice_is_in_the_sites_language(self):
        with self.settings(REQUEST_NOTIFY_EMAILS=["staff@example.org"]):
            request, _token = make_request(language="fr")
        notice = OutgoingMail.objects.get(to="staff@example.org")
        self.assertEqual(notice.headers["Content-Language"], "ko")
        with translation.override("ko"):
            expected = gettext("New request %(reference)s (%(kind)s)") % {
                "reference": request.reference,
                "kind": gettext("Policy consultation"),
            }
        self.assertEqual(notice.subject, expected)
