import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from policyshare.sharing import iati


class Command(BaseCommand):
    help = (
        "Export every published cooperation project as IATI activity XML 2.03, validated "
        "against the IATI schema. Nothing is written when the export would not validate."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Where to write the XML (replaced atomically); standard output when omitted.",
        )

    def handle(self, *args, output: Path | None = None, **options):
        verbosity = options["verbosity"]
        if output is not None and not output.parent.is_dir():
            raise CommandError(f"There is no folder {output.parent} to write the export in.")
        # A progress bar on a terminal only: quiet in CI, cron and logs.
        quiet = verbosity == 0 or not sys.stderr.isatty()
        total = iati.published_project_count()
        with tqdm(total=total, unit="activity", disable=quiet, file=sys.stderr) as bar:
            tree = iati.build_iati_activities(base_url=settings.SITE_URL, progress=bar.update)
        errors = iati.validate_iati(tree)
        if errors:
            for error in errors:
                self.stderr.write(f"IATI schema error: {error}")
            raise CommandError(
                f"The IATI export does not validate ({len(errors)} error(s)); nothing was written."
            )
        content = iati.serialise(tree)
        count = iati.activity_count(tree)
        if output is None:
            self.stdout.ending = ""
            self.stdout.write(content.decode())
            destination = "standard output"
            summary_stream = self.stderr  # keep the XML on stdout clean
        else:
            iati.write_atomically(content, output)
            destination = str(output)
            summary_stream = self.stdout
        if verbosity > 0:
            summary_stream.write(
                f"Exported {count} activities to {destination}.",
                style_func=self.style.SUCCESS,
                ending="\n",
            )
