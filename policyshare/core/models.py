"""Shared page behaviour, the standard page, and view counting."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.url_routing import RouteResult

from policyshare.translations.panels import TranslationStatusPanel

from .blocks import BodyBlock, QuestionsBlock
from .languages import fallback_order
from .privacy import any_view_restrictions


class PortalPageMixin:
    """Behaviour every public page of the portal shares.

    A reader who follows a link in one language to a page that exists only in another gets
    that page, with a notice, instead of a 404: when routing fails in this page's locale,
    the same remaining path is tried from this page's translations, in the reader's
    fallback order (English before Korean for a French reader).
    """

    def route(self, request, path_components):
        if path_components:
            # Routing walks the tree one level (and one or two queries) at a time. No page
            # type of the portal routes by itself, so the page at the end of the path is
            # found by its url_path in one query; anything else (not found, not live, a
            # page type with its own routing) takes the usual walk below.
            # The page itself is then read with its locale and view count, which every
            # page shows, in the same query.
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            found = (
                Page.objects.filter(url_path=url_path, path__startswith=self.path)
                .values_list("pk", "content_type_id", "live")
                .first()
            )
            if found is not None and found[2]:
                model = ContentType.objects.get_for_id(found[1]).model_class()
                if model is not None and model.route is PortalPageMixin.route:
                    from .selectors import with_view_counts  # selectors imports this module

                    pages = with_view_counts(model.objects.select_related("locale"))
                    page = pages.filter(pk=found[0]).first()
                    if page is not None:  # None: deleted in between
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
            for code in fallback_order(get_language() or settings.LANGUAGE_CODE):
                translation = translations.get(code)
                if translation is None:
                    continue
                try:
                    return translation.route(request, path_components)
                except Http404:
                    continue
            raise

    def get_view_restrictions(self):
        # Without any private page there is nothing to look up for this one.
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


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
    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("questions"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("questions"),
    ]
    translated_fields = ["title", "introduction", "body", "questions"]
    template = "core/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


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

    def __str__(self):
        return f"{self.page_id}: {self.count}"


class PageVisit(models.Model):
    """One visitor's first view of a page on a day. The visitor is a salted hash, no address."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    visitor = models.CharField(max_length=64)
    day = models.DateField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "visitor", "day"], name="one_visit_a_day"),
        ]

    def __str__(self):
        return f"{self.page_id} on {self.day}"
