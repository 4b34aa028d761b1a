"""The events feed of a language: its upcoming events, soonest first, as the section lists
them. Registered in `wagtail_hooks.py` (`policyshare.core.content.feeds`)."""

from django.http import Http404

from policyshare.core.content.feeds import FEED_ITEMS, FeedSubject, PortalFeed

from .models import EventIndexPage
from .selectors import upcoming_events


def _events(*, request, language: str) -> FeedSubject:
    index = EventIndexPage.objects.live().filter(locale__language_code=language).first()
    if index is None:
        raise Http404("No events section in this language.")
    return FeedSubject(
        title=index.title,
        items=upcoming_events(language=language)[:FEED_ITEMS],
        link=index.get_full_url(request),
    )


EVENTS = PortalFeed(name="events", route=r"events", subject=_events)
