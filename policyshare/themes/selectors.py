"""Reads of theme pages: the section's list, a theme page's content in the reader's
language. (Where a theme tag links is decided in `policies.templatetags.policy_tags`.)"""

from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from policyshare.boards.models import BoardPost
from policyshare.core.languages import (
    children_with_fallback,
    fallback_order,
    reader_language,
    translations_with_fallback,
)
from policyshare.core.privacy import public
from policyshare.events.models import EventIndexPage, EventPage
from policyshare.events.selectors import with_dates
from policyshare.policies.models import POLICY_CARD_FIELDS, PolicyCase, PolicyLibraryPage, Theme

from .models import ThemeIndexPage, ThemePage
from .sections import render_sections

POLICIES_SHOWN = 6
EVENTS_SHOWN = 5
POSTS_SHOWN = 5


def theme_listing(*, index: ThemeIndexPage) -> list[ThemePage]:
    """The theme pages a reader of the section's language sees (with the fallback versions
    of those not translated yet), one per theme, in the themes' order; each with
    `theme_shown`, its theme in the section's language (or its fallback)."""
    language = index.locale.language_code
    rank = {code: position for position, code in enumerate(fallback_order(language))}
    pages = sorted(
        children_with_fallback(ThemePage, index).select_related("theme", "locale"),
        key=lambda page: rank.get(page.locale.language_code, len(rank)),
    )
    # Pages written apart in two languages (not as translations) are one theme's pages.
    by_theme = {}
    for page in pages:
        by_theme.setdefault(page.theme.translation_key if page.theme else page.pk, page)
    pages = sorted(
        by_theme.values(),
        key=lambda page: (page.theme.sort_order if page.theme else 0, page.title),
    )
    shown = themes_in_language([page.theme for page in pages if page.theme], language)
    for page in pages:
        page.theme_shown = shown.get(page.theme.translation_key) if page.theme else None
    return pages


def themes_in_language(themes, language: str) -> dict:
    """{translation key: the published version of each theme in `language`, else in its
    first fallback language}, in one query."""
    rank = {code: position for position, code in enumerate(fallback_order(language))}
    versions = (
        Theme.objects.live()
        .filter(translation_key__in={theme.translation_key for theme in themes})
        .select_related("locale")
    )
    shown = {}
    for theme in sorted(versions, key=lambda t: rank.get(t.locale.language_code, len(rank))):
        shown.setdefault(theme.translation_key, theme)
    return shown


def decades(milestones) -> list[dict]:
    """Milestones in year order, grouped by decade: [{"decade": 1970, "label": "1970s",
    "milestones": [...]}, …] (the label in the interface's language)."""
    groups: dict[int, list] = {}
    for milestone in sorted(milestones, key=lambda m: (m.year, m.sort_order or 0, m.pk or 0)):
        groups.setdefault(milestone.decade, []).append(milestone)
    return [
        {
            "decade": decade,
            # Translators: a decade, e.g. "1970s"; decade is a year ending in 0.
            "label": _("%(decade)ss") % {"decade": decade},
            "milestones": items,
        }
        for decade, items in groups.items()
    ]


def _policies_in_language(policies, language: str) -> dict:
    """{translation key: the live, public version of each policy in `language`, else in its
    first fallback language}, in one query."""
    keys = {policy.translation_key for policy in policies}
    if not keys:
        return {}
    rank = {code: position for position, code in enumerate(fallback_order(language))}
    versions = (
        public(PolicyCase.objects.live())
        .filter(translation_key__in=keys)
        .select_related("locale")
        .only("title", "url_path", "locale", "translation_key")
    )
    shown = {}
    for policy in sorted(versions, key=lambda p: rank.get(p.locale.language_code, len(rank))):
        shown.setdefault(policy.translation_key, policy)
    return shown


def _milestones(page: ThemePage, language: str) -> list:
    # Through the page's manager: a preview shows the milestones of the unsaved form.
    milestones = list(page.milestones.select_related("policy", "image"))
    linked = [m.policy for m in milestones if m.policy_id and m.policy is not None]
    shown = _policies_in_language(linked, language)
    for milestone in milestones:
        policy = milestone.policy if milestone.policy_id else None
        milestone.policy_shown = shown.get(policy.translation_key) if policy else None
    return milestones


def _events(*, slug: str, language: str, now=None) -> list:
    index = EventIndexPage.objects.live().filter(locale__language_code=language).first()
    if index is None:
        return []
    now = now or timezone.now()
    events = list(
        with_dates(children_with_fallback(EventPage, index)).filter(themes__slug=slug).distinct()
    )
    upcoming = sorted(
        (e for e in events if e.last_end and e.last_end >= now), key=lambda e: e.first_start
    )
    past = sorted(
        (e for e in events if e.last_end and e.last_end < now),
        key=lambda e: e.first_start,
        reverse=True,
    )
    return (upcoming + past)[:EVENTS_SHOWN]


def _posts(*, slug: str, language: str) -> list:
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    posts = translations_with_fallback(public(BoardPost.objects.live()), locale)
    return list(
        posts.filter(themes__slug=slug)
        .distinct()
        .order_by("-registered_on", "-pk")
        .select_related("locale")[:POSTS_SHOWN]
    )


def _library(language: str):
    return PolicyLibraryPage.objects.live().filter(locale__language_code=language).first()


def theme_page_context(*, page: ThemePage, request) -> dict:
    """What a theme page shows besides its own fields, in the reader's language (the
    interface's, which is not the page's when a fallback version is shown)."""
    language = reader_language()
    theme = page.theme
    slug = theme.slug if theme is not None else page.slug
    theme_shown = (
        themes_in_language([theme], language).get(theme.translation_key) if theme else None
    )
    library = _library(language) or _library(page.locale.language_code)
    policies = []
    library_url = ""
    if library is not None:
        policies = list(
            library.policies(theme_slug=slug).only(*POLICY_CARD_FIELDS)[:POLICIES_SHOWN]
        )
        library_url = library.get_url(request) or ""
    return {
        "theme_shown": theme_shown,
        "indicators": list(page.indicators.all()),
        "decades": decades(_milestones(page, language)),
        "policies": policies,
        "library_theme_url": f"{library_url}?{urlencode({'theme': slug})}" if library_url else "",
        "events": _events(slug=slug, language=language),
        "posts": _posts(slug=slug, language=language),
        "extra_sections": render_sections(page=page, request=request, theme_slug=slug),
    }
