"""Reads for the feeds and the sitemap, across every page type."""

from collections import defaultdict

from django.db.models import Q
from wagtail.models import Locale, Page, Site, get_page_models

from policyshare.core.content.feeds import FEED_ITEMS, FeedContribution
from policyshare.core.languages import translations_with_fallback


def latest_feed_types() -> list[type[Page]]:
    """The page types that declare themselves part of the `latest` feed."""
    return [
        model
        for model in get_page_models()
        if issubclass(model, FeedContribution) and model.in_latest_feed
    ]


def latest_pages(*, language: str) -> list:
    """The newest pages of a language in the `latest` feed, of every type, newest first,
    with the fallback versions of the pages not translated into it yet."""
    models = latest_feed_types()
    if not models:
        return []
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    # As the language's lists show them: its own pages and the fallback versions of the
    # ones not translated into it yet (`policyshare.core.languages`).
    pages = translations_with_fallback(
        Page.objects.live().public().exact_type(*models), locale
    ).order_by("-first_published_at", "-pk")
    items = list(pages[:FEED_ITEMS].specific())
    by_type = defaultdict(list)
    for item in items:
        by_type[type(item)].append(item)
    for model, of_type in by_type.items():
        model.prepare_feed_items(of_type)
    return items


def sitemap_pages(*, site: Site | None) -> list[Page]:
    """Every live, public page of the site in every language, in tree order, each of its own
    type (without its own fields: `get_sitemap_urls` reads the page's)."""
    pages = Page.objects.live().public().filter(depth__gt=1).select_related("locale")
    if site is not None:
        # The site's root page and its translations (the home page of each language).
        condition = Q(pk__in=[])
        for path in site.root_page.get_translations(inclusive=True).values_list("path", flat=True):
            condition |= Q(path__startswith=path)
        pages = pages.filter(condition)
    found = []
    for page in pages.order_by("path"):
        # Of its own type without a query; the locale read with it stays (the alternates
        # need it, and a deferred specific page would fetch it once per page).
        specific = page.specific_deferred
        specific.locale = page.locale
        found.append(specific)
    return found
