import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from policyshare.demo.services import PROGRESS_STEPS, load_demo_content


class Command(BaseCommand):
    help = (
        "Load the demo content (policies, board posts, partners, pages, and the policy-sharing "
        "records: cities, transfers, projects, firms, tenders; the policy guides) in Korean and "
        "English, and in French, Spanish, Arabic and Chinese where content/locales has them. "
        "Safe to run repeatedly: what is already present is left alone."
    )

    def handle(self, *args, **options):
        # A progress bar on a terminal only: quiet in CI, cron and logs.
        quiet = options["verbosity"] == 0 or not sys.stderr.isatty()
        with tqdm(total=PROGRESS_STEPS, unit="step", disable=quiet, file=sys.stderr) as bar:
            report = load_demo_content(progress=bar.update)
        if options["verbosity"] > 1:
            full = ", ".join(report.full_languages) or "none"
            self.stdout.write(f"  translated in full (content/locales): {full}")
            for kind in sorted(report.created.keys() | report.present.keys()):
                self.stdout.write(
                    f"  {kind}: created {report.created[kind]}, "
                    f"already present {report.present[kind]}"
                )
        self.stdout.write(report.summary())
