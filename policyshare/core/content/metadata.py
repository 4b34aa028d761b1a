"""Metadata and JSON-LD contribution of a content type: Open Graph and schema.org.

Every public page carries Open Graph and Twitter card values and one schema.org JSON-LD
block (`policyshare.opendata.templatetags.opendata_tags` renders them from this protocol).
The defaults describe a plain web page: Open Graph type "website", a schema.org `WebPage`
whose description is the page's search description, summary or introduction. A page type
changes what differs:

- `open_graph_type = "article"`: dated content; Open Graph then carries the first and last
  publication dates (`open_graph_dates` to use others);
- `json_ld_type`: the schema.org type of the default block (`CollectionPage` for a list);
- `json_ld(request=...)`: the whole block, for richer data (start from `json_ld_common`).
"""

import unicodedata

from django.conf import settings
from django.utils.text import Truncator

OG_LOCALES = {"ko": "ko_KR", "en": "en_US"}
DESCRIPTION_FIELDS = ("search_description", "summary", "introduction", "headline")


def site_name(language: str) -> str:
    """The portal's name in a language (og:site_name, feed titles)."""
    return settings.SITE_NAMES.get(language, settings.WAGTAIL_SITE_NAME)


def publisher(language: str) -> dict:
    """The organisation that publishes the portal, as schema.org data."""
    names = settings.OPEN_DATA_PUBLISHER["name"]
    return {
        "@type": "GovernmentOrganization",
        # A language without its own name takes the English one, then any: never the Korean
        # name on a French page when English exists.
        "name": names.get(language) or names.get("en") or next(iter(names.values())),
        "url": settings.OPEN_DATA_PUBLISHER["url"],
    }


def headline(title: str) -> str:
    """A title cut to the 110 characters search engines show of an article's headline."""
    return _cut(title, 110)


def _cut(text: str, limit: int) -> str:
    """`Truncator(text).chars(limit)`, without its walk over every character when the text
    (normalised as Truncator normalises it) is short enough to keep whole."""
    normalized = unicodedata.normalize("NFC", str(text))
    if len(normalized) <= limit:
        return normalized
    return Truncator(text).chars(limit)


def description(page) -> str:
    """The first of the page's search description, summary, introduction or headline that is
    filled in, else its title; on one line, at most 300 characters."""
    text = next(
        (value for name in DESCRIPTION_FIELDS if (value := getattr(page, name, ""))), page.title
    )
    return _cut(" ".join(str(text).split()), 300)


def open_graph(page, *, request) -> dict:
    """Open Graph and Twitter card values of a page; a page without the protocol is a plain
    web page."""
    language = page.locale.language_code
    if isinstance(page, MetadataContribution):
        kind, text, (published, modified) = (
            page.open_graph_type,
            page.metadata_description(),
            page.open_graph_dates(),
        )
    else:
        kind, text, published, modified = "website", description(page), None, None
    return {
        "type": kind,
        "title": page.seo_title or page.title,
        "description": text,
        "url": page.get_full_url(request),
        "site_name": site_name(language),
        "locale": OG_LOCALES.get(language, language),
        "published": published,
        "modified": modified,
    }


def json_ld(page, *, request) -> dict:
    """schema.org data of a page; a page without the protocol is a plain `WebPage`."""
    if isinstance(page, MetadataContribution):
        return page.json_ld(request=request)
    return _web_page(page, request=request, json_ld_type="WebPage", text=description(page))


def _common(page, *, request, text: str) -> dict:
    return {
        "@context": "https://schema.org",
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "description": text,
    }


def _web_page(page, *, request, json_ld_type: str, text: str) -> dict:
    return {
        **_common(page, request=request, text=text),
        "@type": json_ld_type,
        "name": page.title,
        "publisher": publisher(page.locale.language_code),
    }


class MetadataContribution:
    """What a page type says about itself to search engines and link previews."""

    #: Open Graph type: "website", or "article" for dated content.
    open_graph_type = "website"
    #: schema.org type of the default JSON-LD block.
    json_ld_type = "WebPage"

    def metadata_description(self) -> str:
        return description(self)

    def open_graph_dates(self) -> tuple:
        """(published, modified): article:published_time and article:modified_time."""
        if self.open_graph_type != "article":
            return None, None
        return self.first_published_at, self.last_published_at

    def json_ld_common(self, *, request) -> dict:
        """What every block says: context, address, language and description."""
        return _common(self, request=request, text=self.metadata_description())

    def json_ld(self, *, request) -> dict:
        return _web_page(
            self, request=request, json_ld_type=self.json_ld_type, text=self.metadata_description()
        )
