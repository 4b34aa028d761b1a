from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationRequestsConfig(AppConfig):
    """Cooperation requests from cities, tracked from receipt to done, and the staff inbox.

    Named `cooperation_requests`, not `requests`: the `requests` HTTP library is installed
    in the same environment, and "cooperation" alone is kept for cooperation projects.
    """

    name = "policyshare.cooperation_requests"
    label = "cooperation_requests"
    verbose_name = _("Cooperation requests")
    default_auto_field = "django.db.models.BigAutoField"
