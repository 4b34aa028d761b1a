import sys
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from policyshare.briefing.services import prune_stored_packs


class Command(BaseCommand):
    help = (
        "Delete stored briefing-pack files (PDF, DOCX) that nobody made or downloaded within "
        "--older-than days, and those whose content version is obsolete (a case was edited, "
        "unpublished or made private, or the layout changed). A pack asked for again is "
        "rendered anew. Meant for a daily scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=None,
            metavar="DAYS",
            help="Keep the packs made or downloaded within this many days (default "
            f"BRIEFING_PACK_KEEP_DAYS, {settings.BRIEFING_PACK_KEEP_DAYS}; at least 1).",
        )

    def handle(self, *args, older_than=None, **options):
        days = settings.BRIEFING_PACK_KEEP_DAYS if older_than is None else older_than
        if days < 1:
            raise CommandError(
                f"--older-than must be at least 1 day (got {days}): a pack made today may "
                "still be downloading."
            )
        # A progress bar on a terminal only: quiet in cron, CI and logs.
        quiet = not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty())

        def progress(names):
            return tqdm(names, unit="file", disable=quiet or options["verbosity"] < 1)

        result = prune_stored_packs(older_than=timedelta(days=days), progress=progress)
        self.stdout.write(
            f"Deleted {result.deleted} stored pack file(s): {result.unused} unused for "
            f"{days} day(s), {result.obsolete} obsolete, {result.unrecorded} without a record; "
            f"kept {result.kept}."
        )
