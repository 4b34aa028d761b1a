from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "policyshare.sharing"
    label = "sharing"
    verbose_name = _("Policy sharing")
    default_auto_field = "django.db.models.BigAutoField"
