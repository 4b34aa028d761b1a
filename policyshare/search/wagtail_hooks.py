from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import FailedSearchesReportView


class FailedSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("portal_search.view_searchqueryday")


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
