from django.core.management.base import BaseCommand

from policyshare.search import services


class Command(BaseCommand):
    help = (
        "Rebuild the public search documents from the live content (after loading content "
        "without signals, or after the analyser changed). Wagtail's own index, used by the "
        "admin, is rebuilt by `update_index`."
    )

    def handle(self, *args, **options):
        count = services.rebuild_documents()
        self.stdout.write(self.style.SUCCESS(f"{count} search documents."))
