from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The editors' dashboard: the panels of the admin home page that say what needs doing.
    No models; it reads the other apps through their selectors and models."""

    name = "policyshare.workspace"
    label = "workspace"
    verbose_name = _("Editors' dashboard")
