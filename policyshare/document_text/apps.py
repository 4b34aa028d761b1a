from django.apps import AppConfig


class DocumentTextConfig(AppConfig):
    name = "policyshare.document_text"
    label = "document_text"
    verbose_name = "Document text"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
