"""Cache-purge contribution of a content type: the URLs to purge when a page changes.

`policyshare.core.signal_handlers` sends these to the shared proxy through Wagtail's
frontend cache (`purge_urls_from_cache`, which also adds the page's address under every
other language prefix when WAGTAILFRONTENDCACHE_LANGUAGES is set). The default suits any
page: itself with its `get_cached_paths()` (Wagtail's way to name sub-paths such as
`?page=2` routes), its ancestors (home, section and list pages), every feed
(`policyshare.core.content.feeds.feed_paths`), the sitemap, and its old address after a
slug change or move. A page type whose content shows elsewhere adds those URLs by
overriding `purge_urls`.
"""

from urllib.parse import urlsplit

from django.urls import NoReverseMatch, reverse

from .feeds import feed_paths


def site_wide_paths() -> list[str]:
    """Paths that list pages of every type: the sitemap and the feeds."""
    try:
        sitemap = [reverse("sitemap")]
    except NoReverseMatch:  # a project without the open-data URLs (some tests)
        sitemap = []
    return sitemap + feed_paths()


def page_purge_urls(page, *, old_url: str | None = None) -> set[str]:
    """Full URLs whose content depends on `page`: itself, its ancestors, feeds, sitemap."""
    urls = set()
    page_url = page.get_full_url()
    if page_url:
        urls.update(page_url + path.lstrip("/") for path in page.get_cached_paths())
        parts = urlsplit(page_url)
        base = f"{parts.scheme}://{parts.netloc}"
        urls.update(base + path for path in site_wide_paths())
    if old_url:
        urls.add(old_url)
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        ancestor_url = ancestor.get_full_url()
        if ancestor_url:
            urls.add(ancestor_url)
    return urls


class PurgeContribution:
    """What changes in the shared proxy's cache when a page of this type changes."""

    def purge_urls(self, *, old_url: str | None = None) -> set[str]:
        return page_purge_urls(self, old_url=old_url)


def purge_urls_of(page, *, old_url: str | None = None) -> set[str]:
    """`purge_urls` of any page: the protocol's, or the default for a plain page."""
    if isinstance(page, PurgeContribution):
        return page.purge_urls(old_url=old_url)
    return page_purge_urls(page, old_url=old_url)
