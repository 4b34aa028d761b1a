"""Page metadata: feed links, Open Graph and Twitter cards, schema.org JSON-LD."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.models import Page

from policyshare.boards.models import BoardIndexPage, BoardKind, BoardPost
from policyshare.home.models import HomePage
from policyshare.home.services import HOME_TITLES
from policyshare.opendata import selectors
from policyshare.opendata.feeds import feed_links
from policyshare.policies.models import PolicyCase, PolicyLibraryPage

register = template.Library()

OG_LOCALES = {"ko": "ko_KR", "en": "en_US"}
# json.dumps leaves these as they are; inside <script> they could end the element early.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _description(page) -> str:
    text = (
        page.search_description
        or getattr(page, "summary", "")
        or getattr(page, "introduction", "")
        or getattr(page, "headline", "")
        or page.title
    )
    return Truncator(" ".join(str(text).split())).chars(300)


@register.simple_tag(takes_context=True)
def page_feeds(context, page):
    """The feeds a page advertises: the language's latest on the home page, the policy feed
    (and the chosen theme's) on the library, the board's feed on a board."""
    if not isinstance(page, Page):
        return []
    page = page.specific_deferred if type(page) is Page else page
    language = page.locale.language_code
    request = context.get("request")
    links = []
    if isinstance(page, HomePage):
        links += _titled(feed_links(language=language, name="latest"), page.title)
        library = selectors.library(language=language)
        if library is not None:
            links += _titled(feed_links(language=language, name="policies"), library.title)
    elif isinstance(page, PolicyLibraryPage):
        links += _titled(feed_links(language=language, name="policies"), page.title)
        slug = request.GET.get("theme", "") if request else ""
        theme = selectors.theme(language=language, slug=slug[:100]) if slug else None
        if theme is not None:
            links += _titled(
                feed_links(language=language, name="theme", slug=theme.slug), theme.name
            )
    elif isinstance(page, BoardIndexPage):
        links += _titled(feed_links(language=language, name="board", kind=page.kind), page.title)
    return links


def _titled(links, title):
    return [{**link, "title": title} for link in links]


@register.simple_tag(takes_context=True)
def page_metadata(context, page):
    """Open Graph and Twitter card values for a page."""
    if not isinstance(page, Page):
        return None
    request = context.get("request")
    language = page.locale.language_code
    article = isinstance(page, (PolicyCase, BoardPost))
    return {
        "type": "article" if article else "website",
        "title": page.seo_title or page.title,
        "description": _description(page),
        "url": page.get_full_url(request),
        "site_name": HOME_TITLES.get(language, settings.WAGTAIL_SITE_NAME),
        "locale": OG_LOCALES.get(language, language),
        "published": page.first_published_at if article else None,
        "modified": page.last_published_at if article else None,
    }


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """A <script type="application/ld+json"> element: data, never executed."""
    if not isinstance(page, Page):
        return ""
    data = json_ld(page, request=context.get("request"))
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


def _publisher(language: str) -> dict:
    names = settings.OPEN_DATA_PUBLISHER["name"]
    return {
        "@type": "GovernmentOrganization",
        "name": names.get(language) or next(iter(names.values())),
        "url": settings.OPEN_DATA_PUBLISHER["url"],
    }


def json_ld(page, *, request) -> dict:
    """schema.org data for a page (docs/open-data.md explains the types)."""
    language = page.locale.language_code
    url = page.get_full_url(request)
    common = {
        "@context": "https://schema.org",
        "url": url,
        "inLanguage": language,
        "description": _description(page),
    }
    if isinstance(page, HomePage):
        return {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "WebSite",
                    "name": page.title,
                    "url": url,
                    "inLanguage": language,
                    "publisher": _publisher(language),
                },
                _publisher(language),
            ],
        }
    if isinstance(page, PolicyCase):
        end = page.period_end_year or ".."
        data = {
            **common,
            "@type": "Article",
            "headline": Truncator(page.title).chars(110),
            "datePublished": page.first_published_at,
            "dateModified": page.last_published_at,
            "temporalCoverage": f"{page.period_start_year}/{end}",
            "keywords": [theme.name for theme in page.theme_list],
            "publisher": _publisher(language),
            "mainEntityOfPage": url,
        }
        if page.department:
            data["sourceOrganization"] = {
                "@type": "GovernmentOrganization",
                "name": page.department,
            }
        if page.writer:
            data["author"] = {"@type": "Person", "name": page.writer}
        return data
    if isinstance(page, BoardPost):
        kind = page.board_kind()
        data = {
            **common,
            "@type": "Report" if kind == BoardKind.REPORT else "NewsArticle",
            "headline": Truncator(page.title).chars(110),
            "datePublished": page.registered_on,
            "dateModified": page.last_published_at,
            "publisher": _publisher(language),
            "mainEntityOfPage": url,
        }
        data["author"] = (
            {"@type": "Person", "name": page.writer} if page.writer else _publisher(language)
        )
        if page.original_url:
            data["isBasedOn"] = page.original_url
        if page.source_outlet:
            data["sourceOrganization"] = {"@type": "Organization", "name": page.source_outlet}
        return data
    page_type = (
        "CollectionPage" if isinstance(page, (PolicyLibraryPage, BoardIndexPage)) else ("WebPage")
    )
    return {**common, "@type": page_type, "name": page.title, "publisher": _publisher(language)}
