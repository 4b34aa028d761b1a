from django.core.management.base import BaseCommand

from policyshare.search import services


class Command(BaseCommand):
    help = (
        "Rebuild the public search documents from the live content (after loading content "
        "without signals, or after the analyser changed), then compact the full-text index. "
        "Wagtail's own index, used by the admin, is rebuilt by `update_index`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="Only rebuild when some document was analysed by another analyser or an "
            "older version of the analysis (safe to run on every deployment).",
        )

    def handle(self, *args, **options):
        if options["if_stale"]:
            stale = services.stale_documents().count()
            if not stale:
                self.stdout.write("The search documents are up to date.")
                return
            self.stdout.write(f"{stale} search documents were analysed differently.")
        count = services.rebuild_documents()
        services.optimize_fulltext_index()
        self.stdout.write(self.style.SUCCESS(f"{count} search documents."))
