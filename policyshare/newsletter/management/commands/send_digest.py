from django.core.management.base import BaseCommand

from policyshare.newsletter import services


class Command(BaseCommand):
    help = (
        "Send every confirmed newsletter subscriber the policies and posts published since "
        "their last digest (run daily or weekly from a scheduler). Nothing is sent twice."
    )

    def handle(self, *args, **options):
        mails, items = services.send_digest()
        # Each mail is queued for the task worker when its subscriber's transaction commits;
        # one that fails is retried from the outbox (send_pending_mail).
        self.stdout.write(f"{mails} digests with {items} items queued")
