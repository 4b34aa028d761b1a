from django.core.management.base import BaseCommand

from policyshare.demo.services import load_demo_content


class Command(BaseCommand):
    help = (
        "Load the demo content (policies, board posts, partners, pages) in Korean and "
        "English, and in French, Spanish, Arabic and Chinese where content/locales has them. "
        "Safe to run repeatedly: what is already present is left alone."
    )

    def handle(self, *args, **options):
        report = load_demo_content()
        if options["verbosity"] > 1:
            full = ", ".join(report.full_languages) or "none"
            self.stdout.write(f"  translated in full (content/locales): {full}")
            for kind in sorted(report.created.keys() | report.present.keys()):
                self.stdout.write(
                    f"  {kind}: created {report.created[kind]}, "
                    f"already present {report.present[kind]}"
                )
        self.stdout.write(report.summary())
