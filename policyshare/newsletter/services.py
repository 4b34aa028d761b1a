"""The newsletter: double opt-in, one-click unsubscribe, a digest that never repeats an item."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from policyshare.boards.models import BoardPost
from policyshare.core.languages import (
    snippets_with_fallback,
    translations_with_fallback,
    with_language_prefix,
)
from policyshare.mail.services import queue_mail
from policyshare.policies.models import PolicyCase, Theme

from .models import DigestItem, NewsletterSubscription, SubscriptionStatus

# One salt per purpose: a token signed for one purpose is refused as any other.
# The salts predate the split of the `inquiries` app: links already sent keep working.
CONFIRM_SALT = "inquiries.newsletter.confirm"
CHOICES_SALT = "inquiries.newsletter.choices"
UNSUBSCRIBE_SALT = "inquiries.newsletter.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60
# Unconfirmed subscriptions are forgotten after this long.
PENDING_DAYS = 7
MAX_ITEMS_PER_DIGEST = 20


def _absolute(name: str, signed: str, language: str) -> str:
    with translation.override(language):
        path = reverse(name, kwargs={"signed": signed})
    return settings.SITE_URL.rstrip("/") + path


def confirm_url(subscription) -> str:
    signed = signing.dumps(subscription.pk, salt=CONFIRM_SALT)
    return _absolute("newsletter:confirm", signed, subscription.language)


def unsubscribe_url(subscription) -> str:
    # Signed with the secret key: it cannot be guessed and needs no stored token.
    signed = signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)
    return _absolute("newsletter:unsubscribe", signed, subscription.language)


def subscription_from(signed: str, *, salt: str, max_age=None):
    try:
        pk = signing.loads(signed, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return NewsletterSubscription.objects.filter(pk=pk).first()


def _unsubscribe_headers(subscription) -> dict:
    # RFC 2369 and RFC 8058: mail programs show an "Unsubscribe" button that POSTs here.
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _render(template: str, subscription, context: dict) -> tuple[str, str]:
    with translation.override(subscription.language):
        context = {
            "subscription": subscription,
            "site_url": settings.SITE_URL,
            "unsubscribe_url": unsubscribe_url(subscription),
            **context,
        }
        subject = render_to_string(f"newsletter/email/{template}_subject.txt", context)
        body = render_to_string(f"newsletter/email/{template}.txt", context)
    return subject, body


@transaction.atomic
def subscribe(
    *, email: str, language: str, theme_slugs: list[str], consent_text=None
) -> NewsletterSubscription:
    """Record (or renew) a subscription and mail the confirmation link.

    The same answer whether or not the address was known, so the form reveals nothing.
    An active subscriber gets their new choices only after confirming again.
    `consent_text` is the consent wording shown with the form (`consent.ConsentText`); the
    public form always passes it.
    """
    email = email.strip()
    subscription = NewsletterSubscription.objects.filter(email__iexact=email).first()
    now = timezone.now()
    if subscription is None:
        subscription = NewsletterSubscription.objects.create(
            email=email,
            language=language,
            theme_slugs=theme_slugs,
            consent_given_at=now,
            consent_text=consent_text,
        )
    elif subscription.status == SubscriptionStatus.PENDING:
        subscription.language = language
        subscription.theme_slugs = theme_slugs
        subscription.consent_given_at = now
        subscription.consent_text = consent_text
        subscription.save()
    subject, body = _render(
        "confirm",
        subscription,
        {
            "confirm_url": confirm_url(subscription) + _choices_query(language, theme_slugs),
        },
    )
    queue_mail(
        to=subscription.email,
        subject=subject,
        body=body,
        language=subscription.language,
        headers=_unsubscribe_headers(subscription),
    )
    return subscription


def _choices_query(language: str, theme_slugs: list[str]) -> str:
    """Choices made on a renewed subscription travel in the confirmation link, signed."""
    signed = signing.dumps({"language": language, "themes": theme_slugs}, salt=CHOICES_SALT)
    return f"?choices={signed}"


@transaction.atomic
def confirm(*, subscription: NewsletterSubscription, choices: str = "") -> None:
    try:
        chosen = signing.loads(choices, salt=CHOICES_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        chosen = None
    if chosen:
        subscription.language = chosen.get("language", subscription.language)
        subscription.theme_slugs = chosen.get("themes", subscription.theme_slugs)
    if subscription.status != SubscriptionStatus.ACTIVE:
        subscription.status = SubscriptionStatus.ACTIVE
        subscription.confirmed_at = timezone.now()
    subscription.save()


@transaction.atomic
def unsubscribe(*, subscription: NewsletterSubscription) -> None:
    subscription.delete()


def forget_unconfirmed(*, now=None) -> int:
    cutoff = (now or timezone.now()) - timedelta(days=PENDING_DAYS)
    deleted, _ = NewsletterSubscription.objects.filter(
        status=SubscriptionStatus.PENDING, created_at__lt=cutoff
    ).delete()
    return deleted


def digest_items(subscription) -> tuple[list, list]:
    """New policies (of the chosen themes) and posts, published since the subscriber
    confirmed, as the library and boards of their language list them: one version of each
    translation group, theirs where it exists, else the first of the fallback chain
    (`core.languages.translations_with_fallback`; Korean and English: their own only).
    A group of which any version was sent is not sent again (its translation coming later
    is not news)."""
    locale = Locale.objects.filter(language_code=subscription.language).first()
    if locale is None:
        return [], []
    sent = DigestItem.objects.filter(subscription=subscription).values("page__translation_key")

    def new(model):
        return (
            translations_with_fallback(model.objects.live().public(), locale)
            .filter(first_published_at__gte=subscription.confirmed_at)
            .exclude(translation_key__in=sent)
            .select_related("locale")
            .order_by("first_published_at", "pk")
        )

    policies = new(PolicyCase)
    if subscription.theme_slugs:
        # Theme slugs are the same in every language, so a fallback policy's themes match.
        policies = policies.filter(themes__slug__in=subscription.theme_slugs).distinct()
    policies = list(policies[:MAX_ITEMS_PER_DIGEST])
    posts = list(new(BoardPost)[: MAX_ITEMS_PER_DIGEST - len(policies)])
    return policies, posts


def _digest_link(page, language: str, site: str) -> str:
    """As the subscriber's lists link it: a fallback version under their language's prefix
    (`/fr/…`), where the router shows it with a notice."""
    url = page.url
    code = page.locale.language_code
    if code != language:
        url = with_language_prefix(url, code, language) or url
    return site + url


@transaction.atomic
def send_digest_to(subscription) -> int:
    """Queue one subscriber's digest and remember its items. Returns the number of items."""
    policies, posts = digest_items(subscription)
    if not policies and not posts:
        return 0
    site = settings.SITE_URL.rstrip("/")
    subject, body = _render(
        "digest",
        subscription,
        {
            "policies": [
                (policy.title, _digest_link(policy, subscription.language, site))
                for policy in policies
            ],
            "posts": [
                (post.title, _digest_link(post, subscription.language, site)) for post in posts
            ],
        },
    )
    queue_mail(
        to=subscription.email,
        subject=subject,
        body=body,
        language=subscription.language,
        headers=_unsubscribe_headers(subscription),
    )
    DigestItem.objects.bulk_create(
        [DigestItem(subscription=subscription, page=page) for page in [*policies, *posts]]
    )
    return len(policies) + len(posts)


def send_digest() -> tuple[int, int]:
    """Send every active subscriber what is new for them. Returns (mails, items)."""
    forget_unconfirmed()
    mails = items = 0
    active = NewsletterSubscription.objects.filter(status=SubscriptionStatus.ACTIVE)
    for subscription in active.iterator():
        count = send_digest_to(subscription)
        if count:
            mails += 1
            items += count
    return mails, items


def theme_choices(language: str) -> list[tuple[str, str]]:
    """The themes the library of `language` offers (its own and the fallback versions of
    the ones not translated yet), by slug: the same in every language."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    return [
        (theme.slug, theme.name) for theme in snippets_with_fallback(Theme.objects.live(), locale)
    ]
