"""The editors' reports of searches: those that found nothing, and the popular searches
readers see, each of which editors may hide."""

from types import SimpleNamespace

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import BaseColumn, Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from . import selectors, services
from .forms import SearchTermVisibilityForm
from .models import SearchQueryDay, SearchTerm

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


class VisibilityColumn(BaseColumn):
    """A button that hides the term from the popular searches, or shows it again."""

    cell_template_name = "portal_search/admin/visibility_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class PopularSearchesReportView(ReportView):
    page_title = _("Popular searches")
    header_icon = "search"
    index_url_name = "portal_search_popular_searches"
    index_results_url_name = "portal_search_popular_searches_results"
    permission_policy = ModelPermissionPolicy(SearchTerm)
    permission_required = "change"
    paginate_by = 50
    columns = [
        Column("query", label=_("Query")),
        Column("language", label=_("Language")),
        Column("visitors", label=_("Visitors")),
        Column("searches", label=_("All searches")),
        Column("status", label=_("On the search page")),
        VisibilityColumn("visibility", label=_("Action")),
    ]
    list_export = ["query", "language", "visitors", "searches", "status"]
    export_headings = {
        "query": _("Query"),
        "language": _("Language"),
        "visitors": _("Visitors"),
        "searches": _("All searches"),
        "status": _("On the search page"),
    }

    def get_queryset(self):
        rows = []
        for row in selectors.search_terms_for_moderation():
            if row["hidden"]:
                status = gettext("Hidden")
            elif row["popular"]:
                status = gettext("Shown")
            else:
                status = gettext("Too few visitors")
            rows.append(SimpleNamespace(**row, status=status))
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subtitle"] = _(
            "Last %(days)s days, most visitors first; shown from %(minimum)s visitors"
        ) % {"days": selectors.POPULAR_SEARCH_DAYS, "minimum": settings.SEARCH_POPULAR_MIN_VISITORS}
        return context


@require_POST
def set_search_term_visibility(request):
    """Hide a popular search (or show it again), then back to the report."""
    if not ModelPermissionPolicy(SearchTerm).user_has_permission(request.user, "change"):
        raise PermissionDenied
    form = SearchTermVisibilityForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("That search term could not be changed."))
        return redirect("portal_search_popular_searches")
    term = services.set_search_term_hidden(**form.cleaned_data)
    if term.hidden:
        message = gettext("“%(query)s” is no longer shown among the popular searches.")
    else:
        message = gettext("“%(query)s” may be shown among the popular searches again.")
    messages.success(request, message % {"query": term.query})
    return redirect("portal_search_popular_searches")
