"""Reads for feeds, the sitemap and page metadata."""

from django.db.models import Q
from wagtail.models import Page, Site

from policyshare.boards.models import BoardPost
from policyshare.policies.models import PolicyCase, PolicyLibraryPage, Theme

FEED_ITEMS = 30


def library(*, language: str):
    return PolicyLibraryPage.objects.live().filter(locale__language_code=language).first()


def theme(*, language: str, slug: str):
    return Theme.objects.filter(locale__language_code=language, slug=slug).first()


def latest_policies(*, language: str, theme=None) -> list:
    policies = (
        PolicyCase.objects.live()
        .public()
        .filter(locale__language_code=language)
        .select_related("locale")
        .prefetch_related("themes")
        .order_by("-first_published_at", "-pk")
    )
    if theme is not None:
        policies = policies.filter(pk__in=PolicyCase.objects.filter(themes=theme).values("pk"))
    items = list(policies[:FEED_ITEMS])
    for item in items:
        item.feed_themes = list(item.themes.all())
    return items


def latest_posts(*, board=None, language: str | None = None) -> list:
    posts = BoardPost.objects.live().public().select_related("locale")
    if board is not None:
        posts = posts.child_of(board)
    if language is not None:
        posts = posts.filter(locale__language_code=language)
    return list(posts.order_by("-first_published_at", "-pk")[:FEED_ITEMS])


def latest_pages(*, language: str) -> list:
    """The newest policies and posts of a language together, newest first."""
    items = latest_policies(language=language) + latest_posts(language=language)
    items.sort(key=lambda page: (page.first_published_at, page.pk), reverse=True)
    return items[:FEED_ITEMS]


def sitemap_pages(*, site: Site | None) -> list[Page]:
    """Every live, public page of the site in every language, in tree order."""
    pages = Page.objects.live().public().filter(depth__gt=1).select_related("locale")
    if site is not None:
        # The site's root page and its translations (the home page of each language).
        condition = Q(pk__in=[])
        for path in site.root_page.get_translations(inclusive=True).values_list("path", flat=True):
            condition |= Q(path__startswith=path)
        pages = pages.filter(condition)
    return list(pages.order_by("path"))
