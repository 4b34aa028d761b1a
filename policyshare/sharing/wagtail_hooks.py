from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from policyshare.api.api import REGISTER_ROUTER_HOOK
from policyshare.core.content.feeds import HOOK as FEED_HOOK
from policyshare.core.fragments import cached_fragment
from policyshare.opendata.records import RECORDS_HOOK
from policyshare.policies.sections import POLICY_PAGE_SECTIONS_HOOK
from policyshare.policies.selectors import CITY_POPULATION_HOOK, CityPopulation

from . import api, feeds
from .archive import SharingRecords
from .forms import PolicyTransferForm
from .models import City, FirmInterest, Network, PolicyTransfer, TenderNotice
from .policy_lineage import where_this_policy_went


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    menu_label = _("Cities")
    list_display = ["__str__", "slug", "country", "population"]
    list_filter = ["country", "income_group", "climate_zone"]
    search_fields = ["slug"]


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "group"
    menu_label = _("City networks")
    list_display = ["acronym", "name"]


class PolicyTransferViewSet(SnippetViewSet):
    model = PolicyTransfer
    icon = "redirect"
    menu_label = _("Policy transfers")
    list_display = ["__str__", "channel", "stage", "stage_year"]
    list_filter = ["channel", "mode", "stage"]
    # The stage history is checked as a whole (forms.PolicyTransferForm).
    edit_handler = ObjectList(PolicyTransfer.panels, base_form_class=PolicyTransferForm)


class FirmInterestViewSet(SnippetViewSet):
    model = FirmInterest
    icon = "pick"
    menu_label = _("Firms' interests")
    list_display = ["firm", "city", "policy", "declared_on", "public"]
    list_filter = ["public"]


class TenderNoticeViewSet(SnippetViewSet):
    model = TenderNotice
    icon = "doc-full"
    menu_label = _("Tender notices")
    list_display = ["__str__", "country", "deadline", "status"]
    list_filter = ["status", "country"]


class SharingViewSetGroup(SnippetViewSetGroup):
    items = (
        CityViewSet,
        PolicyTransferViewSet,
        FirmInterestViewSet,
        TenderNoticeViewSet,
        NetworkViewSet,
    )
    menu_icon = "globe"
    menu_label = _("Policy sharing")
    menu_name = "policy-sharing"
    menu_order = 230


register_snippet(SharingViewSetGroup)


# --- Feeds of the policy-sharing section (sharing/feeds.py) ---------------------------------
@hooks.register(FEED_HOOK)
def sharing_transfer_feed():
    return feeds.TRANSFERS


@hooks.register(FEED_HOOK)
def sharing_project_feed():
    return feeds.PROJECTS


# The policy page's "Where this policy went" (policies cannot import this app).
hooks.register(POLICY_PAGE_SECTIONS_HOOK, where_this_policy_went)


@hooks.register(REGISTER_ROUTER_HOOK)
def open_data_api_router():
    """This app's typed endpoints on the open-data API (api.py)."""
    return api.router


@hooks.register(RECORDS_HOOK)
def content_archive_records():
    """Cities, transfers, firms' interests and tenders in export_content (archive.py)."""
    return SharingRecords()


@hooks.register(CITY_POPULATION_HOOK)
def policy_case_city_population(page):
    """Whose residents share a policy case's cost: the portal's own city for the cases it
    wrote; none for a case a partner city contributed (its city is free text there, and its
    population is not ours to guess)."""
    if page.contributing_city:
        return None
    # The same for every case: kept with the fragments (a saved city retires it), per reader
    # language (the city's name). In a tuple, so that "no such city" is kept too.
    (found,) = cached_fragment(
        "portal_city_population", get_language(), compute=lambda: (_portal_city_population(),)
    )
    return found


def _portal_city_population() -> CityPopulation | None:
    city = (
        City.objects.portal_city()
        .only("slug", "names", "population", "population_year", "population_source")
        .first()
    )
    if city is None:
        return None
    return CityPopulation(
        name=city.name,
        population=city.population,
        year=city.population_year,
        source=city.population_source,
    )
