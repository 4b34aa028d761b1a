from django.core.management.base import BaseCommand

from policyshare.mail.services import send_pending_mail


class Command(BaseCommand):
    help = (
        "Queue again stored mail that has not gone and is due: failed mail after its pause, "
        "mail the task worker never tried (run every minute from a scheduler)."
    )

    def handle(self, *args, **options):
        queued = send_pending_mail()
        self.stdout.write(f"{queued} queued for the task worker")
