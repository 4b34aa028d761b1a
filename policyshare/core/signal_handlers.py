"""Retire cached pages and fragments when editors change what they show.

Any publish, unpublish, move, slug change or deletion of a page, any page made private or
public again, and any saved or deleted snippet shown on pages (a theme, a partner: the
models registered with `policyshare.core.content.register_snippet`), site or locale bumps
the page-cache generation: every page and fragment in the app cache is retired at once.
The shared proxy (nginx) is sent purges, through Wagtail's frontend cache, for the URLs the
change appears on, as the page's type declares them (`policyshare.core.content.purge`):
the page in every language, its ancestors (home, section, list pages), the feeds and the
sitemap. The generation is bumped both at once and after commit, so a request that
rendered the old content in between cannot leave it cached.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .content import snippet_models
from .content.purge import purge_urls_of
from .page_cache import invalidate_all


def urls_showing(page, *, old_url: str | None = None) -> set[str]:
    """Full URLs whose content depends on `page`, as its type declares them
    (`policyshare.core.content.purge`)."""
    return purge_urls_of(page.specific_deferred, old_url=old_url)


def urls_of_site_sections() -> set[str]:
    """Home and section pages of every site: where snippets (themes, partners) appear."""
    urls = set()
    for site in Site.objects.select_related("root_page"):
        for page in [site.root_page, *site.root_page.get_children().live()]:
            url = page.get_full_url()
            if url:
                urls.add(url)
    return urls


def retire(urls=lambda: set()) -> None:
    invalidate_all()

    def after_commit():
        invalidate_all()
        if settings.WAGTAILFRONTENDCACHE:
            purge_urls_from_cache(sorted(urls()))

    transaction.on_commit(after_commit)


def _page_changed(sender, instance, instance_before=None, **kwargs):
    # A changed slug leaves the old address behind: page_slug_changed passes the page before.
    old_url = instance_before.get_full_url() if instance_before is not None else None
    retire(lambda: urls_showing(instance, old_url=old_url))


def _page_moved(sender, instance, parent_page_before=None, url_path_after="", **kwargs):
    def urls():
        parent_url = parent_page_before.get_full_url() if parent_page_before else None
        old_url = f"{parent_url}{instance.slug}/" if parent_url else None
        found = urls_showing(instance, old_url=old_url)
        if parent_page_before is not None:
            found |= urls_showing(parent_page_before)
        if old_url:
            # Descendants moved too: their old addresses must not keep serving.
            for descendant in instance.get_descendants().live():
                if descendant.url_path.startswith(url_path_after):
                    found.add(old_url + descendant.url_path[len(url_path_after) :])
        return found

    retire(urls)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        # Compute now: after the delete, the page has no URL to ask for.
        found = urls_showing(instance)
        retire(lambda: found)


def _snippet_changed(sender, instance, raw=False, **kwargs):
    # Connected to every model (registration may come after this connects): only registered
    # snippets (`policyshare.core.content.register_snippet`), sites and locales count.
    if not raw and (sender in (Site, Locale) or sender in snippet_models()):
        retire(urls_of_site_sections)


def _restriction_changed(sender, instance, raw=False, **kwargs):
    # A page made private or public again: it and what lists it must not be served from
    # the caches as they were (`policyshare.core.privacy` keeps whether any page is private).
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    found = urls_showing(page) if page is not None else set()
    retire(lambda: found)


def register_signal_handlers():
    for signal in (page_published, page_unpublished, page_slug_changed):
        signal.connect(_page_changed, dispatch_uid=f"page_cache_{signal}")
    post_page_move.connect(_page_moved, dispatch_uid="page_cache_moved")
    pre_delete.connect(_page_deleted, dispatch_uid="page_cache_deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"page_cache_restriction_{signal}",
        )
    for signal in (post_save, post_delete):
        signal.connect(_snippet_changed, dispatch_uid=f"page_cache_snippet_{signal}")
