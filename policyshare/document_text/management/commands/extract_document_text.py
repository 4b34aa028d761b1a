import sys
from collections import Counter

from django.core.management.base import BaseCommand
from tqdm import tqdm
from wagtail.documents import get_document_model

from policyshare.document_text import services


class Command(BaseCommand):
    help = (
        "Extract the text of every document (PDF) for the public search, in this process, "
        "and index the pages that attach them again. Files unchanged since their last "
        "extraction are skipped unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Extract unchanged files again too."
        )

    def handle(self, *args, force=False, **options):
        ids = list(get_document_model().objects.order_by("pk").values_list("pk", flat=True))
        outcomes = Counter()
        # A progress bar on a terminal only: quiet in CI and in logs.
        quiet = not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty())
        for document_id in tqdm(ids, unit="doc", disable=quiet or options["verbosity"] < 1):
            # Each document's failure is an outcome of its own, logged without content; it
            # never stops the others.
            outcome = services.extract_document(document_id=document_id, force=force)
            outcomes[outcome or "gone"] += 1
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
        self.stdout.write(
            self.style.SUCCESS(f"{len(ids)} documents: {summary or 'nothing to do'}.")
        )
