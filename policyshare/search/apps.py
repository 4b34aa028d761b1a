from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "policyshare.search"
    label = "portal_search"
    default_auto_field = "django.db.models.BigAutoField"
