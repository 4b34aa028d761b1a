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


def page_versions(request, page) -> dict:
    """What the language switcher, the hreflang alternates, "Available in" and the
    translation notice need to know of the page's other versions, read once per page.

    `links`: each live version's address on this site and in full, by language code in the
    site's order; `others`: whether any other version exists, live or not. One fragment per
    page and host, so a page no one has asked for yet costs one query (its versions) here.
    """
    if not hasattr(page, "_portal_versions"):
        page._portal_versions = cached_fragment(
            "page-versions",
            request.get_host(),
            request.scheme,
            page.pk,
            compute=lambda: _page_versions(request, page),
        )
    return page._portal_versions


def _page_versions(request, page) -> dict:
    versions = versions_of(page)
    return {
        "links": {
            code: {"url": version.get_url(request), "full_url": version.get_full_url(request)}
            for code, version in versions.items()
            if version.live
        },
        "others": any(version.pk != page.pk for version in versions.values()),
    }


def _with_language_prefix(url: str, old: str, new: str) -> str | None:
    """`url` with the language prefix of its path, `old`, changed to `new`; None when its
    path does not start with `old`'s prefix."""
    parts = urlsplit(url)
    prefix = f"/{old}/"
    if not parts.path.startswith(prefix):
        return None
    return urlunsplit(parts._replace(path=f"/{new}/{parts.path[len(prefix) :]}"))


def _switch_language(request, code: str, current: str) -> str:
    """The request's address under `code`'s prefix, where the router finds the page in the
    reader's fallback order. The usual case, a prefixed path, needs no URL resolving."""
    path = request.get_full_path()
    return _with_language_prefix(path, current, code) or translate_url(path, code)


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language that keeps the reader on the same page.

    A language the page is not translated into links to the same path under that
    language's prefix: the router serves the existing version with a notice, never a 404.
    """
    request = context["request"]
    current = get_language()
    translations = page_versions(request, page)["links"] if isinstance(page, Page) else {}
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]["url"]
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
    links = page_versions(context["request"], page)["links"]
    return [{"code": code, "url": link["full_url"]} for code, link in links.items()]


@register.simple_tag(takes_context=True)
def available_languages(context, page):
    """The languages the page really exists in, in the site's order, for "Available in"."""
    if not isinstance(page, Page):
        return []
    links = page_versions(context["request"], page)["links"]
    return [
        {
            "code": code,
            "name": name,
            "url": links[code]["url"],
            "is_shown": code == page.locale.language_code,
        }
        for code, name in settings.LANGUAGES
        if code in links
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
    return {"url": _with_language_prefix(url, code, current) or url, "lang": code}


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


@register.tag("fragment")
def do_fragment(parser, token):
    """`{% fragment "name" value … %}…{% endfragment %}`: the HTML inside, rendered once per
    language, host and set of values, and kept with the other fragments (retired by any
    editorial change). For the parts every page repeats: the navigation, the footer."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        return cached_fragment(
            f"html:{self.name.resolve(context)}",
            get_language(),
            request.get_host() if request is not None else "",
            *(value.resolve(context) for value in self.vary_on),
            compute=lambda: self.nodelist.render(context),
        )


@register.simple_tag(takes_context=True)
def current_section(context, page, sections):
    """The menu section the page is in (for `aria-current`), or None."""
    if not isinstance(page, Page):
        return None
    return next((s for s in sections if page.path.startswith(s.path)), None)


@register.simple_tag(takes_context=True)
def canonical_url(context, page) -> str:
    """The page's full address, or "" for anything that is not a routable page."""
    if not isinstance(page, Page):
        return ""
    return page.get_full_url(context.get("request")) or ""
