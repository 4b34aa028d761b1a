"""Feed contribution of a content type: the RSS and Atom feeds it offers and appears in.

Feeds are named (`latest`, `policies`, `theme`, `board`, …) and registered by the app that
knows their items, through the Wagtail hook `register_portal_feed`: a function returning a
`PortalFeed`. `policyshare.opendata` serves each registered feed in RSS 2.0 and Atom, per
language, at `/feeds/<language>/<route>.rss|.atom` (URL names `feed_<name>_rss|atom`); the
cache purge asks `feed_paths()` for all of them.

The `latest` feed (`policyshare.opendata`) holds the newest pages of every page type whose
`in_latest_feed` is true, the default: a new content type appears in it without a line.
Section and list pages set it to false. A page type can change what its feed entries say
(`feed_item_*`), load what they need in one query (`prepare_feed_items`), and advertise
feeds in its <head> (`feed_links`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from wagtail import hooks

HOOK = "register_portal_feed"
FEED_ITEMS = 30


@dataclass
class FeedSubject:
    """What one feed document is about: its title (the site's name is appended), the page
    it describes (`link`, the language's home page when None) and its items, newest first."""

    title: str
    items: list
    link: str | None = None


def _one_variant(language: str) -> list[dict]:
    return [{}]


@dataclass(frozen=True)
class PortalFeed:
    """A named feed, served in every language.

    `route` is the path after `/feeds/<language>/`, a regular expression whose named groups
    are passed to `subject` (`"boards/(?P<kind>[a-z]+)"`). `subject(request=…, language=…,
    **groups)` returns a `FeedSubject` or raises Http404. `variants(language)` lists the
    groups of every instance of the feed in a language, for the cache purge.
    """

    name: str
    route: str
    subject: Callable[..., FeedSubject]
    variants: Callable[[str], list[dict]] = field(default=_one_variant)


def registered_feeds() -> dict[str, PortalFeed]:
    """The feeds registered through the `register_portal_feed` hook, by name."""
    feeds = {}
    for hook in hooks.get_hooks(HOOK):
        feed = hook()
        feeds[feed.name] = feed
    return feeds


def feed_links(*, language: str, name: str, title: str = "", **kwargs) -> list[dict]:
    """The RSS and Atom addresses of one feed, for <link rel="alternate">."""
    return [
        {
            "type": f"application/{suffix}+xml",
            "href": reverse(f"feed_{name}_{suffix}", kwargs={"language": language, **kwargs}),
            "title": title,
        }
        for suffix in ("rss", "atom")
    ]


def feed_paths() -> list[str]:
    """The path of every instance of every registered feed, in every language."""
    paths = []
    for feed in registered_feeds().values():
        for language, _name in settings.LANGUAGES:
            for kwargs in feed.variants(language):
                paths += [
                    link["href"] for link in feed_links(language=language, name=feed.name, **kwargs)
                ]
    return paths


class FeedContribution:
    """What a page type contributes to feeds. The defaults suit a dated content page."""

    #: Whether the type's pages appear in the `latest` feed of their language.
    in_latest_feed = True

    @classmethod
    def prepare_feed_items(cls, items: list) -> None:
        """Load, in a few queries, what the entries of these pages (all of this type) read."""

    def feed_item_description(self) -> str:
        return getattr(self, "summary", "") or self.search_description or self.title

    def feed_item_author(self) -> str | None:
        return None

    def feed_item_categories(self) -> list[str]:
        return []

    def feed_item_pubdate(self):
        return self.first_published_at

    def feed_item_updateddate(self):
        return self.last_published_at

    def feed_links(self, *, request) -> list[dict]:
        """The feeds the page advertises (`feed_links(...)` of this module): none."""
        return []
