"""What the home page shows. Query count is fixed: it does not grow with the content."""

from django.db.models import F, Prefetch, Q, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.images import get_image_model

from policyshare.boards.models import BoardIndexPage, BoardPost
from policyshare.core.fragments import cached_fragment
from policyshare.core.languages import (
    children_with_fallback,
    is_complete_language,
    snippets_with_fallback,
)
from policyshare.core.privacy import public
from policyshare.core.selectors import with_view_counts
from policyshare.partners.models import Partner
from policyshare.policies.models import PolicyCase, PolicyLibraryPage, Theme

FEATURED_POLICIES = 6
POSTS_PER_BOARD = 4


def policy_library(home):
    """The home page's policy library (there is at most one), with its locale."""
    return PolicyLibraryPage.objects.child_of(home).select_related("locale").first()


def featured_policies(home, library):
    """Featured policies first, then the newest, in one query."""
    if library is None:
        return []
    policies = public(children_with_fallback(PolicyCase, library).live())
    return list(
        with_view_counts(policies).order_by("-is_featured", "-first_published_at", "-pk")[
            :FEATURED_POLICIES
        ]
    )


def latest_posts_by_board(home):
    boards = list(public(BoardIndexPage.objects.child_of(home).live()).select_related("locale"))
    if boards and all(is_complete_language(board.locale.language_code) for board in boards):
        return _latest_posts_in_one_query(boards)
    sections = []
    for board in boards:
        posts = public(children_with_fallback(BoardPost, board).live())
        posts = with_view_counts(posts.order_by("-registered_on", "-pk"))[:POSTS_PER_BOARD]
        sections.append({"board": board, "posts": list(posts)})
    return sections


def _latest_posts_in_one_query(boards):
    """Each board's latest posts, numbered within their board by the database.

    For Korean and English, where a board's posts are exactly its children: the boards
    are siblings, so a post's board is the start of its tree path.
    """
    children = Q(pk__in=[])
    for board in boards:
        children |= Q(path__startswith=board.path, depth=board.depth + 1)
    prefix = Substr("path", 1, len(boards[0].path))
    posts = with_view_counts(public(BoardPost.objects.filter(children).live())).annotate(
        board_path=prefix,
        rank=Window(
            RowNumber(),
            partition_by=[prefix],
            order_by=[F("registered_on").desc(), F("pk").desc()],
        ),
    )
    by_board = {board.path: [] for board in boards}
    for post in posts.filter(rank__lte=POSTS_PER_BOARD).order_by("board_path", "rank"):
        by_board[post.board_path].append(post)
    return [{"board": board, "posts": by_board[board.path]} for board in boards]


def home_partners(home):
    """Partners with their logos' renditions, cached until a partner or page changes."""

    def compute():
        renditions = get_image_model().get_rendition_model().objects.all()
        return list(
            snippets_with_fallback(Partner.objects.filter(show_on_home=True), home.locale)
            .select_related("logo")
            .prefetch_related(Prefetch("logo__renditions", queryset=renditions))
        )

    return cached_fragment("home_partners", home.locale_id, compute=compute)


def home_sections(home) -> dict:
    library = policy_library(home)
    return {
        "featured_policies": featured_policies(home, library),
        "board_sections": latest_posts_by_board(home),
        "popular_themes": list(
            snippets_with_fallback(Theme.objects.filter(is_popular=True), home.locale)
        ),
        "library": library if library is not None and library.live else None,
    }
