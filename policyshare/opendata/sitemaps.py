"""The sitemap: every public page in every language, with hreflang alternates."""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from wagtail.models import Site

from . import selectors


class PageSitemap(Sitemap):
    """Django's sitemap with Wagtail pages as items.

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
        for item in pages:
            item.sitemap_url = item.get_full_url(self.request)
        by_key = defaultdict(list)
        for item in pages:
            by_key[item.translation_key].append(item)
        urls = []
        for item in pages:
            translations = by_key[item.translation_key]
            urls.append(
                {
                    "item": item,
                    "location": item.sitemap_url,
                    "lastmod": item.last_published_at,
                    "changefreq": None,
                    "priority": None,
                    "alternates": [
                        {"location": other.sitemap_url, "lang_code": other.locale.language_code}
                        for other in translations
                    ]
                    if len(translations) > 1
                    else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        self.latest_lastmod = max(lastmods) if lastmods else None
        return urls

    def get_latest_lastmod(self):
        return getattr(self, "latest_lastmod", None)
