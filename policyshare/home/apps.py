from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "policyshare.home"
    label = "home"
    default_auto_field = "django.db.models.BigAutoField"
