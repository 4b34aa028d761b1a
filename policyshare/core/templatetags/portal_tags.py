"""Template tags for every public page: languages, navigation and view counts."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from policyshare.core.fragments import cached_fragment
from policyshare.core.selectors import view_count_for

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _site_home(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return cached_fragment(
        "home",
        site.pk,
        get_language(),
        compute=lambda: site.root_page.localized.specific,
    )


@register.simple_tag(takes_context=True)
def portal_home(context):
    request = context.get("request")
    return _site_home(request) if request else None


@register.simple_tag(takes_context=True)
def nav_pages(context):
    """The sections in the menu, in the reader's language."""
    request = context.get("request")
    home = _site_home(request) if request else None
    if home is None:
        return []
    # Plain pages: the menu needs only titles and addresses, not each page's own fields.
    return cached_fragment(
        "nav",
        home.pk,
        compute=lambda: list(home.get_children().live().public().in_menu()),
    )


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language that keeps the reader on the same page.

    A language the page is not translated into links to the same path under that
    language's prefix: the router serves the existing version with a notice, never a 404.
    """
    request = context["request"]
    current = get_language()
    return cached_fragment(
        "languages",
        request.get_host(),
        request.get_full_path(),
        current,
        page.pk if isinstance(page, Page) else "",
        compute=lambda: _language_links(request, page, current),
    )


def _language_links(request, page, current):
    translations = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        else:
            url = translate_url(request.get_full_path(), code)
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
    request = context["request"]
    if not isinstance(page, Page):
        return []
    return cached_fragment(
        "alternates",
        request.get_host(),
        request.scheme,
        page.pk,
        compute=lambda: _alternate_links(request, page),
    )


def _alternate_links(request, page):
    links = []
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
        links.append(
            {
                "code": translation.locale.language_code,
                "url": translation.get_full_url(request),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def shown_in_other_language(context, page) -> bool:
    """True when the reader asked for one language and gets the page in another."""
    if not isinstance(page, Page):
        return False
    return page.locale.language_code != get_language()


@register.filter
def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


@register.simple_tag
def view_count(page) -> int:
    return view_count_for(page)


@register.filter
def is_within(page, section) -> bool:
    """True when `page` is `section` or below it (for marking the current menu entry)."""
    if not isinstance(page, Page) or not isinstance(section, Page):
        return False
    return page.path.startswith(section.path)
