"""Newsletter subscribers (double opt-in) and what each has been sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    ACTIVE = "active", _("Active")


class NewsletterSubscription(models.Model):
    """A newsletter subscriber: double opt-in, themes and language.

    Unsubscribing deletes the row: we keep no address we may not write to.
    """

    email = models.EmailField(max_length=254, unique=True, verbose_name=_("e-mail"))
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, verbose_name=_("language")
    )
    # Theme slugs are the same in every language; empty means every theme.
    theme_slugs = models.JSONField(default=list, blank=True, verbose_name=_("themes"))
    status = models.CharField(
        max_length=10,
        choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.PENDING,
        db_index=True,
        verbose_name=_("status"),
    )
    consent_given_at = models.DateTimeField(verbose_name=_("consent given at"))
    # The wording agreed to at consent_given_at (version and language); empty for
    # subscriptions made before consent texts were versioned.
    consent_text = models.ForeignKey(
        "consent.ConsentText",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consent text agreed to"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("subscribed at"))
    confirmed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("confirmed at"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")
        default_permissions = ()
        permissions = [("send_newsletter", _("Can send the newsletter digest"))]

    def __str__(self):
        return self.email


class DigestItem(models.Model):
    """A page a subscriber has been sent in a digest: nothing is sent to them twice."""

    subscription = models.ForeignKey(
        NewsletterSubscription, on_delete=models.CASCADE, related_name="sent_items"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("digest item")
        verbose_name_plural = _("digest items")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "page"], name="one_digest_per_page"),
        ]

    def __str__(self):
        return f"{self.subscription_id}: {self.page_id}"
