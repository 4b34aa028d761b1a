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
        # A page's address for its translations' alternates: its first entry. A further
        # entry (a routable page's sub-page, /en/sharing/transfers/) has as alternates the
        # translations' entries at the same path below their own addresses.
        by_key = defaultdict(list)
        for item, item_entries in entries:
            if item_entries:
                by_key[item.translation_key].append(
                    (
                        item,
                        item_entries[0]["location"],
                        {entry["location"] for entry in item_entries},
                    )
                )
        urls = []
        for item, item_entries in entries:
            translations = by_key[item.translation_key]
            own = item_entries[0]["location"] if item_entries else ""
            for entry in item_entries:
                location = entry["location"]
                suffix = location[len(own) :] if location.startswith(own) else None
                alternates = []
                if suffix is not None:
                    alternates = [
                        {"location": f"{base}{suffix}", "lang_code": other.locale.language_code}
                        for other, base, locations in translations
                        if f"{base}{suffix}" in locations
                    ]
                urls.append(
                    {
                        "item": item,
                        "location": location,
                        "lastmod": entry.get("lastmod"),
                        "changefreq": entry.get("changefreq"),
                        "priority": entry.get("priority"),
                        # An entry may name its own alternates (a city page below the
                        # cities section: each language's city page, whichever sections
                        # list it).
                        "alternates": entry.get(
                            "alternates", alternates if len(alternates) > 1 else []
                        ),
                    }
                )
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        self.latest_lastmod = max(lastmods) if lastmods else None
        return urls

    def get_latest_lastmod(self):
        return getattr(self, "latest_lastmod", None)
