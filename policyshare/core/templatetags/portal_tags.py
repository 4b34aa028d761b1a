"""Template tags for every public page: languages, navigation and view counts."""

from urllib.parse import urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi
from wagtail.models import Locale, Page, Site

from policyshare.core.fragments import cached_fragment
from policyshare.core.languages import is_rtl
from policyshare.core.privacy import public
from policyshare.core.selectors import view_count_for
from policyshare.translations.selectors import versions_of

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
        compute=lambda: list(public(home.get_children().live()).in_menu()),
    )


def _live_translations(page) -> dict:
    """The page's live versions by language code (itself included), once per render; read
    with the versions the translation notice looks at."""
    return {code: version for code, version in versions_of(page).items() if version.live}


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language that keeps the reader on the same page.

    A language the page is not translated into links to the same path under that
    language's prefix: the router serves the existing version with a notice, never a 404.
    """
    request = context["request"]
    current = get_language()
    if not isinstance(page, Page):
        # Views such as search: the links come from the path alone, with no query, and
        # caching them per query string would only fill the cache.
        return _language_links(request, page, current)
    return cached_fragment(
        "languages",
        request.get_host(),
        request.get_full_path(),
        current,
        page.pk,
        compute=lambda: _language_links(request, page, current),
    )


def _language_links(request, page, current):
    translations = _live_translations(page) if isinstance(page, Page) else {}
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
        compute=lambda: [
            {"code": code, "url": translation.get_full_url(request)}
            for code, translation in _live_translations(page).items()
        ],
    )


@register.simple_tag(takes_context=True)
def available_languages(context, page):
    """The languages the page really exists in, in the site's order, for "Available in"."""
    if not isinstance(page, Page):
        return []
    request = context["request"]
    return cached_fragment(
        "available",
        request.get_host(),
        page.pk,
        compute=lambda: _available_languages(request, page),
    )


def _available_languages(request, page):
    translations = _live_translations(page)
    return [
        {
            "code": code,
            "name": name,
            "url": translations[code].get_url(request),
            "is_shown": code == page.locale.language_code,
        }
        for code, name in settings.LANGUAGES
        if code in translations
    ]


@register.simple_tag
def text_direction_change(language_code: str) -> str:
    """The `dir` for text in `language_code` when it runs against the interface, else ""."""
    direction = is_rtl(language_code)
    if direction == get_language_bidi():
        return ""
    return "rtl" if direction else "ltr"


@register.simple_tag(takes_context=True)
def shown_in_other_language(context, page) -> bool:
    """True when the reader asked for one language and gets the page in another."""
    if not isinstance(page, Page):
        return False
    return page.locale.language_code != get_language()


def _locale_codes(request) -> dict[int, str]:
    """Locale id -> language code, from the fragment cache once per request (lists must not
    query per item; a saved or deleted locale retires it)."""

    def read():
        return cached_fragment(
            "locale_codes", compute=lambda: dict(Locale.objects.values_list("pk", "language_code"))
        )

    if request is None:
        return read()
    if not hasattr(request, "_portal_locale_codes"):
        request._portal_locale_codes = read()
    return request._portal_locale_codes


@register.simple_tag(takes_context=True)
def reader_link(context, page) -> dict:
    """A link to `page` that keeps the reader's language, and the language of its title.

    A French list's item that exists only in English links under /fr/, where the router
    shows it with a notice, instead of switching the whole interface to English. `lang` is
    the item's language when it differs from the interface's, else "".
    """
    request = context.get("request")
    url = page.get_url(request)
    current = get_language()
    code = _locale_codes(request).get(page.locale_id, current)
    if not url or code == current:
        return {"url": url, "lang": ""}
    parts = urlsplit(url)
    prefix = f"/{code}/"
    if parts.path.startswith(prefix):
        url = urlunsplit(parts._replace(path=f"/{current}/" + parts.path[len(prefix) :]))
    return {"url": url, "lang": code}


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
