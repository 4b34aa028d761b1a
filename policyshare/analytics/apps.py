from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    """Editors' analytics (/admin/analytics/): views, searches, requests and newsletter
    subscribers over a period. No models; it reads other apps' daily totals (docs/analytics.md).
    """

    name = "policyshare.analytics"
    label = "analytics"
    verbose_name = _("Analytics")
