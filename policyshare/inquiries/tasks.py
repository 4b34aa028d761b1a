"""Background tasks of the inquiries app, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from . import mail


@task()
def deliver_mail(*, mail_id: int, attempt: int) -> bool:
    """Send one mail from the outbox; a failure is recorded there and retried later."""
    return mail.deliver(mail_id=mail_id, attempt=attempt)
