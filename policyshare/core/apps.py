from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "policyshare.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import renditions, signal_handlers

        signal_handlers.register_signal_handlers()
        renditions.register_signal_handlers()
