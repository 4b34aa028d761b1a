"""Create what is missing of the site skeleton: locales, home pages, sections and the pages
the footer links to (privacy notice, accessibility statement, licence).

Idempotent. Run it after adding a language to WAGTAIL_CONTENT_LANGUAGES (or upgrading to a
release that did): each new language gets its home page and sections. It also gives the
default site SITE_URL's hostname and port (`make run` runs it; production checks they agree).
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from policyshare.home.services import (
    ensure_sections,
    ensure_site_pages,
    set_default_site_address,
)


class Command(BaseCommand):
    help = "Create the locales, home pages and sections of every content language."

    def handle(self, *args, **options):
        sections = ensure_sections()
        ensure_site_pages()
        languages = sorted(sections["policies"])
        self.stdout.write(f"Site skeleton present in: {', '.join(languages)}")
        site = set_default_site_address(site_url=settings.SITE_URL)
        self.stdout.write(f"Default site: {site.root_url}")
