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
    """Policy sharing: the map, transfers, cooperation projects, firms and tenders.

    Its sub-pages are routes (`sharing.section` builds what each shows): transfers/,
    transfers/<id>/, projects/, tenders/ and firms/ (docs/sharing-section.md).
    """

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    translated_fields = ["title", "introduction"]
    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["sharing.CooperationProjectPage"]
    max_count_per_parent = 1
    template = "sharing/sharing_index_page.html"
    api_fields = ["introduction"]
    in_latest_feed = False
    json_ld_type = "CollectionPage"
    # A section of links, reached from the menu, not a search result: its generic title
    # ("Policy Sharing") would match any query with "policy" or "sharing" ("bike sharing").
    search_kind = None

    class Meta:
        verbose_name = _("policy sharing section")
        verbose_name_plural = _("policy sharing sections")

    @path("", name="overview")
    def overview(self, request):
        from .. import section

        return self.render(request, context_overrides=section.overview(self, request))

    @path("transfers/", name="transfers")
    def transfers(self, request):
        from .. import section

        return self.render(
            request,
            context_overrides=section.transfers(self, request),
            template="sharing/transfer_list.html",
        )

    @path("transfers/<int:pk>/", name="transfer")
    def transfer(self, request, pk):
        from .. import section

        context = section.transfer(self, request, pk)
        # Read by `json_ld` below, which the <head> asks for the same request.
        request.sharing_transfer = context["transfer"]
        return self.render(
            request, context_overrides=context, template="sharing/transfer_detail.html"
        )

    @path("projects/", name="projects")
    def projects(self, request):
        from .. import section

        return self.render(
            request,
            context_overrides=section.projects(self, request),
            template="sharing/project_list.html",
        )

    @path("tenders/", name="tenders")
    def tenders(self, request):
        from .. import section

        return self.render(
            request,
            context_overrides=section.tenders(self, request),
            template="sharing/tender_list.html",
        )

    @path("firms/", name="firms")
    def firms(self, request):
        from .. import section

        return self.render(
            request,
            context_overrides=section.firms(self, request),
            template="sharing/firm_list.html",
        )

    def feed_links(self, *, request) -> list[dict]:
        from ..feeds import section_feed_links

        return section_feed_links(language=self.locale.language_code)

    def json_ld(self, *, request) -> dict:
        transfer = getattr(request, "sharing_transfer", None)
        if transfer is None:
            return super().json_ld(request=request)
        from .. import jsonld
        from ..section import city_base_url

        return jsonld.transfer(
            transfer,
            request=request,
            url=request.build_absolute_uri(request.path),
            language=self.locale.language_code,
            city_base=city_base_url(self, request),
        )

    def get_cached_paths(self):
        """The section's address and its list sub-pages: purged with it (a transfer's own
        page is not: transfers are records, docs/sharing-section.md, "Caches")."""
        from ..section import SUB_PAGES

        return ["/", *(suffix for _name, suffix in SUB_PAGES)]

    def get_sitemap_urls(self, request=None):
        """The section's address, each sub-page and each public transfer's page."""
        from .. import section, selectors

        entries = super().get_sitemap_urls(request)
        base = entries[0]["location"]
        lastmod = entries[0]["lastmod"]
        entries += [
            {"location": f"{base}{suffix}", "lastmod": lastmod}
            for _name, suffix in section.SUB_PAGES
        ]
        for pk, updated_at in (
            selectors.public_transfers().order_by("pk").values_list("pk", "updated_at")
        ):
            entries.append({"location": f"{base}transfers/{pk}/", "lastmod": updated_at})
        return entries

    @path("cities-like-mine/", name="cities_like_mine")
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
    # As the sharing section: its title ("Cities", "해외 도시") is no answer to a search.
    search_kind = None

    class Meta:
        verbose_name = _("cities section")
        verbose_name_plural = _("cities sections")

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
