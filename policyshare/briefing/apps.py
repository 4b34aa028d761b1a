from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefingConfig(AppConfig):
    name = "policyshare.briefing"
    label = "briefing"
    verbose_name = _("Briefing packs")
    default_auto_field = "django.db.models.BigAutoField"
