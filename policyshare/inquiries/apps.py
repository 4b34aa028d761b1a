from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    """Cooperation requests from cities, tracked from receipt to done, and their e-mail."""

    name = "policyshare.inquiries"
    label = "inquiries"
    verbose_name = _("Cooperation requests")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registered for Page (Wagtail's own is for AbstractPage), so every admin view that
        # looks up the page policy gets this one (`permissions.py`).
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .permissions import ContributorPagePermissionPolicy

        register_permission_policy(Page, ContributorPagePermissionPolicy(Page))
