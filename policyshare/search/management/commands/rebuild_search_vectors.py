import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from policyshare.search import semantic
from policyshare.search.models import SearchDocument


class Command(BaseCommand):
    help = (
        "Make the semantic search vectors of the search documents whose text or encoder "
        "changed (all of them with --all), in this process rather than the task worker. Run "
        "it after `rebuild_search_documents`, or after the encoder was upgraded."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Embed every document again, changed or not."
        )

    def handle(self, *args, **options):
        total = SearchDocument.objects.count()
        # A progress bar on a terminal only: quiet in CI, cron and logs.
        quiet = options["verbosity"] == 0 or not sys.stderr.isatty()
        with tqdm(total=total, unit="doc", disable=quiet, file=sys.stderr) as bar:
            report = semantic.embed_documents(force=options["all"], progress=bar.update)
        if not report.encoder_available:
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))
