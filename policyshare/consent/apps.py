from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    """The consent texts shown on the public forms, versioned, and the record of which one
    each person agreed to (docs/requests.md, "Consent")."""

    name = "policyshare.consent"
    label = "consent"
    verbose_name = _("Consent texts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
