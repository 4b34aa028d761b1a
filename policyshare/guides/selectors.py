"""Reads of guides: the section's list, a guide's chapters, and the guides of a theme."""

from collections import Counter

from django.db.models import Prefetch, Q
from wagtail.models import Locale

from policyshare.core.languages import children_with_fallback, translations_with_fallback
from policyshare.core.privacy import public
from policyshare.policies.models import Theme

from .models import GuideChapterPage, GuideIndexPage, GuidePage


def guide_chapters(guide: GuidePage) -> list[GuideChapterPage]:
    """A guide's live, public chapters in the order of the page tree (an editor orders
    them by dragging in the page explorer)."""
    return list(public(GuideChapterPage.objects.live().child_of(guide)).order_by("path"))


def _with_counts(guides: list[GuidePage]) -> list[GuidePage]:
    """Each guide with `chapter_total`: its live, public chapters, in one query for all."""
    if not guides:
        return guides
    condition = Q(pk__in=[])
    for guide in guides:
        condition |= Q(path__startswith=guide.path, depth=guide.depth + 1)
    counts = Counter(
        path[: guides[0].steplen * (depth - 1)]
        for path, depth in public(GuideChapterPage.objects.live())
        .filter(condition)
        .values_list("path", "depth")
    )
    for guide in guides:
        guide.chapter_total = counts[guide.path]
    return guides


def _listed(guides) -> list[GuidePage]:
    guides = guides.select_related("locale").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.live().select_related("locale"))
    )
    ordered = sorted(
        guides,
        key=lambda guide: (guide.publication_date or guide.first_published_at.date(), guide.pk),
        reverse=True,
    )
    return _with_counts(ordered)


def guide_listing(*, index: GuideIndexPage) -> list[GuidePage]:
    """The guides of a section, newest first, with the fallback versions of those not
    translated into its language; each has `chapter_total`."""
    return _listed(children_with_fallback(GuidePage, index))


def guides_for_theme(*, language: str, theme_slug: str) -> list[GuidePage]:
    """The live, public guides of a theme in `language`, with the fallback versions of those
    not translated into it, newest first; each has `chapter_total`."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    guides = translations_with_fallback(public(GuidePage.objects.live()), locale)
    # Narrowed after the fallback (see translations_with_fallback): theme slugs are the same
    # in every language.
    return _listed(guides.filter(themes__slug=theme_slug).distinct())
