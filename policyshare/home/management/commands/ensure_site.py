"""Create what is missing of the site skeleton: locales, home pages and sections.

Idempotent. Run it after adding a language to WAGTAIL_CONTENT_LANGUAGES (or upgrading to a
release that did): each new language gets its home page and sections.
"""

from django.core.management.base import BaseCommand

from policyshare.home.services import ensure_sections


class Command(BaseCommand):
    help = "Create the locales, home pages and sections of every content language."

    def handle(self, *args, **options):
        sections = ensure_sections()
        languages = sorted(sections["policies"])
        self.stdout.write(f"Site skeleton present in: {', '.join(languages)}")
