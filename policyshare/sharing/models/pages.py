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

    @path("", name="index")
    def index(self, request):
        from ..city_views import city_list_context

        return self.render(request, context_overrides=city_list_context(request))

    @path("<slug:slug>/", name="city")
    def city(self, request, slug):
        from ..city_views import city_page_context

        return self.render(
            request,
            template="sharing/city_page.html",
            context_overrides=city_page_context(request, page=self, slug=slug),
        )

    def city_url(self, city, request=None) -> str:
        """The address of a city's page in this section's language."""
        return self.get_url(request) + self.reverse_subpage("city", kwargs={"slug": city.slug})

    def get_sitemap_urls(self, request=None):
        from ..city_views import city_sitemap_entries

        return [*super().get_sitemap_urls(request), *city_sitemap_entries(self, request=request)]
