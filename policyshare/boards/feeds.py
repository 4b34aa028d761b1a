"""One feed per board kind: the newest posts of that board in a language, as its page lists
them (with the fallback versions of posts not translated into that language yet).

Registered in `wagtail_hooks.py` (`policyshare.core.content.feeds` explains the protocol).
"""

from django.http import Http404

from policyshare.core.content.feeds import FEED_ITEMS, FeedSubject, PortalFeed

from .models import BoardIndexPage, BoardKind


def _board(*, request, language: str, kind: str) -> FeedSubject:
    if kind not in BoardKind.values:
        raise Http404("No such board.")
    board = BoardIndexPage.objects.live().filter(kind=kind, locale__language_code=language)
    board = board.first()
    if board is None:
        raise Http404("No such board in this language.")
    posts = board.posts().select_related("locale")
    return FeedSubject(
        title=board.title,
        items=list(posts[:FEED_ITEMS]),
        link=board.get_full_url(request),
    )


def _kinds(language: str) -> list[dict]:
    return [{"kind": kind} for kind in BoardKind.values]


BOARD = PortalFeed(name="board", route=r"boards/(?P<kind>[a-z]+)", subject=_board, variants=_kinds)
