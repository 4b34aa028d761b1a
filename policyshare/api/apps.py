from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "policyshare.api"
    label = "api"
    verbose_name = "Open data API"
