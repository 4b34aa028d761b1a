from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from policyshare.opendata.archive import ArchiveError
from policyshare.opendata.services import import_content


class Command(BaseCommand):
    help = (
        "Import an archive written by export_content into an empty, freshly migrated site. "
        "A damaged archive or a site with content is refused and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The archive (.zip) to import.")

    def handle(self, *args, path: Path, **options):
        try:
            counts = import_content(path=path)
        except ArchiveError as error:
            raise CommandError(f"Nothing was imported: {error}") from error
        summary = ", ".join(f"{name}: {n}" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Imported {path} ({summary})."))
