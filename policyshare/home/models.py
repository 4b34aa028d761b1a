from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

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

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_sections(self))
        return context
