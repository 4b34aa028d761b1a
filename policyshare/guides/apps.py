from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "policyshare.guides"
    label = "guides"
    verbose_name = _("Policy guides")
    default_auto_field = "django.db.models.BigAutoField"
