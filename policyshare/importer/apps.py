from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "policyshare.importer"
    label = "importer"
    default_auto_field = "django.db.models.BigAutoField"
