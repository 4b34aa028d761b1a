from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policyshare.policies"
    label = "policies"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
