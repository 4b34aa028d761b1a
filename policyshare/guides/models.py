"""Policy guides: long, chaptered publications such as "A Guide to Transportation Policy"
(docs/guides.md). A guide is a page with its chapters as child pages; the whole guide can
also be read and printed as one page at `<guide>/all/`."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from policyshare.core.blocks import RICH_TEXT_FEATURES
from policyshare.core.content.metadata import headline, publisher
from policyshare.core.content.search import SUMMARY_BOOST, SearchFacets, SearchKind
from policyshare.core.forms import PortalPageForm
from policyshare.core.models import PortalPageMixin
from policyshare.policies.models import PolicyCase, Theme
from policyshare.sharing.models.transfers import SourceLink
from policyshare.translations.panels import TranslationStatusPanel

from .blocks import ChapterBodyBlock

# The print page's route: no chapter may take this slug.
PRINT_SLUG = "all"
GUIDE_KIND = SearchKind("guide", _("Policy guide"), weight=1.2)


class GuideIndexPage(PortalPageMixin, Page):
    """The guides section: every guide, newest first."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    translated_fields = ["title", "introduction"]
    content_panels = [TranslationStatusPanel(), *Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["guides.GuidePage"]
    max_count_per_parent = 1
    template = "guides/guide_index_page.html"
    api_fields = ["introduction"]
    # The section is a list, not a result: its title would match "guide" in every search.
    search_kind = None

    class Meta:
        verbose_name = _("policy guides section")
        verbose_name_plural = _("policy guides sections")

    in_latest_feed = False
    json_ld_type = "CollectionPage"

    def get_context(self, request, *args, **kwargs):
        from .selectors import guide_listing  # selectors import this module

        context = super().get_context(request, *args, **kwargs)
        context["guides"] = guide_listing(index=self)
        return context


class GuidePageForm(PortalPageForm):
    """Offers only the themes and policies of the page's own language (as PolicyCase does)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_page_language_only("themes", "related_policies")
        if "related_policies" in self.fields:
            policies = self.fields["related_policies"]
            policies.queryset = policies.queryset.order_by("title")


class GuidePage(RoutablePageMixin, PortalPageMixin, Page):
    """A guide's cover: what it is about, who published it, its table of contents."""

    summary = models.TextField(verbose_name=_("summary"), help_text=_("Two or three sentences."))
    introduction = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("introduction")
    )
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="guides", verbose_name=_("themes")
    )
    related_policies = ParentalManyToManyField(
        PolicyCase, blank=True, related_name="guides", verbose_name=_("related policies")
    )
    publisher_name = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("publisher"),
        help_text=_("The organisation that publishes the guide, such as a department."),
    )
    authors = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("authors"),
        help_text=_("Names separated by commas."),
    )
    publication_date = models.DateField(null=True, blank=True, verbose_name=_("publication date"))

    translated_fields = ["title", "summary", "introduction", "publisher_name"]
    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [
        FieldPanel("summary"),
        FieldPanel("introduction"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_policies", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("publisher_name"),
                FieldPanel("authors"),
                FieldPanel("publication_date"),
            ],
            heading=_("Publication"),
        ),
        InlinePanel("sources", heading=_("Sources"), label=_("Source")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("introduction"),
        index.SearchField("publisher_name"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    base_form_class = GuidePageForm
    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = ["guides.GuideChapterPage"]
    template = "guides/guide_page.html"
    api_fields = [
        "summary",
        "introduction",
        "themes",  # ids; /api/v1/themes gives their slugs and names
        "related_policies",
        "publisher_name",
        "authors",
        "publication_date",
        "chapter_count",
    ]
    search_kind = GUIDE_KIND

    class Meta:
        verbose_name = _("policy guide")
        verbose_name_plural = _("policy guides")

    open_graph_type = "article"

    # --- Chapters --------------------------------------------------------------------------
    def chapters(self) -> list["GuideChapterPage"]:
        """The live, public chapters in the order of the page tree."""
        from .selectors import guide_chapters

        if not hasattr(self, "_chapters"):
            self._chapters = guide_chapters(self)
        return self._chapters

    def chapter_count(self) -> int:
        return len(self.chapters())

    def policies_shown(self) -> list:
        return [policy for policy in self.related_policies.all() if policy.live]

    def author_list(self) -> list[str]:
        return [name.strip() for name in self.authors.split(",") if name.strip()]

    @path(f"{PRINT_SLUG}/", name="print")
    def print_view(self, request):
        """The whole guide on one page, to read through or print."""
        return self.render(
            request,
            template="guides/guide_print_page.html",
            context_overrides={"print_chapters": self.chapters()},
        )

    def print_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("print")

    def get_cached_paths(self):
        return ["/", f"/{PRINT_SLUG}/"]

    def purge_urls(self, *, old_url: str | None = None) -> set[str]:
        """Also its chapters, which show its title in their header, pager and contents."""
        urls = super().purge_urls(old_url=old_url)
        urls.update(url for chapter in self.chapters() if (url := chapter.get_full_url()))
        return urls

    # --- Metadata and search ---------------------------------------------------------------
    def json_ld(self, *, request) -> dict:
        language = self.locale.language_code
        data = {
            **self.json_ld_common(request=request),
            "@type": "Book",
            "name": self.title,
            "headline": headline(self.title),
            "bookFormat": "https://schema.org/EBook",
            "datePublished": (
                self.publication_date.isoformat()
                if self.publication_date
                else self.first_published_at
            ),
            "dateModified": self.last_published_at,
            "keywords": [theme.name for theme in self.themes.all() if theme.live],
            "publisher": (
                {"@type": "GovernmentOrganization", "name": self.publisher_name}
                if self.publisher_name
                else publisher(language)
            ),
            "hasPart": [
                {
                    "@type": "Chapter",
                    "name": chapter.title,
                    "position": position,
                    "url": chapter.get_full_url(request),
                }
                for position, chapter in enumerate(self.chapters(), start=1)
            ],
        }
        if authors := self.author_list():
            data["author"] = [{"@type": "Person", "name": name} for name in authors]
        return data

    def get_search_facets(self):
        facets = super().get_search_facets()
        return SearchFacets(
            themes=tuple(theme.slug for theme in self.themes.all()),
            year=self.publication_date.year if self.publication_date else facets.year,
            date=self.publication_date or facets.date,
        )

    def get_search_dependent_pages(self):
        # Each chapter's result shows the guide's title and takes its themes.
        return GuideChapterPage.objects.child_of(self).values_list("pk", flat=True)


class GuideSource(SourceLink):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="sources")

    class Meta(SourceLink.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")


@dataclass(frozen=True)
class Section:
    """A chapter's heading as the table of contents and the body show it."""

    text: str
    anchor: str


@dataclass(frozen=True)
class BodyPart:
    """One block of a chapter's body; a heading also has its anchor and its HTML level."""

    block: object
    anchor: str = ""
    level: int = 0


class GuideChapterPage(PortalPageMixin, Page):
    """One chapter of a guide. Its heading blocks make its entries in the table of contents."""

    summary = models.TextField(
        blank=True,
        verbose_name=_("summary"),
        help_text=_("Optional: what the chapter covers, in a sentence or two."),
    )
    body = StreamField(ChapterBodyBlock(), blank=True, verbose_name=_("body"))

    translated_fields = ["title", "summary", "body"]
    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("body"),
    ]
    parent_page_types = ["guides.GuidePage"]
    subpage_types = []
    template = "guides/guide_chapter_page.html"
    api_fields = ["summary", "body", "guide_id"]
    search_kind = GUIDE_KIND

    class Meta:
        verbose_name = _("guide chapter")
        verbose_name_plural = _("guide chapters")

    open_graph_type = "article"

    def clean(self):
        super().clean()
        if self.slug == PRINT_SLUG:
            raise ValidationError(
                {"slug": _("“all” is the address of the whole guide; choose another slug.")}
            )

    @property
    def guide(self) -> GuidePage:
        if not hasattr(self, "_guide"):
            self._guide = GuidePage.objects.get(pk=self.get_parent().pk)
        return self._guide

    def guide_id(self) -> int:
        return self.guide.pk

    # --- Headings, anchors -----------------------------------------------------------------
    def anchor_prefix(self, *, whole_guide: bool) -> str:
        """On its own page a chapter's anchors are short ("section-2"); on the whole-guide
        page they carry the chapter, so that they stay unique there."""
        return f"chapter-{self.pk}-" if whole_guide else ""

    def sections(self, *, whole_guide: bool = False) -> list[Section]:
        """The chapter's level-2 headings: its entries in the table of contents."""
        return [
            Section(text=part.block.value["text"], anchor=part.anchor)
            for part in self.body_parts(whole_guide=whole_guide)
            if part.anchor and part.block.value["level"] == "h2"
        ]

    def body_parts(self, *, whole_guide: bool = False) -> list[BodyPart]:
        """The body's blocks; headings numbered for their anchors and, on the whole-guide
        page (where the chapter's title is an h2), one level lower."""
        prefix = self.anchor_prefix(whole_guide=whole_guide)
        shift = 1 if whole_guide else 0
        parts, number = [], 0
        for block in self.body:
            if block.block_type == "heading":
                number += 1
                level = int(block.value["level"][1]) + shift
                parts.append(BodyPart(block, anchor=f"{prefix}section-{number}", level=level))
            else:
                parts.append(BodyPart(block))
        return parts

    def neighbours(self) -> tuple[Page, "GuideChapterPage | None"]:
        """(previous, next): the previous chapter, or the guide's cover for the first; the
        next chapter, or None for the last."""
        guide = self.guide
        chapters = guide.chapters()
        ids = [chapter.pk for chapter in chapters]
        if self.pk not in ids:  # a preview of a chapter not published yet
            return guide, None
        position = ids.index(self.pk)
        previous = chapters[position - 1] if position > 0 else guide
        following = chapters[position + 1] if position + 1 < len(chapters) else None
        return previous, following

    def purge_urls(self, *, old_url: str | None = None) -> set[str]:
        """Also the whole-guide page and the other chapters, whose contents and pager list
        this one (the cover, an ancestor, is purged anyway)."""
        urls = super().purge_urls(old_url=old_url)
        guide = self.guide
        urls.update(guide.purge_urls())
        return urls

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guide"] = self.guide
        context["previous_page"], context["next_page"] = self.neighbours()
        return context

    # --- Metadata and search ---------------------------------------------------------------
    def json_ld(self, *, request) -> dict:
        guide = self.guide
        chapters = [chapter.pk for chapter in guide.chapters()]
        data = {
            **self.json_ld_common(request=request),
            "@type": "Chapter",
            "name": self.title,
            "headline": headline(self.title),
            "datePublished": self.first_published_at,
            "dateModified": self.last_published_at,
            "publisher": publisher(self.locale.language_code),
            "isPartOf": {
                "@type": "Book",
                "name": guide.title,
                "url": guide.get_full_url(request),
            },
        }
        if self.pk in chapters:
            data["position"] = chapters.index(self.pk) + 1
        return data

    def get_search_title(self) -> str:
        # A chapter's title alone ("Background") says little in a list of results.
        return f"{self.title} · {self.guide.title}"

    def get_search_facets(self):
        facets = super().get_search_facets()
        return SearchFacets(
            themes=tuple(theme.slug for theme in self.guide.themes.all()),
            year=facets.year,
            date=facets.date,
        )
