from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from policyshare.api.api import REGISTER_ROUTER_HOOK

from . import api
from .models import Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "kind", "website", "sort_order"]
    list_filter = ["locale", "kind"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 220


register_snippet(PartnerViewSet)


@hooks.register(REGISTER_ROUTER_HOOK)
def open_data_api_router():
    """This app's typed endpoints on the open-data API (api.py)."""
    return api.router
