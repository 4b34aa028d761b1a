"""The policy feeds: every policy of a language, and the policies of one theme.

Registered in `wagtail_hooks.py` (`policyshare.core.content.feeds` explains the protocol).
"""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import override

from policyshare.core.content.feeds import FEED_ITEMS, FeedSubject, PortalFeed

from .models import PolicyCase, PolicyLibraryPage, Theme


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
        .order_by("-first_published_at", "-pk")
    )
    if theme is not None:
        policies = policies.filter(pk__in=PolicyCase.objects.filter(themes=theme).values("pk"))
    items = list(policies[:FEED_ITEMS])
    PolicyCase.prepare_feed_items(items)
    return items


def _policies(*, request, language: str) -> FeedSubject:
    found = library(language=language)
    with override(language):
        title = found.title if found else _("Seoul Policies")
    return FeedSubject(
        title=title,
        items=latest_policies(language=language),
        link=found.get_full_url(request) if found else None,
    )


def _theme(*, request, language: str, slug: str) -> FeedSubject:
    found = theme(language=language, slug=slug)
    if found is None:
        raise Http404("No such theme.")
    policies = library(language=language)
    return FeedSubject(
        title=found.name,
        items=latest_policies(language=language, theme=found),
        link=f"{policies.get_full_url(request)}?theme={found.slug}" if policies else None,
    )


def _theme_slugs(language: str) -> list[dict]:
    slugs = Theme.objects.filter(locale__language_code=language).values_list("slug", flat=True)
    return [{"slug": slug} for slug in slugs]


POLICIES = PortalFeed(name="policies", route="policies", subject=_policies)
THEME = PortalFeed(
    name="theme", route=r"themes/(?P<slug>[-\w]+)", subject=_theme, variants=_theme_slugs
)
