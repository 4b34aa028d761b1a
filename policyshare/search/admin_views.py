"""The editors' report of searches that found nothing."""

from types import SimpleNamespace

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from . import selectors
from .models import SearchQueryDay

REPORT_DAYS = 90


class FailedSearchesReportView(ReportView):
    page_title = _("Searches that found nothing")
    header_icon = "search"
    index_url_name = "portal_search_failed_searches"
    index_results_url_name = "portal_search_failed_searches_results"
    permission_policy = ModelPermissionPolicy(SearchQueryDay)
    permission_required = "view"
    paginate_by = 50
    columns = [
        Column("query", label=_("Query")),
        Column("language", label=_("Language")),
        Column("misses", label=_("Searches that found nothing")),
        Column("searches", label=_("All searches")),
    ]
    list_export = ["query", "language", "misses", "searches"]
    export_headings = {
        "query": _("Query"),
        "language": _("Language"),
        "misses": _("Searches that found nothing"),
        "searches": _("All searches"),
    }

    def get_queryset(self):
        return [SimpleNamespace(**row) for row in selectors.top_failed_searches(days=REPORT_DAYS)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subtitle"] = _("Last %(days)s days, most frequent first") % {"days": REPORT_DAYS}
        return context
