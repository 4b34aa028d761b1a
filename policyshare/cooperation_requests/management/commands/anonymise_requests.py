from django.conf import settings
from django.core.management.base import BaseCommand

from policyshare.cooperation_requests import services


class Command(BaseCommand):
    help = (
        "Erase the personal data of cooperation requests with no activity for "
        "REQUEST_RETENTION_DAYS days (run daily from a scheduler)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Override the retention period (default {settings.REQUEST_RETENTION_DAYS}).",
        )

    def handle(self, *args, **options):
        references = services.anonymise_expired(days=options["days"])
        for reference in references:
            self.stdout.write(f"anonymised {reference}")
        self.stdout.write(f"{len(references)} requests anonymised")
