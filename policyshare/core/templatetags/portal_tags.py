"""Template tags for every public page: navigation, reader links, text direction, view counts,
download links.

The language switcher and the hreflang alternates read the page's versions and live in
`translations`' `translation_tags`.
"""

import datetime
import unicodedata
from typing import NamedTuple

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi
from wagtail.models import Locale, Page, Site

from policyshare.core.fragments import cached_fragment
from policyshare.core.languages import children_with_fallback, is_rtl, with_language_prefix
from policyshare.core.models import StandardPage
from policyshare.core.pagination import page_links as _page_links
from policyshare.core.routing import subpage_path
from policyshare.core.selectors import view_count_for
from policyshare.core.site_pages import FOOTER_PAGE_SLUGS

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
    # The home page's children marked "Show in menus", in tree order; in a partial language
    # (French, …) a page not translated yet is there in its fallback language, as in lists.
    return cached_fragment(
        "nav",
        home.pk,
        compute=lambda: list(children_with_fallback(Page, home).in_menu().order_by("path")),
    )


@register.simple_tag(takes_context=True)
def footer_pages(context) -> dict:
    """The privacy notice, accessibility statement and licence pages, by slug, in the
    reader's language or its fallback; a missing one is left out.

    Read inside the footer's cached fragment: once per language, not per request.
    """
    request = context.get("request")
    home = _site_home(request) if request else None
    if home is None:
        return {}
    pages = children_with_fallback(StandardPage, home).filter(slug__in=FOOTER_PAGE_SLUGS)
    found = {}
    # A page in the reader's own language wins over a fallback version of it.
    for page in pages.select_related("locale"):
        if page.slug not in found or page.locale_id == home.locale_id:
            found[page.slug] = page
    return found


@register.simple_tag
def text_direction_change(language_code: str) -> str:
    """The `dir` for text in `language_code` when it runs against the interface, else ""."""
    direction = is_rtl(language_code)
    if direction == get_language_bidi():
        return ""
    return "rtl" if direction else "ltr"


@register.simple_tag(takes_context=True)
def content_lang(context, source) -> str:
    """` lang="…" dir="…"` for an element holding content in `source`'s language when that is
    not the interface's language, else "".

    `source` is a page, a translatable snippet (anything with a `locale_id`) or a language code.
    Every template that shows content (titles, summaries, bodies, names, snippets) puts this on
    the element around it, so that English shown on an Arabic page is marked English and runs
    left to right (WCAG 3.1.2), and a check can tell content from interface by its `lang`.
    `dir` is always given with `lang`: on an inline element it also isolates the text from
    the punctuation around it.
    """
    code = content_language(context, source)
    if not code or code == get_language():
        return ""
    return format_html(' lang="{}" dir="{}"', code, "rtl" if is_rtl(code) else "ltr")


@register.simple_tag(takes_context=True)
def isolate(context, text, source=None) -> str:
    """`text` in a `<bdi>` (marked with `source`'s language when that is not the interface's):
    a content name inside an interface sentence, kept whole whatever its direction."""
    return format_html("<bdi{}>{}</bdi>", content_lang(context, source), text)


def content_language(context, source) -> str:
    """The language code of `source` (a page, a snippet or a code), or "" when unknown."""
    if source is None or source == "":
        return ""
    if isinstance(source, str):
        return source
    locale_id = getattr(source, "locale_id", None)
    if locale_id is None:
        return ""
    request = context.get("request")
    if request is not None:
        return _locale_codes(request).get(locale_id, "")
    # HTML rendered outside a request (a cached fragment): once per render, not per item.
    if "portal_locale_codes" not in context.render_context:
        context.render_context["portal_locale_codes"] = _locale_codes(None)
    return context.render_context["portal_locale_codes"].get(locale_id, "")


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
    return {"url": with_language_prefix(url, code, current) or url, "lang": code}


@register.filter(expects_localtime=True)
def iso(value, form: str = "date") -> str:
    """A date or datetime (in the current time zone, as `|date` shows it) in ISO 8601: "date"
    2026-11-27 (`|date:"Y-m-d"`), "datetime" 2026-11-27T09:30:00+0900
    (`|date:"Y-m-d\\TH:i:sO"`), "full" as `|date:"c"`; "" for anything else, as `|date`.

    `|date` looks its format up among the localised formats and builds a formatter for every
    value: about 30 µs, and a policy page shows eight dates. This writes the same text in a
    tenth of that."""
    if not isinstance(value, datetime.date):
        return ""
    if form == "full":
        return value.isoformat()
    day = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if form == "datetime" and isinstance(value, datetime.datetime):
        offset = value.utcoffset()
        if offset is None:  # naive: `|date` reads it in the current time zone
            return dateformat.format(value, "Y-m-d\\TH:i:sO")
        seconds = int(offset.total_seconds())
        sign, seconds = "-" if seconds < 0 else "+", abs(seconds)
        return f"{day}T{value:%H:%M:%S}{sign}{seconds // 3600:02d}{seconds // 60 % 60:02d}"
    return day


@register.filter
def language_direction(code: str) -> str:
    """ "rtl" or "ltr": for a language's name written in that language (the switchers)."""
    return "rtl" if is_rtl(code) else "ltr"


@register.filter
def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


ELLIPSIS = "…"
# Where a text without spaces (Chinese) may be cut: after its punctuation.
CJK_BREAKS = set("。，、；：！？）」』】")
# A cut this far back from the limit at most, to end on a word or a clause.
BACKTRACK = 0.4


def _width(character: str) -> int:
    """Columns a character fills: Hangul, kana and Han fill two, like two Latin letters."""
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


@register.filter
def truncate_words_at(text, limit) -> str:
    """`text` cut to about `limit` columns at a word boundary, with an ellipsis.

    Wide (CJK) characters count two columns, so a Korean or Chinese summary fills the card
    as an English one does. The cut falls on a space (Korean, Arabic, English); failing
    one near the limit, after Chinese punctuation or between two wide characters (Chinese
    breaks between any two); a single word longer than the limit is cut inside it.
    """
    text = " ".join(str(text or "").split())
    limit = int(limit)
    widths = [_width(character) for character in text]
    if sum(widths) <= limit:
        return text
    budget, used, cut = limit - 1, 0, 0  # one column for the ellipsis
    while cut < len(text) and used + widths[cut] <= budget:
        used += widths[cut]
        cut += 1
    earliest = int(cut * (1 - BACKTRACK))
    if text[cut].isspace():
        end = cut
    elif (space := text.rfind(" ", 0, cut)) >= earliest:
        end = space
    elif (punctuation := _last_cjk_break(text, earliest, cut)) is not None:
        end = punctuation + 1
    elif cut > 0 and widths[cut - 1] == 2 and widths[cut] == 2:
        end = cut
    elif (space := text.rfind(" ", 0, cut)) > 0:
        end = space
    else:
        end = cut
    return text[:end].rstrip(" ,;:–—-，、；：") + ELLIPSIS


def _last_cjk_break(text: str, start: int, end: int) -> int | None:
    for index in range(end - 1, start - 1, -1):
        if text[index] in CJK_BREAKS:
            return index
    return None


@register.simple_tag
def view_count(page) -> int:
    return view_count_for(page)


@register.filter
def download_url(document) -> str:
    """The public link of a Wagtail document: through `core.views.document_download`, which
    counts the download (for /admin/analytics/) and redirects to the file."""
    return reverse("document_download", args=[document.pk, document.filename])


@register.filter
def is_within(page, section) -> bool:
    """True when `page` is `section` or below it (for marking the current menu entry)."""
    if not isinstance(page, Page) or not isinstance(section, Page):
        return False
    return page.path.startswith(section.path)


@register.tag("fragment")
def do_fragment(parser, token):
    """`{% fragment "name" value … [short_lived] %}…{% endfragment %}`: the HTML inside,
    rendered once per language, host and set of values, and kept with the other fragments
    (retired by any editorial change). For the parts every page repeats (the navigation, the
    footer) and the sections of a page no one asked for yet that do not depend on its query
    string (the home page's lists, a policy list's cards). `short_lived` (last): the HTML
    shows what changes without an editorial change (view counts, a translation's record),
    so it is kept at most `SHORT_FRAGMENT_SECONDS`, as long as a page in the page cache.
    What the HTML shows is read while it renders, so give the template lazy values
    (`SimpleLazyObject`): a kept fragment then reads nothing. Wagtail's previews render
    it afresh and keep nothing."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name")
    short_lived = bits[-1] == "short_lived"
    if short_lived:
        bits = bits[:-1]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist,
        parser.compile_filter(bits[1]),
        [parser.compile_filter(b) for b in bits[2:]],
        short_lived=short_lived,
    )


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, *, short_lived=False):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.short_lived = short_lived

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):
            # Wagtail's preview (`request.is_preview`): an unsaved page, whose HTML must
            # neither come from the fragments nor go into them.
            return self.nodelist.render(context)
        return cached_fragment(
            f"html:{self.name.resolve(context)}",
            get_language(),
            request.get_host() if request is not None else "",
            *(value.resolve(context) for value in self.vary_on),
            compute=lambda: self.nodelist.render(context),
            seconds=settings.SHORT_FRAGMENT_SECONDS if self.short_lived else None,
        )


class NavSection(NamedTuple):
    """What finding the current menu section needs of a section (`current_section_id`)."""

    pk: int
    path: str
    depth: int
    slug: str


@register.simple_tag(takes_context=True)
def current_section_id(context, page) -> int | None:
    """The id of the menu section the page is in (`current_section`), which the cached menu
    is kept under (base.html). Found from the sections' paths and slugs alone, kept with the
    fragments per site and language: a page whose menu is cached unpickles no page."""
    request = context.get("request")
    if not isinstance(page, Page) or request is None:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    sections = cached_fragment(
        "nav-sections",
        site.pk,
        get_language(),
        compute=lambda: [NavSection(s.pk, s.path, s.depth, s.slug) for s in nav_pages(context)],
    )
    found = current_section(context, page, sections)
    return found.pk if found is not None else None


@register.simple_tag(takes_context=True)
def current_section(context, page, sections):
    """The menu section the page is in (for `aria-current`), or None. `sections`: pages, or
    anything with their `path`, `depth` and `slug`."""
    if not isinstance(page, Page):
        return None
    found = next((s for s in sections if page.path.startswith(s.path)), None)
    if found is not None:
        return found
    # A page shown in a fallback language lives under another home page: its section is the
    # one with the same slug there (sections keep their slug in every language).
    segments = page.url_path.strip("/").split("/")
    return next(
        (s for s in sections if len(segments) > s.depth - 2 and segments[s.depth - 2] == s.slug),
        None,
    )


@register.simple_tag(takes_context=True)
def canonical_url(context, page) -> str:
    """The page's full address (with the sub-page a routable page serves), or "" for
    anything that is not a page."""
    if not isinstance(page, Page):
        return ""
    request = context.get("request")
    url = page.get_full_url(request)
    return url + subpage_path(request, page) if url else ""


@register.filter
def page_links(page_obj) -> list[dict]:
    """The pages the pagination shows (`policyshare.core.pagination.page_links`)."""
    return _page_links(page_obj)
