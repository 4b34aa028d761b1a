from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "policyshare.search"
    label = "portal_search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the stale documents check)
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
