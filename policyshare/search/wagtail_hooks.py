from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import (
    FailedSearchesReportView,
    PopularSearchesReportView,
    set_search_term_visibility,
)
from .models import SearchSynonym


class FailedSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("portal_search.view_searchqueryday")


class PopularSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("portal_search.change_searchterm")


@hooks.register("register_admin_urls")
def register_failed_searches_urls():
    return [
        path(
            "reports/failed-searches/",
            FailedSearchesReportView.as_view(),
            name="portal_search_failed_searches",
        ),
        path(
            "reports/failed-searches/results/",
            FailedSearchesReportView.as_view(results_only=True),
            name="portal_search_failed_searches_results",
        ),
        path(
            "reports/popular-searches/",
            PopularSearchesReportView.as_view(),
            name="portal_search_popular_searches",
        ),
        path(
            "reports/popular-searches/results/",
            PopularSearchesReportView.as_view(results_only=True),
            name="portal_search_popular_searches_results",
        ),
        path(
            "reports/popular-searches/visibility/",
            set_search_term_visibility,
            name="portal_search_search_term_visibility",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_failed_searches_menu_item():
    return FailedSearchesMenuItem(
        _("Searches that found nothing"),
        reverse("portal_search_failed_searches"),
        name="failed-searches",
        icon_name="search",
        order=1100,
    )


@hooks.register("register_reports_menu_item")
def register_popular_searches_menu_item():
    return PopularSearchesMenuItem(
        _("Popular searches"),
        reverse("portal_search_popular_searches"),
        name="popular-searches",
        icon_name="search",
        order=1110,
    )


class SearchSynonymViewSet(SnippetViewSet):
    """Editors keep the synonym lists of each language (docs/search.md, "Synonyms")."""

    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["terms", "language", "changed_at"]
    list_filter = ["language"]
    search_fields = ["terms"]
    add_to_settings_menu = True
    menu_order = 900


register_snippet(SearchSynonymViewSet)
