"""What the home page shows. Query count is fixed: it does not grow with the content."""

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.images import get_image_model
from wagtail.models import Locale

from policyshare.boards.models import BoardIndexPage, BoardPost
from policyshare.core.fragments import cached_fragment
from policyshare.core.languages import (
    children_with_fallback,
    is_complete_language,
    snippets_with_fallback,
)
from policyshare.core.privacy import public
from policyshare.core.selectors import with_view_counts
from policyshare.events.models import EventIndexPage
from policyshare.events.selectors import upcoming_events
from policyshare.partners.models import Partner
from policyshare.policies.models import (
    POLICY_CARD_FIELDS,
    PolicyCase,
    PolicyLibraryPage,
    Theme,
)

FEATURED_POLICIES = 6
HOME_EVENTS = 3
# Kept in the fragment beside the ones shown, so an event that ends while the fragment is
# cached (an hour at most) gives its place to the next one.
SPARE_EVENTS = 3
POSTS_PER_BOARD = 4
# The home page reads the newest posts of all boards together, this many times a board's
# share, before reading a board that has fewer than its share among them on its own.
NEWEST_SHARE = 2
# What a post row shows (includes/post_row.html) and its link needs, and the tree path that
# names its board; fewer columns make the ORM's SQL cheaper to build.
POST_ROW_FIELDS = (
    "title",
    "url_path",
    "path",
    "locale",
    "registered_on",
    "writer",
    "source_outlet",
)


def policy_library(home):
    """The home page's policy library (there is at most one), with its locale."""
    return PolicyLibraryPage.objects.child_of(home).select_related("locale").first()


def featured_policies(home, library):
    """Featured policies first, newest first, then the newest of the others.

    Two short reads rather than one sort on `is_featured` (a column of the policy table)
    and `first_published_at` (of the page table): such a sort spans both tables, so the
    database joined and sorted every policy of the library to keep six. The featured ones
    are a few rows (a partial index); the newest others come in the order of the page
    table's index on `first_published_at`, and the second read is skipped when enough
    policies are featured.
    """
    if library is None:
        return []
    policies = with_view_counts(
        children_with_fallback(PolicyCase, library).only(*POLICY_CARD_FIELDS)
    )
    newest = ("-first_published_at", "-pk")
    chosen = list(policies.filter(is_featured=True).order_by(*newest)[:FEATURED_POLICIES])
    missing = FEATURED_POLICIES - len(chosen)
    if missing > 0:
        chosen += policies.filter(is_featured=False).order_by(*newest)[:missing]
    return chosen


def latest_posts_by_board(home):
    boards = list(public(BoardIndexPage.objects.child_of(home).live()).select_related("locale"))
    if boards and all(is_complete_language(board.locale.language_code) for board in boards):
        return _latest_posts_together(boards)
    return [{"board": board, "posts": _latest_posts(board)} for board in boards]


def _latest_posts(board) -> list:
    posts = children_with_fallback(BoardPost, board).only(*POST_ROW_FIELDS)
    return list(with_view_counts(posts.order_by("-registered_on", "-pk"))[:POSTS_PER_BOARD])


def _latest_posts_together(boards):
    """Each board's latest posts, usually in one short read.

    For Korean and English, where a board's posts are exactly its children: the newest
    posts of all the boards together, a few per board, in the order of the index on
    `registered_on` (the database reads a few rows, not every post; a row number per board
    made it rank all of them). A board found with fewer than its share among them (one
    that is rarely posted to) is read on its own, so the result is always each board's
    newest posts. The boards are siblings, so a post's
    board is the start of its tree path.
    """
    children = Q(pk__in=[])
    for board in boards:
        children |= Q(path__startswith=board.path, depth=board.depth + 1)
    posts = with_view_counts(public(BoardPost.objects.filter(children).live()))
    posts = posts.only(*POST_ROW_FIELDS).order_by("-registered_on", "-pk")
    by_board = {board.path: [] for board in boards}
    width = len(boards[0].path)
    limit = POSTS_PER_BOARD * len(boards) * NEWEST_SHARE
    newest = list(posts[:limit])
    for post in newest:
        found = by_board[post.path[:width]]
        if len(found) < POSTS_PER_BOARD:
            found.append(post)
    # Fewer rows than asked for: those were all the posts, and every board has its own.
    everything = len(newest) < limit
    return [
        {
            "board": board,
            "posts": (
                by_board[board.path]
                if everything or len(by_board[board.path]) == POSTS_PER_BOARD
                else _latest_posts(board)
            ),
        }
        for board in boards
    ]


def home_partners(home):
    """Partners with their logos' renditions, cached until a partner or page changes."""

    def compute():
        renditions = get_image_model().get_rendition_model().objects.all()
        return list(
            snippets_with_fallback(Partner.objects.all(), home.locale)
            .filter(show_on_home=True)
            .select_related("logo")
            .prefetch_related(Prefetch("logo__renditions", queryset=renditions))
        )

    return cached_fragment("home_partners", home.locale_id, compute=compute)


def home_events(home, *, now=None) -> dict:
    """The next events of the home page's language (with the fallback versions of events
    not translated yet) and their section. Cached with the other fragments (any published
    change retires them) and by the hour, and filtered again on reading, so an event that
    is over is never shown."""
    now = now or timezone.now()

    def compute():
        index = (
            public(EventIndexPage.objects.live().filter(locale_id=home.locale_id))
            .select_related("locale")
            .first()
        )
        if index is None:
            return {"index": None, "events": []}
        events = upcoming_events(language=index.locale.language_code, now=now)
        return {"index": index, "events": events[: HOME_EVENTS + SPARE_EVENTS]}

    found = cached_fragment(
        "home_events", home.locale_id, now.strftime("%Y%m%d%H"), compute=compute
    )
    events = [event for event in found["events"] if event.last_end >= now][:HOME_EVENTS]
    return {"events_index": found["index"], "upcoming_events": events}


def home_locale(home):
    """The home page's locale, kept with the fragments: routing gives the home page without
    it, and the feeds, metadata and notices of the page ask for it."""
    return cached_fragment(
        "locale", home.locale_id, compute=lambda: Locale.objects.get(pk=home.locale_id)
    )


def home_sections(home) -> dict:
    """What the home page's sections show, each read only when the template renders it.

    The sections (popular themes, featured policies, the boards' latest posts) are kept as
    HTML with the fragments (`{% fragment %}` in home/home_page.html), so a home page no one
    has asked for yet (a new query string) renders them from the cache without reading
    anything; these lazy values are read only when a fragment is rendered again, after an
    editorial change retired it (or, for the lists showing view counts, after
    `SHORT_FRAGMENT_SECONDS`).
    """
    home.locale = home_locale(home)
    read = {}

    def library():
        if "library" not in read:
            read["library"] = policy_library(home)
        return read["library"]

    def shown_library():
        found = library()
        return found if found is not None and found.live else None

    def themes():
        popular = snippets_with_fallback(Theme.objects.live(), home.locale)
        return list(popular.filter(is_popular=True))

    return {
        "featured_policies": SimpleLazyObject(lambda: featured_policies(home, library())),
        "board_sections": SimpleLazyObject(lambda: latest_posts_by_board(home)),
        "popular_themes": SimpleLazyObject(themes),
        "library": SimpleLazyObject(shown_library),
        **home_events(home),
    }
