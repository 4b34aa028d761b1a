from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """The newsletter: double opt-in subscriptions and the digest of new pages."""

    name = "policyshare.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"
