from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from policyshare.core.services import prune_page_visits


class Command(BaseCommand):
    help = (
        "Forget the per-visitor records behind view counts once they can no longer prevent a "
        "double count. Counts are kept. Meant for a daily scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-days",
            type=int,
            default=2,
            help="Keep the records of this many most recent days (default 2, at least 1).",
        )

    def handle(self, *args, keep_days, **options):
        if keep_days < 1:
            raise CommandError("--keep-days must be at least 1: today's visits are still needed.")
        cutoff = timezone.localdate() - timedelta(days=keep_days - 1)
        deleted = prune_page_visits(before=cutoff)
        self.stdout.write(f"Removed {deleted} visit record(s) from before {cutoff.isoformat()}.")
