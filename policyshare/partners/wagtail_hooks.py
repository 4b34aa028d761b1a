from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
