"""The whole of the example content type: a notice, a short dated announcement."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from policyshare.core.models import PortalPageMixin


class Notice(PortalPageMixin, Page):
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    template = "core/standard_page.html"

    # API: what /api/v1/pages/{id} publishes besides the fields of every page.
    api_fields = ["summary", "body"]
