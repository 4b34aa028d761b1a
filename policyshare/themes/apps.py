from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemesConfig(AppConfig):
    name = "policyshare.themes"
    label = "themes"
    verbose_name = _("Theme pages")
    default_auto_field = "django.db.models.BigAutoField"
