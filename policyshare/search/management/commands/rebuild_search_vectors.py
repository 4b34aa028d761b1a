import sys
from concurrent.futures.process import BrokenProcessPool

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
        parser.add_argument(
            "--processes",
            type=int,
            default=1,
            help=(
                "Encode in this many worker processes (default 1), each a fork of this one "
                "with the encoder loaded, using one core: give it the cores the site can "
                "spare (2 on a quiet 2-core machine about halves a large build)."
            ),
        )

    def handle(self, *args, **options):
        processes = options["processes"]
        if processes < 1:
            raise CommandError("--processes must be at least 1.")
        total = SearchDocument.objects.count()
        # A progress bar on a terminal only: quiet in CI, cron and logs.
        quiet = options["verbosity"] == 0 or not sys.stderr.isatty()
        with tqdm(total=total, unit="doc", disable=quiet, file=sys.stderr) as bar:
            try:
                report = semantic.embed_documents(
                    force=options["all"], progress=bar.update, processes=processes
                )
            except BrokenProcessPool as error:
                raise CommandError(
                    "An encoding process stopped (out of memory?). The vectors written before "
                    "it are kept: run the command again, with fewer --processes, to finish."
                ) from error
        if not report.encoder_available:
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))
