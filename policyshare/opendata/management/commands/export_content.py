from pathlib import Path

from django.core.management.base import BaseCommand

from policyshare.opendata.services import export_content


class Command(BaseCommand):
    help = "Write all published content, in every language, to a versioned .zip archive."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Where to write the archive (.zip).")

    def handle(self, *args, path: Path, **options):
        manifest = export_content(path=path)
        counts = ", ".join(f"{name}: {n}" for name, n in manifest["counts"].items())
        self.stdout.write(self.style.SUCCESS(f"Exported to {path} ({counts})."))
