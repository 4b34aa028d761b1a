"""RSS 2.0 and Atom feeds: per language, for policies, per theme and per board."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import override

from policyshare.boards.models import BoardIndexPage, BoardKind
from policyshare.home.services import HOME_TITLES

from . import selectors

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@dataclass
class FeedSubject:
    """What one request for a feed is about; Feed instances are shared between requests."""

    request: HttpRequest
    language: str
    title: str
    link: str
    items: list = field(default_factory=list)


def _language(code: str) -> str:
    if code not in LANGUAGE_CODES:
        raise Http404("No such language.")
    return code


def _escaped(text):
    return None if text is None else escape(text)


class TextRssFeed(Rss201rev2Feed):
    """RSS 2.0 whose titles and descriptions carry plain text (every one we publish is).

    RSS cannot say that an element is text, and readers render title and description as
    HTML; so the text is HTML-escaped and markup typed into a title or summary is shown as
    written instead of becoming live in the reader.
    """

    def __init__(self, title, link, description, **kwargs):
        super().__init__(
            title=_escaped(title), link=link, description=_escaped(description), **kwargs
        )

    def add_item(self, title, link, description, **kwargs):
        super().add_item(
            title=_escaped(title), link=link, description=_escaped(description), **kwargs
        )


class TextAtomFeed(Atom1Feed):
    """Atom 1.0 with the summary as type="text" (Django writes it as HTML).

    Titles and subtitles have no type attribute, which in Atom means text (RFC 4287 3.1.1).
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class _PageFeed(Feed):
    feed_type = TextRssFeed

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.link

    def description(self, obj):
        return obj.title

    def feed_url(self, obj):
        return obj.request.build_absolute_uri()

    def __call__(self, request, *args, **kwargs):
        # The feed's <language> is the active language: the content's, not the reader's.
        with override(_language(kwargs.get("language", ""))):
            return super().__call__(request, *args, **kwargs)

    def items(self, obj):
        return obj.items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "summary", "") or item.search_description or item.title

    def item_link(self, item):
        return item.feed_url

    def item_guid(self, item):
        return item.feed_url

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return getattr(item, "writer", "") or None

    def item_categories(self, item):
        return [theme.name for theme in getattr(item, "feed_themes", [])]


def _subject(request, language, title, items, link=None) -> FeedSubject:
    for item in items:
        item.feed_url = item.get_full_url(request)
    site = HOME_TITLES.get(language, settings.WAGTAIL_SITE_NAME)
    return FeedSubject(
        request=request,
        language=language,
        title=f"{title} · {site}" if title else site,
        link=link or request.build_absolute_uri(f"/{language}/"),
        items=items,
    )


class LatestFeed(_PageFeed):
    """Everything newly published in one language: policies and posts."""

    def get_object(self, request, language):
        language = _language(language)
        return _subject(request, language, "", selectors.latest_pages(language=language))


class PolicyFeed(_PageFeed):
    def get_object(self, request, language):
        language = _language(language)
        library = selectors.library(language=language)
        with override(language):
            title = library.title if library else _("Seoul Policies")
        return _subject(
            request,
            language,
            title,
            selectors.latest_policies(language=language),
            link=library.get_full_url(request) if library else None,
        )


class ThemeFeed(_PageFeed):
    def get_object(self, request, language, slug):
        language = _language(language)
        theme = selectors.theme(language=language, slug=slug)
        if theme is None:
            raise Http404("No such theme.")
        library = selectors.library(language=language)
        link = f"{library.get_full_url(request)}?theme={theme.slug}" if library else None
        return _subject(
            request,
            language,
            theme.name,
            selectors.latest_policies(language=language, theme=theme),
            link=link,
        )


class BoardFeed(_PageFeed):
    def get_object(self, request, language, kind):
        language = _language(language)
        if kind not in BoardKind.values:
            raise Http404("No such board.")
        board = BoardIndexPage.objects.live().filter(kind=kind, locale__language_code=language)
        board = board.first()
        if board is None:
            raise Http404("No such board in this language.")
        return _subject(
            request,
            language,
            board.title,
            selectors.latest_posts(board=board),
            link=board.get_full_url(request),
        )


def _atom(feed_class):
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": TextAtomFeed, "subtitle": feed_class.description},
    )


FEEDS = {
    "latest": (LatestFeed(), _atom(LatestFeed)()),
    "policies": (PolicyFeed(), _atom(PolicyFeed)()),
    "theme": (ThemeFeed(), _atom(ThemeFeed)()),
    "board": (BoardFeed(), _atom(BoardFeed)()),
}


def feed_links(*, language: str, name: str, **kwargs) -> list[dict]:
    """The RSS and Atom addresses of one feed, for <link rel="alternate">."""
    return [
        {
            "type": "application/rss+xml",
            "href": reverse(f"feed_{name}_rss", kwargs={"language": language, **kwargs}),
        },
        {
            "type": "application/atom+xml",
            "href": reverse(f"feed_{name}_atom", kwargs={"language": language, **kwargs}),
        },
    ]
