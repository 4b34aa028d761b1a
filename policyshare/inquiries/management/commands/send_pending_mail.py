from django.core.management.base import BaseCommand

from policyshare.inquiries.mail import send_pending_mail


class Command(BaseCommand):
    help = "Send stored mail that has not gone yet (run every few minutes from a scheduler)."

    def handle(self, *args, **options):
        sent, failing = send_pending_mail()
        self.stdout.write(f"{sent} sent, {failing} still failing")
