"""manage.py import_legacy PATH [--dry-run] [--json]: import a dump of the legacy portal."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from policyshare.importer.parser import LegacyDumpError, parse_legacy_dump
from policyshare.importer.services import KINDS, ImportReport, import_legacy_dump


class Command(BaseCommand):
    help = (
        "Import board posts, partners and pages from a text dump of the legacy portal. "
        "The whole file is checked before anything is written; see docs/importer.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The dump, UTF-8 text.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, write nothing."
        )
        parser.add_argument(
            "--json",
            action="store_true",
            dest="as_json",
            help="Print the report as one JSON object, and nothing else, on stdout.",
        )

    def handle(self, *args, path: Path, dry_run: bool, as_json: bool, **options):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot read the file ({error.strerror})") from None
        try:
            dump = parse_legacy_dump(data=data)
        except LegacyDumpError as error:
            raise CommandError(f"{path}, line {error.line}: {error.message}") from None
        report = import_legacy_dump(items=dump.items, warnings=dump.warnings, dry_run=dry_run)
        if as_json:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write(_summary(report=report, path=path, dry_run=dry_run))


def _summary(*, report: ImportReport, path: Path, dry_run: bool) -> str:
    heading = f"{path}: " + ("dry run, nothing written" if dry_run else "imported")
    rows = [heading, f"{'':10}{'created':>9}{'updated':>9}{'unchanged':>11}"]
    for kind in KINDS:
        rows.append(
            f"{kind:10}{report.created[kind]:>9}{report.updated[kind]:>9}"
            f"{report.unchanged[kind]:>11}"
        )
    rows.append(f"Warnings: {len(report.warnings)}")
    rows += [f"  line {w.line} [{w.kind}] {w.message}" for w in report.warnings]
    return "\n".join(rows)
