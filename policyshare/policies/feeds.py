"""The policy feeds: the policies of a language's library, and those of one theme, as the
library lists them (with the fallback versions of the policies and themes not translated
into that language yet: `PolicyLibraryPage.policies()` and `.themes()`).

Registered in `wagtail_hooks.py` (`policyshare.core.content.feeds` explains the protocol).
"""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import override

from policyshare.core.content.feeds import FEED_ITEMS, FeedSubject, PortalFeed

from .models import PolicyCase, PolicyLibraryPage


def library(*, language: str):
    return PolicyLibraryPage.objects.live().filter(locale__language_code=language).first()


def latest_policies(*, library: PolicyLibraryPage, theme_slug: str = "") -> list:
    policies = library.policies(theme_slug=theme_slug).select_related("locale")
    items = list(policies[:FEED_ITEMS])
    PolicyCase.prepare_feed_items(items)
    return items


def _policies(*, request, language: str) -> FeedSubject:
    found = library(language=language)
    with override(language):
        title = found.title if found else _("Seoul Policies")
    return FeedSubject(
        title=title,
        items=latest_policies(library=found) if found else [],
        link=found.get_full_url(request) if found else None,
    )


def _theme(*, request, language: str, slug: str) -> FeedSubject:
    policies = library(language=language)
    found = policies.theme(slug) if policies else None
    if found is None:
        raise Http404("No such theme.")
    return FeedSubject(
        title=found.name,
        items=latest_policies(library=policies, theme_slug=found.slug),
        link=f"{policies.get_full_url(request)}?theme={found.slug}",
    )


def _theme_slugs(language: str) -> list[dict]:
    policies = library(language=language)
    if policies is None:
        return []
    slugs = policies.themes().values_list("slug", flat=True)
    return [{"slug": slug} for slug in slugs]


POLICIES = PortalFeed(name="policies", route="policies", subject=_policies)
THEME = PortalFeed(
    name="theme", route=r"themes/(?P<slug>[-\w]+)", subject=_theme, variants=_theme_slugs
)
