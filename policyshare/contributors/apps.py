from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributorsConfig(AppConfig):
    """Partner-city contributors: invited accounts that add policy cases of their own city."""

    name = "policyshare.contributors"
    label = "contributors"
    verbose_name = _("Partner-city contributors")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registered for Page (Wagtail's own is for AbstractPage), so every admin view that
        # looks up the page policy gets this one (`permissions.py`).
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .permissions import ContributorPagePermissionPolicy

        register_permission_policy(Page, ContributorPagePermissionPolicy(Page))
