"""The two sections of policy sharing: /<lang>/sharing/ and /<lang>/cities/.

Both are routable pages: the sharing section serves its sub-pages (transfers, tenders, firms,
"cities like mine") from records that are not pages, and the cities section serves one page
per `City` record at /<lang>/cities/<slug>/ (docs/sharing.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from policyshare.core.models import PortalPageMixin


class SharingIndexPage(RoutablePageMixin, PortalPageMixin, Page):
    """Policy sharing: the map, transfers, cooperation projects, firms and tenders."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    translated_fields = ["title", "introduction"]
    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["sharing.CooperationProjectPage"]
    max_count_per_parent = 1
    template = "sharing/sharing_index_page.html"
    api_fields = ["introduction"]
    in_latest_feed = False
    json_ld_type = "CollectionPage"

    class Meta:
        verbose_name = _("policy sharing section")

    @path("cities-like-mine/")
    def cities_like_mine(self, request):
        # Imported here: the module reads these models, and this one is loaded first.
        from ..likeness import cities_like_mine_view

        return cities_like_mine_view(self, request)


class CityIndexPage(RoutablePageMixin, PortalPageMixin, Page):
    """Cities Seoul works with; each city's page is served below it from its record."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    translated_fields = ["title", "introduction"]
    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = []
    max_count_per_parent = 1
    template = "sharing/city_index_page.html"
    api_fields = ["introduction"]
    in_latest_feed = False
    json_ld_type = "CollectionPage"

    class Meta:
        verbose_name = _("cities section")
