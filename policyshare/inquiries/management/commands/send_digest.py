from django.core.management.base import BaseCommand

from policyshare.inquiries import newsletter
from policyshare.inquiries.mail import send_pending_mail


class Command(BaseCommand):
    help = (
        "Send every confirmed newsletter subscriber the policies and posts published since "
        "their last digest (run daily or weekly from a scheduler). Nothing is sent twice."
    )

    def handle(self, *args, **options):
        mails, items = newsletter.send_digest()
        # Queued mail goes out after each subscriber's transaction commits; this retries any
        # that failed.
        _sent, failing = send_pending_mail()
        self.stdout.write(f"{mails} digests with {items} items; {failing} mails still failing")
