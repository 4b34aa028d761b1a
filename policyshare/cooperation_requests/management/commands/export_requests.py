import csv
import json

from django.core.management.base import BaseCommand, CommandError

from policyshare.cooperation_requests import selectors


class Command(BaseCommand):
    help = (
        "Export cooperation requests (with personal data) as CSV or JSON, with the same "
        "columns as the admin's CSV download. Writes to standard output unless --output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--output", help="A file to write instead of standard output.")
        parser.add_argument("--status", help="Only requests with this status.")
        parser.add_argument("--kind", help="Only requests of this type.")

    def handle(self, *args, **options):
        params = {key: options[key] for key in ("status", "kind") if options.get(key)}
        filterset = selectors.inbox(params)
        if params and not filterset.is_valid():
            raise CommandError(f"Invalid filter: {filterset.errors.as_text()}")
        rows = selectors.export_rows(filterset.qs)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as stream:
                count = self.write(rows, stream, options["format"])
            self.stderr.write(f"{count} requests written to {options['output']}")
        else:
            self.write(rows, self.stdout, options["format"])

    def write(self, rows, stream, fmt) -> int:
        count = 0
        if fmt == "json":
            rows = list(rows)
            stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return len(rows)
        writer = csv.DictWriter(stream, fieldnames=selectors.EXPORT_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: selectors.csv_safe(value) for key, value in row.items()})
            count += 1
        return count
