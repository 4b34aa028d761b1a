from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from policyshare.core.fragments import cached_fragment
from policyshare.core.models import PortalPageMixin
from policyshare.translations.panels import TranslationStatusPanel

from . import selectors


class HomePage(PortalPageMixin, Page):
    """The front page: featured policies, the latest of each board, partners, search."""

    headline = models.CharField(max_length=200, blank=True, verbose_name=_("headline"))
    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [
        FieldPanel("headline"),
        FieldPanel("introduction"),
    ]
    translated_fields = ["title", "headline", "introduction"]
    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    # API (policyshare.core.content.api): published in /api/v1/pages/{id} besides the
    # fields of every page.
    api_fields = ["headline", "introduction"]

    class Meta:
        verbose_name = _("home page")

    @property
    def localized(self):
        """The live home page in the reader's language.

        Wagtail's routing starts every request here, at the site's root page (two queries:
        the active locale, then the translation). For the root page the request's site holds
        (`CachedSiteMiddleware`), that answer is kept with the fragments, which any published
        change retires; a home page read from the database (the admin) asks the database.
        """
        if not getattr(self, "_portal_shared_copy", False):
            return super().localized
        return cached_fragment(
            "localized-home",
            self.pk,
            get_language(),
            compute=lambda: super(HomePage, self).localized,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_sections(self))
        return context
