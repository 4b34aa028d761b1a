from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from policyshare.api.api import REGISTER_ROUTER_HOOK
from policyshare.core.content.feeds import HOOK as FEED_HOOK
from policyshare.opendata.records import RECORDS_HOOK

from . import api, feeds
from .archive import PolicyRecords
from .models import ExchangeRate, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "is_popular", "sort_order"]
    list_filter = ["locale", "is_popular"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 210


register_snippet(ThemeViewSet)


class ExchangeRateViewSet(SnippetViewSet):
    """The rates that turn a policy's budget lines into US dollars (selectors.case_costs)."""

    model = ExchangeRate
    icon = "table"
    menu_label = _("Exchange rates")
    list_display = ["currency", "year", "units_per_usd", "source"]
    list_filter = ["currency", "year"]
    search_fields = ["currency", "source"]


register_snippet(ExchangeRateViewSet)


@hooks.register(FEED_HOOK)
def policy_feed():
    return feeds.POLICIES


@hooks.register(FEED_HOOK)
def theme_feed():
    return feeds.THEME


@hooks.register(REGISTER_ROUTER_HOOK)
def open_data_api_router():
    """This app's typed endpoints on the open-data API (api.py)."""
    return api.router


@hooks.register(RECORDS_HOOK)
def content_archive_records():
    """The exchange-rate table in export_content (archive.py)."""
    return PolicyRecords()
