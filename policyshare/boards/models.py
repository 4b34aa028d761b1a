"""Boards: Seoul's news, Seoul in the world's media, videos and reports."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from policyshare.core.blocks import RICH_TEXT_FEATURES
from policyshare.core.content.feeds import feed_links
from policyshare.core.content.metadata import headline, publisher
from policyshare.core.content.search import SUMMARY_BOOST, SearchFacets, SearchKind
from policyshare.core.forms import PortalPageForm
from policyshare.core.fragments import cached_fragment
from policyshare.core.languages import children_with_fallback
from policyshare.core.models import PortalPageMixin
from policyshare.core.pagination import paginate_kept
from policyshare.core.params import parse_int
from policyshare.core.selectors import with_view_counts
from policyshare.translations.panels import TranslationStatusPanel

POSTS_PER_PAGE = 10


class BoardKind(models.TextChoices):
    NEWS = "news", _("Seoul's news")
    MEDIA = "media", _("Seoul in the world's media")
    VIDEO = "video", _("Videos")
    REPORT = "report", _("Reports")


class BoardIndexPage(PortalPageMixin, Page):
    """A board: its posts, newest first, paginated."""

    kind = models.CharField(max_length=10, choices=BoardKind.choices, verbose_name=_("board"))
    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    translated_fields = ["title", "introduction"]
    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [
        FieldPanel("kind"),
        FieldPanel("introduction"),
    ]
    subpage_types = ["boards.BoardPost"]
    template = "boards/board_index_page.html"

    # API (policyshare.core.content.api): published in /api/v1/pages/{id} besides the
    # fields of every page.
    api_fields = ["kind", "introduction"]

    class Meta:
        verbose_name = _("board")
        verbose_name_plural = _("boards")

    # --- Metadata and feeds (policyshare.core.content: metadata, feeds) ---------------------
    in_latest_feed = False
    json_ld_type = "CollectionPage"

    def feed_links(self, *, request) -> list[dict]:
        return feed_links(
            language=self.locale.language_code, name="board", title=self.title, kind=self.kind
        )

    def posts(self):
        posts = children_with_fallback(BoardPost, self)
        return posts.order_by("-registered_on", "-pk")

    def years(self) -> list[int]:
        """The years the board has posts in, newest first: kept with the fragments (retired
        by any editorial change), as the year filter offers them."""
        return cached_fragment(
            "board-years",
            self.pk,
            compute=lambda: sorted(
                {d.year for d in self.posts().dates("registered_on", "year")}, reverse=True
            ),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        years = self.years()
        year = parse_int(request.GET.get("year"))
        selected_year = str(year) if year in years else ""

        def listed():
            posts = self.posts()
            if selected_year:
                posts = posts.filter(registered_on__year=year)
            return with_view_counts(posts)

        # As the policy list: everything from the year filter to the pagination is one
        # fragment (the template's `{% fragment %}`) per year and page number, and the
        # posts are read only when it is rendered again.
        page_obj, listing = paginate_kept(
            request,
            listed,
            per_page=POSTS_PER_PAGE,
            key=(self.pk,),
            filters={"year": selected_year},
        )
        context.update(posts=page_obj, years=years, selected_year=selected_year, **listing)
        return context


_YOUTUBE = re.compile(
    r"^https?://(?:www\.)?(?:youtube\.com/watch\?(?:.*&)?v=|youtu\.be/|youtube\.com/embed/)"
    r"([A-Za-z0-9_-]{6,20})"
)
_VIMEO = re.compile(r"^https?://(?:www\.)?vimeo\.com/(?:video/)?(\d+)")


# The fields only some boards use; every other field is on every board's form.
BOARD_FIELDS = {
    BoardKind.NEWS: set(),
    BoardKind.MEDIA: {"source_outlet", "source_country"},
    BoardKind.VIDEO: {"video_url", "source_outlet"},
    BoardKind.REPORT: {"report_document", "source_outlet"},
}
BOARD_SPECIFIC_FIELDS = set().union(*BOARD_FIELDS.values())


class BoardPostForm(PortalPageForm):
    """Shows and asks for what the post's board needs: an outlet for media coverage, a video
    for videos, a document (or a link) for reports.

    Wagtail builds one form class per page type, so the other boards' fields are removed per
    form; their panels hide themselves, and a value posted for them is ignored.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.board_kind = self._board_kind()
        self.offer_page_language_only("themes")
        if self.board_kind in BOARD_FIELDS:
            for name in BOARD_SPECIFIC_FIELDS - BOARD_FIELDS[self.board_kind]:
                self.fields.pop(name, None)

    def _board_kind(self):
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        return getattr(getattr(parent, "specific", None), "kind", None)

    def clean(self):
        cleaned = super().clean()
        kind = self.board_kind
        if kind == BoardKind.MEDIA and not cleaned.get("source_outlet"):
            self.add_error("source_outlet", _("Media coverage needs its source outlet."))
        has_link = cleaned.get("video_url") or cleaned.get("original_url")
        if kind == BoardKind.VIDEO and not has_link:
            self.add_error("video_url", _("A video post needs a video URL."))
        if kind == BoardKind.REPORT and not (
            cleaned.get("report_document") or cleaned.get("original_url")
        ):
            self.add_error("report_document", _("A report needs its document or a link to it."))
        return cleaned


class BoardPost(PortalPageMixin, Page):
    """A post on a board: registration date (등록일), writer (글쓴이) and views (조회수)."""

    registered_on = models.DateField(default=timezone.localdate, verbose_name=_("date"))
    writer = models.CharField(max_length=100, blank=True, verbose_name=_("writer"))
    summary = models.TextField(blank=True, verbose_name=_("summary"))
    body = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("body"))
    original_url = models.URLField(
        max_length=500, blank=True, verbose_name=_("link to the original")
    )
    source_outlet = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("source outlet"),
        help_text=_("The newspaper, broadcaster or organisation that published the original."),
    )
    source_country = models.CharField(
        max_length=100, blank=True, verbose_name=_("country of the source")
    )
    video_url = models.URLField(
        max_length=500,
        blank=True,
        verbose_name=_("video URL"),
        help_text=_("YouTube or Vimeo. The player loads only on click."),
    )
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("report document"),
    )
    # Optional: lists the post on the themes' pages (docs/themes.md).
    themes = ParentalManyToManyField(
        "policies.Theme", blank=True, related_name="posts", verbose_name=_("themes")
    )
    legacy_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    legacy_source = models.TextField(
        blank=True, editable=False, help_text="The imported text exactly as it was read."
    )

    # A copy is a new page: it must not claim to be the imported original.
    exclude_fields_in_copy = ["legacy_key", "legacy_source"]
    translated_fields = ["title", "summary", "body"]
    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [
        FieldRowPanel([FieldPanel("registered_on"), FieldPanel("writer")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("source_outlet"), FieldPanel("source_country"), FieldPanel("original_url")],
            heading=_("Source"),
        ),
        FieldPanel("video_url"),
        FieldPanel("report_document"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        index.SearchField("source_outlet"),
        index.FilterField("registered_on"),
    ]
    base_form_class = BoardPostForm
    parent_page_types = ["boards.BoardIndexPage"]
    subpage_types = []
    template = "boards/board_post.html"

    # API (policyshare.core.content.api): published in /api/v1/pages/{id} besides the
    # fields of every page.
    # /api/v1/posts/{id} has the same and more (board, report URL, views).
    api_fields = [
        "registered_on",
        "writer",
        "summary",
        "body",
        "original_url",
        "source_outlet",
        "source_country",
        "video_url",
    ]

    class Meta:
        verbose_name = _("board post")
        verbose_name_plural = _("board posts")
        indexes = [
            # Newest first (`registered_on`, then id), as boards and the home page list them:
            # the home page reads a few rows in this order instead of sorting every post.
            models.Index(fields=["registered_on", "page_ptr"], name="boardpost_newest_idx")
        ]

    # --- Metadata and feeds (policyshare.core.content: metadata, feeds) ---------------------
    open_graph_type = "article"

    def json_ld(self, *, request) -> dict:
        language = self.locale.language_code
        data = {
            **self.json_ld_common(request=request),
            "@type": "Report" if self.board(request)["kind"] == BoardKind.REPORT else "NewsArticle",
            "headline": headline(self.title),
            "datePublished": self.registered_on,
            "dateModified": self.last_published_at,
            "publisher": publisher(language),
            "mainEntityOfPage": self.get_full_url(request),
        }
        data["author"] = (
            {"@type": "Person", "name": self.writer} if self.writer else publisher(language)
        )
        if self.original_url:
            data["isBasedOn"] = self.original_url
        if self.source_outlet:
            data["sourceOrganization"] = {"@type": "Organization", "name": self.source_outlet}
        return data

    def feed_item_author(self) -> str | None:
        return self.writer or None

    # --- Search (policyshare.core.content.search) ---------------------------------------
    # Filtered by board, dated by its registration date (등록일), not by publication.
    search_kind = SearchKind("post", _("Board post"))

    def get_search_facets(self):
        return SearchFacets(
            board=self.board_kind() or "",
            year=self.registered_on.year,
            date=self.registered_on,
        )

    def get_search_documents(self):
        # A report's PDF: its text is searched with the post (docs/search.md, "Documents").
        return [self.report_document_id] if self.report_document_id else []

    @classmethod
    def search_facet_labels(cls, facet, values, *, language):
        if facet != "board":
            return {}
        return {value: label for value, label in BoardKind.choices if value in values}

    def board_kind(self):
        parent = self.get_parent()
        return parent.specific.kind if parent else None

    def board(self, request) -> dict:
        """The post's board as its page shows it: kind, title, address and language. The same
        for every post of the board, so kept with the fragments (one per board and host,
        retired by any editorial change): a post no one has asked for yet reads only itself."""
        if not self.path or self.depth is None or self.depth < 2:
            return self._read_board(self.get_parent(), request)
        parent_path = self.path[: -self.steplen]
        return cached_fragment(
            "post_board",
            parent_path,
            request.get_host() if request is not None else "",
            compute=lambda: self._read_board(
                Page.objects.filter(path=parent_path).select_related("locale").first(), request
            ),
        )

    @staticmethod
    def _read_board(parent, request) -> dict:
        if parent is None:
            return {"kind": None, "title": "", "url": "", "language": ""}
        board = parent.specific
        return {
            "kind": getattr(board, "kind", None),
            "title": board.title,
            "url": board.get_url(request) or "",
            "language": board.locale.language_code,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["board"] = self.board(request)
        return context

    def clean(self):
        super().clean()
        if self.video_url and not self.video_embed_url:
            raise ValidationError(
                {"video_url": _("Only YouTube and Vimeo addresses can be played on the site.")}
            )

    @property
    def video_embed_url(self) -> str:
        """The player address, built locally: no request to the video host before a click."""
        if match := _YOUTUBE.match(self.video_url):
            return f"https://www.youtube-nocookie.com/embed/{match.group(1)}?autoplay=1"
        if match := _VIMEO.match(self.video_url):
            return f"https://player.vimeo.com/video/{match.group(1)}?autoplay=1&dnt=1"
        return ""
