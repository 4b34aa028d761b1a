"""The sitemap: every public page in every language, with hreflang alternates."""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from wagtail.models import Site

from . import selectors


class PageSitemap(Sitemap):
    """Django's sitemap with Wagtail pages as items, each listed by its own
    `get_sitemap_urls(request)` (Wagtail's protocol: a page type may add entries, give a
    priority or leave itself out with an empty list).

    Django's own `i18n`/`alternates` options reverse one item once per language; our
    translations are separate pages with their own paths, so the alternates come from the
    pages sharing a `translation_key` instead.
    """

    limit = 50_000

    def __init__(self, request):
        self.request = request

    def items(self):
        return selectors.sitemap_pages(site=Site.find_for_request(self.request))

    def get_urls(self, page=1, site=None, protocol=None):
        pages = list(self.paginator.page(page).object_list)
        entries = [(item, item.get_sitemap_urls(self.request)) for item in pages]
        # A page's address for its translations' alternates: its first entry.
        by_key = defaultdict(list)
        for item, item_entries in entries:
            if item_entries:
                by_key[item.translation_key].append((item, item_entries[0]["location"]))
        urls = []
        for item, item_entries in entries:
            translations = by_key[item.translation_key]
            alternates = [
                {"location": location, "lang_code": other.locale.language_code}
                for other, location in translations
            ]
            for entry in item_entries:
                urls.append(
                    {
                        "item": item,
                        "location": entry["location"],
                        "lastmod": entry.get("lastmod"),
                        "changefreq": entry.get("changefreq"),
                        "priority": entry.get("priority"),
                        # A sub-page entry (a city below the cities section) names its
                        # own alternates; the page's would point at the section.
                        "alternates": entry.get(
                            "alternates", alternates if len(translations) > 1 else []
                        ),
                    }
                )
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        self.latest_lastmod = max(lastmods) if lastmods else None
        return urls

    def get_latest_lastmod(self):
        return getattr(self, "latest_lastmod", None)
