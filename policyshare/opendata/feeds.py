"""RSS 2.0 and Atom feeds: every feed registered with `policyshare.core.content.feeds`, per
language. The `latest` feed is this app's: the newest pages of every type that is part of it."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import override
from wagtail.models import Locale

from policyshare.core.content.feeds import FeedContribution, FeedSubject, PortalFeed
from policyshare.core.content.metadata import site_name
from policyshare.core.languages import with_language_prefix

from . import selectors

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


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


class PageFeed(Feed):
    """One registered feed in RSS; `AtomPageFeed` in Atom. Instances are shared between
    requests: what a request is about is the object `get_object` returns."""

    feed_type = TextRssFeed

    def __init__(self, feed: PortalFeed):
        self.feed = feed

    def get_object(self, request, language, **kwargs):
        subject = self.feed.subject(request=request, language=_language(language), **kwargs)
        return _prepared(request, language, subject)

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
        if isinstance(item, FeedContribution):
            return item.feed_item_description()
        return item.search_description or item.title

    def item_link(self, item):
        return item.feed_url

    def item_guid(self, item):
        return item.feed_url

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        if isinstance(item, FeedContribution):
            return item.feed_item_pubdate()
        return item.first_published_at

    def item_updateddate(self, item):
        if isinstance(item, FeedContribution):
            return item.feed_item_updateddate()
        return item.last_published_at

    def item_author_name(self, item):
        return item.feed_item_author() if isinstance(item, FeedContribution) else None

    def item_categories(self, item):
        return item.feed_item_categories() if isinstance(item, FeedContribution) else []


class AtomPageFeed(PageFeed):
    feed_type = TextAtomFeed
    subtitle = PageFeed.description


@dataclass
class PreparedSubject:
    """A feed subject with what the Feed methods read: the request and the full title."""

    request: HttpRequest
    title: str
    link: str
    items: list


def _prepared(request, language: str, subject: FeedSubject) -> PreparedSubject:
    codes = dict(Locale.objects.values_list("pk", "language_code")) if subject.items else {}
    for item in subject.items:
        # As the page that advertises the feed links it: an item shown from a fallback
        # language stays under the feed's language prefix, where the router serves it with
        # a notice (`reader_link` in `policyshare.core.templatetags.portal_tags`).
        url = item.get_full_url(request)
        item_language = codes.get(item.locale_id, language)
        if item_language != language:
            url = with_language_prefix(url, item_language, language) or url
        item.feed_url = url
    site = site_name(language)
    return PreparedSubject(
        request=request,
        title=f"{subject.title} · {site}" if subject.title else site,
        link=subject.link or request.build_absolute_uri(f"/{language}/"),
        items=subject.items,
    )


def _latest(*, request, language: str) -> FeedSubject:
    return FeedSubject(title="", items=selectors.latest_pages(language=language))


# Everything newly published in one language, of every type that is part of it.
LATEST = PortalFeed(name="latest", route="latest", subject=_latest)
