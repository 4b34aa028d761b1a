from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    """Cooperation requests from cities, tracked from receipt to done, and their e-mail."""

    name = "policyshare.inquiries"
    label = "inquiries"
    verbose_name = _("Cooperation requests")
    default_auto_field = "django.db.models.BigAutoField"
