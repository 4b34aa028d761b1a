"""Shared page behaviour, the standard page, and view and download counting."""

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import GroupApprovalTask, Page, PageViewRestriction, get_page_models
from wagtail.search import index
from wagtail.url_routing import RouteResult

from .blocks import BodyBlock, QuestionsBlock
from .content.api import ApiContribution
from .content.feeds import FeedContribution
from .content.metadata import MetadataContribution
from .content.purge import PurgeContribution
from .content.search import SUMMARY_BOOST, SearchContribution
from .forms import PortalPageForm
from .fragments import cached_fragment
from .languages import fallback_order, reader_language
from .panels import STATUS_PANEL_HOOK, HookPanel
from .privacy import any_view_restrictions


class PortalPageMixin(
    SearchContribution,
    MetadataContribution,
    FeedContribution,
    ApiContribution,
    PurgeContribution,
):
    """Behaviour every public page of the portal shares.

    What the page contributes to search, metadata, feeds, the API and the cache purge is
    declared through the mixins of `policyshare.core.content`.

    A reader who follows a link in one language to a page that exists only in another gets
    that page, with a notice, instead of a 404: when routing fails in this page's locale,
    the same remaining path is tried from this page's translations, in the reader's
    fallback order (English before Korean for a French reader).

    Its edit form refuses a save from a form opened before someone else's newer save
    (`policyshare.core.forms.PortalPageForm`).
    """

    base_form_class = PortalPageForm

    def get_full_url(self, request=None):
        """Wagtail's, kept for the rest of the request: the canonical link, Open Graph,
        JSON-LD, "Cite this" and the language links each ask for it. Kept on the request
        under the page's path and locale, so a page moved or renamed during a request is
        addressed afresh; without a request (purges, tasks) never kept."""
        if request is None:
            return super().get_full_url(request)
        if not hasattr(request, "_portal_full_urls"):
            request._portal_full_urls = {}
        key = (self.pk, self.url_path, self.locale_id)
        if key not in request._portal_full_urls:
            request._portal_full_urls[key] = super().get_full_url(request)
        return request._portal_full_urls[key]

    def route(self, request, path_components):
        if path_components:
            page = self._find_by_url_path(path_components)
            if page is not None:
                return RouteResult(page)
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components or getattr(request, "_portal_locale_fallback", False):
                raise
            # Only one switch of locale per request, so two trees can never bounce a path
            # back and forth.
            request._portal_locale_fallback = True
            translations = {
                page.locale.language_code: page
                for page in self.get_translations().live().select_related("locale").specific()
            }
            for code in fallback_order(reader_language()):
                translation = translations.get(code)
                if translation is None:
                    continue
                try:
                    return translation.route(request, path_components)
                except Http404:
                    continue
            raise

    def _find_by_url_path(self, path_components):
        """The live page at the end of the path below this one, read in one query when its
        type is known, else two; None leaves the path to Wagtail's walk.

        Routing walks the tree one level (and one or two queries) at a time. No page type of
        the portal routes by itself, so the page at the end of the path is found by its
        url_path; anything else (not found, not live, a page type with its own routing) takes
        the usual walk. The page is read with its locale and view count, which every page
        shows. url_path has no index of its own; the slug, the last component, has one, so
        the database reads a few rows, not the tree.
        """
        from .selectors import one_or_none, read_page  # selectors imports this module

        # url_path is unique in the tree, and starts with this page's: the page is below it.
        by_path = {
            "slug": path_components[-1],
            "url_path": f"{self.url_path}{'/'.join(path_components)}/",
        }
        # Below a policy library or a board, every page is a policy or a post: read it in
        # its own type straight away.
        parent_url_path = "".join(f"{part}/" for part in path_components[:-1])
        label = _single_child_types(self).get(f"{self.url_path}{parent_url_path}")
        model = apps.get_model(label) if label else None
        if model is not None and model.route is PortalPageMixin.route:
            page = read_page(model, **by_path)
            if page is not None:
                return page if page.live else None
        found = one_or_none(
            Page.objects.filter(**by_path).values_list("pk", "content_type_id", "live")
        )
        if found is None or not found[2]:
            return None
        model = ContentType.objects.get_for_id(found[1]).model_class()
        if model is None or model.route is not PortalPageMixin.route:
            return None
        return read_page(model, pk=found[0])  # None: deleted in between

    def get_view_restrictions(self):
        # Without any private page there is nothing to look up for this one.
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def _single_child_types(root) -> dict[str, str]:
    """url_path -> model label of the pages below `root` whose type allows one child type
    only (policy libraries, boards), from the fragment cache: routing reads a child of
    theirs in its own type at once."""

    def compute():
        types = {}
        for model in get_page_models():
            children = model.allowed_subpage_models()
            if len(children) != 1:
                continue
            for url_path in model.objects.filter(path__startswith=root.path).values_list(
                "url_path", flat=True
            ):
                types[url_path] = children[0]._meta.label
        return types

    return cached_fragment("single-child-types", root.pk, compute=compute)


class StandardPage(PortalPageMixin, Page):
    """About, MITI, Sharing City Seoul: a body and optional questions and answers."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    questions = StreamField(
        QuestionsBlock(),
        blank=True,
        verbose_name=_("questions and answers"),
        help_text=_("Optional frequently asked questions shown after the body."),
    )
    legacy_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    legacy_source = models.TextField(
        blank=True, editable=False, help_text="The imported text exactly as it was read."
    )

    # A copy is a new page: it must not claim to be the imported original.
    exclude_fields_in_copy = ["legacy_key", "legacy_source"]
    # The translation status, from the translations app (core cannot import it).
    content_panels = [HookPanel(STATUS_PANEL_HOOK), *Page.content_panels] + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("questions"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        index.SearchField("questions"),
    ]
    translated_fields = ["title", "introduction", "body", "questions"]
    template = "core/standard_page.html"

    # API (policyshare.core.content.api): published in /api/v1/pages/{id} besides the
    # fields of every page.
    api_fields = ["introduction", "body", "questions"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    # --- Metadata and feeds (policyshare.core.content: metadata, feeds) ---------------------
    in_latest_feed = False


class PageViewCount(models.Model):
    """How many distinct visitor-days a page has had (조회수).

    Kept apart from the page row so that publishing a revision never rolls the count back.
    """

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="view_count_record"
    )
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("page view count")
        verbose_name_plural = _("page view counts")

    def __str__(self):
        return f"{self.page_id}: {self.count}"


class PageVisit(models.Model):
    """One visitor's first view of a page on a day. The visitor is a salted hash, no address."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    visitor = models.CharField(max_length=64)
    day = models.DateField(db_index=True)

    class Meta:
        verbose_name = _("page visit")
        verbose_name_plural = _("page visits")
        constraints = [
            models.UniqueConstraint(fields=["page", "visitor", "day"], name="one_visit_a_day"),
        ]

    def __str__(self):
        return f"{self.page_id} on {self.day}"


class PageViewDay(models.Model):
    """A page's views on one day (the site's day): counted with the view, kept indefinitely,
    with nothing about who viewed. The raw `PageVisit` rows that guard against double
    counting go after two days; these are what "views in the last 30 days" and trends read.
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="one_row_a_page_a_day"),
        ]
        indexes = [models.Index(fields=["day", "page"], name="page_view_day_by_day")]
        verbose_name = _("page views on a day")
        verbose_name_plural = _("page views by day")

    def __str__(self):
        return f"{self.page_id} on {self.day}: {self.views}"


class DocumentDownloadDay(models.Model):
    """A document's downloads on one day (the site's day), counted by the download link
    (`policyshare.core.views.document_download`) and kept indefinitely, with nothing about
    who downloaded: no address, no browser, no pseudonym (docs/analytics.md)."""

    document = models.ForeignKey(
        get_document_model_string(), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    downloads = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "day"], name="one_row_a_document_a_day"),
        ]
        indexes = [models.Index(fields=["day", "document"], name="document_download_by_day")]
        verbose_name = _("document downloads on a day")
        verbose_name_plural = _("document downloads by day")

    def __str__(self):
        return f"{self.document_id} on {self.day}: {self.downloads}"


class ReviewCommentForm(forms.Form):
    """The reviewer's comment when approving or requesting changes.

    Wagtail's own form (wagtail.forms.TaskStateCommentForm) translates its label when the
    module is imported, in the site's default language (Korean), so every reviewer saw
    "댓글" whatever their admin language. This label is translated per request.
    """

    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea({"rows": 2})
    )


class ReviewTask(GroupApprovalTask):
    """Wagtail's group approval, with the comment form in the reviewer's language.

    A proxy: the data migration core/0004 turns the existing group approval tasks
    (Policy review's "Moderator approval" and Wagtail's "Moderators approval") into this.
    """

    class Meta:
        proxy = True
        verbose_name = _("Group approval task")
        verbose_name_plural = _("Group approval tasks")

    def get_form_for_action(self, action):
        return ReviewCommentForm
