from django.core.management.base import BaseCommand

from policyshare.demo.services import load_demo_content


class Command(BaseCommand):
    help = (
        "Load the bilingual demo content (policies, board posts, partners, pages). "
        "Safe to run repeatedly: what is already present is left alone."
    )

    def handle(self, *args, **options):
        report = load_demo_content()
        if options["verbosity"] > 1:
            for kind in sorted(report.created.keys() | report.present.keys()):
                self.stdout.write(
                    f"  {kind}: created {report.created[kind]}, "
                    f"already present {report.present[kind]}"
                )
        self.stdout.write(report.summary())
