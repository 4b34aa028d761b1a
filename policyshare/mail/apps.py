from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    """The outbox every app sends its e-mail through, delivered and retried by the task worker.

    It knows no domain: callers render their own subject and body and pass them to
    `services.queue_mail`.
    """

    name = "policyshare.mail"
    label = "mail"
    verbose_name = _("Outgoing mail")
    default_auto_field = "django.db.models.BigAutoField"
