"""What a reader is told about the versions of the page in front of them: the language
switcher, the hreflang alternates, "Available in", and the translation notice.

These tags live here, not in `core`'s `portal_tags`, because they read the page's versions
through this app's selectors, and `core` imports no app above it (docs/development.md).
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from policyshare.core.fragments import cached_fragment
from policyshare.core.languages import with_language_prefix
from policyshare.core.routing import subpage_path
from policyshare.translations.selectors import translation_state, versions_of

register = template.Library()


def page_versions(request, page) -> dict:
    """What the language switcher, the hreflang alternates, "Available in" and the
    translation notice need to know of the page's other versions, read once per page.

    `links`: each live version's address on this site and in full, by language code in the
    site's order; `others`: whether any other version exists, live or not. One fragment per
    page and host, so a page no one has asked for yet costs one query (its versions) here,
    and none when routing read with it that it has no other version.
    """
    if not hasattr(page, "_portal_versions"):
        if getattr(page, "other_versions_exist", True):
            page._portal_versions = cached_fragment(
                "page-versions",
                request.get_host(),
                request.scheme,
                page.pk,
                compute=lambda: _page_versions(request, page),
            )
        else:
            # Read with the page: it has no other version (`core.selectors.read_page`), so
            # its versions are itself, and neither the database nor the fragments are asked.
            versions = {page.locale.language_code: page}
            page._portal_versions = _page_versions(request, page, versions)
    return page._portal_versions


def _page_versions(request, page, versions=None) -> dict:
    """`versions`: the page's versions by language code, when known without reading them."""
    if versions is None:
        versions = versions_of(page)
    return {
        "links": {
            code: {"url": version.get_url(request), "full_url": version.get_full_url(request)}
            for code, version in versions.items()
            if version.live
        },
        "others": any(version.pk != page.pk for version in versions.values()),
    }


def _switch_language(request, code: str, current: str) -> str:
    """The request's address under `code`'s prefix, where the router finds the page in the
    reader's fallback order. The usual case, a prefixed path, needs no URL resolving."""
    path = request.get_full_path()
    return with_language_prefix(path, current, code) or translate_url(path, code)


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language that keeps the reader on the same page.

    A language the page is not translated into links to the same path under that
    language's prefix: the router serves the existing version with a notice, never a 404.
    """
    request = context["request"]
    current = get_language()
    translations = page_versions(request, page)["links"] if isinstance(page, Page) else {}
    # A routable page's sub-page (a city below the cities section) is the same sub-page in
    # every version of the section.
    suffix = subpage_path(request, page)
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]["url"] + suffix
        else:
            url = _switch_language(request, code, current)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "available": code in translations or not isinstance(page, Page),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def alternate_links(context, page):
    """hreflang alternates: only languages the page really exists in."""
    if not isinstance(page, Page):
        return []
    request = context["request"]
    links = page_versions(request, page)["links"]
    suffix = subpage_path(request, page)
    return [{"code": code, "url": link["full_url"] + suffix} for code, link in links.items()]


@register.simple_tag(takes_context=True)
def available_languages(context, page):
    """The languages the page really exists in, in the site's order, for "Available in"."""
    if not isinstance(page, Page):
        return []
    request = context["request"]
    links = page_versions(request, page)["links"]
    suffix = subpage_path(request, page)
    return [
        {
            "code": code,
            "name": name,
            "url": links[code]["url"] + suffix,
            "is_shown": code == page.locale.language_code,
        }
        for code, name in settings.LANGUAGES
        if code in links
    ]


@register.simple_tag(takes_context=True)
def has_other_versions(context, page) -> bool:
    """False when the page has no other version, so that it can be no one's translation:
    its translation notice is then empty, and not even looked for in the fragments
    (includes/translation_notice.html). The versions are those the language links read."""
    if not isinstance(page, Page):
        return False
    request = context.get("request")
    return request is None or page_versions(request, page)["others"]


@register.simple_tag(takes_context=True)
def reader_translation_notice(context, page):
    """The page's translation state when readers should hear about it, else None:
    parts still in the source language, or machine-translated text not yet reviewed."""
    if not isinstance(page, Page):
        return None
    request = context.get("request")
    if request is not None and not page_versions(request, page)["others"]:
        return None  # no other version to be a translation of
    state = translation_state(page, cached=True)
    if state is None or not (state.is_partial or state.machine_fields):
        return None
    return state
