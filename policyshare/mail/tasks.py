"""Background tasks of the outbox, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from . import services


@task()
def deliver_mail(*, mail_id: int, attempt: int) -> bool:
    """Send one mail from the outbox; a failure is recorded there and retried later."""
    return services.deliver(mail_id=mail_id, attempt=attempt)
