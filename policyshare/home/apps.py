from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "policyshare.home"
    label = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the site address check)
