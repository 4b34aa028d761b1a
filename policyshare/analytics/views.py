"""/admin/analytics/: the editors' figures over a period, as charts, tables and CSV files."""

import csv
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language, get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_countries import countries
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from policyshare.cooperation_requests.models import RequestKind, RequestStatus
from policyshare.cooperation_requests.selectors import OVERDUE_ONLY, csv_safe
from policyshare.core.views import admin_permission_required

from . import selectors
from .charts import svg_chart
from .periods import DATE_FORMAT, read_period, shortcuts

# Editors and Moderators hold it (the failed-searches report's permission): the page shows
# reading and search figures and counts of requests, nothing personal.
PERMISSION = "portal_search.view_searchqueryday"


def user_may_view(user) -> bool:
    return user.has_perm(PERMISSION)


def analytics_view():
    """The page, for holders of `PERMISSION`; others get a real 403 (Wagtail would turn
    PermissionDenied into a redirect to the dashboard)."""
    return admin_permission_required(PERMISSION)(AnalyticsView.as_view())


def _language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _day(day) -> str:
    return day.isoformat()


def _change(current: int, previous: int) -> dict:
    """The change from `previous` to `current`, signed, with a percentage when it means one
    (a cell written left to right, so that an Arabic page keeps the sign before the number)."""
    difference = current - previous
    text = f"{difference:+d}"
    if previous:
        text += f" ({difference * 100 / previous:+.0f}%)"
    return {"text": text, "ltr": True}


class AnalyticsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Analytics")
    header_icon = "table"
    template_name = "analytics/index.html"

    def get_page_subtitle(self):
        return None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        self.form, self.period, self.compare = read_period(request.GET)
        if request.GET.get("format") == "csv":
            return self.csv_response(request.GET.get("table", ""))
        return super().get(request, *args, **kwargs)

    # The tables ----------------------------------------------------------------------------

    def tables(self) -> list[dict]:
        """Every table of the page, in order: a key (for the CSV link), its section, a
        caption, the column headings, the rows (the first cell heads the row) and maybe a
        chart of one of its columns."""
        period, compare = self.period, self.compare
        language = get_language()
        tables = []

        tables.append(
            self.per_day_table(
                "views",
                "views",
                selectors.views_per_day(period),
                gettext("Views per day"),
                gettext("Views"),
            )
        )
        tables.append(
            {
                "key": "sections",
                "section": "views",
                "caption": gettext("Views per section"),
                "columns": [gettext("Section"), gettext("Views")],
                "rows": [
                    (section["title"] or gettext("Home pages"), section["views"])
                    for section in selectors.views_per_section(period, language=language)
                ],
            }
        )
        tables.append(
            {
                "key": "languages",
                "section": "views",
                "caption": gettext("Views per language"),
                "columns": [gettext("Language"), gettext("Views")],
                "rows": [
                    (_language_name(code), total)
                    for code, total in selectors.views_per_language(period)
                ],
            }
        )
        tables.append(
            {
                "key": "themes",
                "section": "views",
                "caption": gettext("Views of policy cases per theme"),
                "columns": [gettext("Theme"), gettext("Views")],
                "rows": selectors.views_per_theme(period, language=language),
            }
        )
        tables.append(
            {
                "key": "pages",
                "section": "views",
                "caption": gettext("Most read pages"),
                "columns": [gettext("Page"), gettext("Language"), gettext("Views")],
                "rows": [
                    (
                        {
                            "text": page.title,
                            "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                        },
                        _language_name(page.locale.language_code),
                        total,
                    )
                    for page, total in selectors.top_pages(period)
                ],
            }
        )

        searches = selectors.searches_per_day(period)
        tables.append(
            {
                "key": "searches",
                "section": "searches",
                "caption": gettext("Searches per day"),
                "columns": [gettext("Day"), gettext("Searches"), gettext("Found nothing")],
                "rows": [(_day(day), total, misses) for day, total, misses in searches],
                "chart": self.chart(
                    "searches",
                    [(day, total) for day, total, _misses in searches],
                    gettext("Searches per day"),
                    gettext("Searches"),
                ),
                "second_chart": self.chart(
                    "misses",
                    [(day, misses) for day, _total, misses in searches],
                    gettext("Searches that found nothing, per day"),
                    gettext("Found nothing"),
                ),
            }
        )
        for key, caption, misses in (
            ("queries", gettext("Top queries"), False),
            ("zero_queries", gettext("Top queries that found nothing"), True),
        ):
            columns = [gettext("Query"), gettext("Language"), gettext("Searches")]
            if misses:
                columns[-1] = gettext("Found nothing")
            if compare:
                columns += [gettext("Previous period"), gettext("Difference")]
            rows = []
            for row in selectors.top_queries(period, compare=compare, misses=misses):
                cells = [row["query"], _language_name(row["language"]), row["total"]]
                if compare:
                    cells += [row["previous"], _change(row["total"], row["previous"])]
                rows.append(cells)
            tables.append(
                {
                    "key": key,
                    "section": "searches",
                    "caption": caption,
                    "columns": columns,
                    "rows": rows,
                }
            )

        kinds, statuses = dict(RequestKind.choices), dict(RequestStatus.choices)
        for key, caption, heading, field, label in (
            ("request_kinds", gettext("Requests by type"), gettext("Type"), "kind", kinds.get),
            (
                "request_statuses",
                gettext("Requests by status"),
                gettext("Status"),
                "status",
                statuses.get,
            ),
            (
                "request_countries",
                gettext("Requests by country"),
                gettext("Country"),
                "country",
                countries.name,
            ),
        ):
            tables.append(
                {
                    "key": key,
                    "section": "requests",
                    "caption": caption,
                    "columns": [heading, gettext("Requests")],
                    "rows": [
                        (str(label(value) or value), total)
                        for value, total in selectors.requests_by(period, field)
                    ],
                }
            )
        tables.append(
            {
                "key": "request_themes",
                "section": "requests",
                "caption": gettext("Requests by theme of the policies they name"),
                "columns": [gettext("Theme"), gettext("Requests")],
                "rows": selectors.requests_by_theme(period, language=language),
            }
        )

        tables.append(
            self.per_day_table(
                "downloads",
                "downloads",
                selectors.downloads_per_day(period),
                gettext("Attachment downloads per day"),
                gettext("Downloads"),
            )
        )
        tables.append(
            {
                "key": "documents",
                "section": "downloads",
                "caption": gettext("Most downloaded documents"),
                "columns": [gettext("Document"), gettext("Downloads")],
                "rows": [
                    (
                        {
                            "text": row["document__title"],
                            "url": reverse("wagtaildocs:edit", args=[row["document"]]),
                        },
                        row["total"],
                    )
                    for row in selectors.top_documents(period)
                ],
            }
        )

        tables.append(self.overdue_table())

        tables.append(
            self.per_day_table(
                "subscribers",
                "newsletter",
                selectors.subscribers_per_day(period),
                gettext("Confirmed newsletter subscribers"),
                gettext("Subscribers"),
                kind="line",
            )
        )
        return tables

    def per_day_table(self, key, section, series, caption, column, *, kind="bar") -> dict:
        """A table of one count per day (`series`: (day, count) pairs), charted."""
        return {
            "key": key,
            "section": section,
            "caption": caption,
            "columns": [gettext("Day"), column],
            "rows": [(_day(day), total) for day, total in series],
            "chart": self.chart(key, series, caption, column, kind=kind),
        }

    def overdue_table(self) -> dict:
        """The requests overdue today, whatever the period: what Editors may see of them
        (reference, type, country, status, since when), linked to the inbox for those who
        handle requests."""
        kinds, statuses = dict(RequestKind.choices), dict(RequestStatus.choices)
        overdue = selectors.overdue_now()
        handler = self.request.user.has_perm("cooperation_requests.handle_requests")
        zone = selectors.site_zone()
        rows = []
        for row in overdue["rows"]:
            reference = row["reference"]
            if handler:
                url = reverse("inquiries_admin:detail", args=[row["pk"]])
                reference = {"text": reference, "url": url}
            rows.append(
                (
                    reference,
                    str(kinds.get(row["kind"], row["kind"])),
                    str(countries.name(row["country"]) or row["country"]),
                    str(statuses.get(row["status"], row["status"])),
                    timezone.localtime(row["last_activity"], zone).date().isoformat(),
                )
            )
        days = settings.REQUEST_OVERDUE_DAYS
        table = {
            "key": "overdue",
            "section": "requests",
            "caption": ngettext(
                "Requests overdue today: %(count)s (no status change or reply for more than "
                "%(days)s working day)",
                "Requests overdue today: %(count)s (no status change or reply for more than "
                "%(days)s working days)",
                days,
            )
            % {"count": overdue["count"], "days": days},
            "columns": [
                gettext("Reference"),
                gettext("Type"),
                gettext("Country"),
                gettext("Status"),
                gettext("Last status change or reply"),
            ],
            "rows": rows,
            "empty": gettext("No request is overdue."),
        }
        if handler:
            table["more_url"] = f"{reverse('inquiries_admin:index')}?overdue={OVERDUE_ONLY}"
            table["more_text"] = gettext("All overdue requests in the inbox")
        return table

    def period_shortcuts(self) -> list[dict]:
        labels = {
            "last_30_days": gettext("Last 30 days"),
            "this_month": gettext("This month"),
            "last_month": gettext("Last month"),
            "this_year": gettext("This year"),
        }
        result = []
        for key, period in shortcuts().items():
            query = {
                "from": period.start.strftime(DATE_FORMAT),
                "to": period.end.strftime(DATE_FORMAT),
            }
            result.append(
                {
                    "key": key,
                    "label": labels[key],
                    "url": reverse("analytics_index") + "?" + urlencode(query),
                    "current": period == self.period,
                }
            )
        return result

    def chart(self, key, series, title, y_label, *, kind="bar"):
        if not series:
            return None
        first, last = series[0], series[-1]
        description = gettext(
            "%(title)s from %(start)s to %(end)s: %(first)s on the first day, %(last)s on the "
            "last, %(highest)s at the highest. The table below gives every day."
        ) % {
            "title": title,
            "start": _day(first[0]),
            "end": _day(last[0]),
            "first": first[1],
            "last": last[1],
            "highest": max(value for _day_, value in series),
        }
        return svg_chart(
            [_day(day) for day, _value in series],
            [value for _day_, value in series],
            title=title,
            description=description,
            x_label=gettext("Day"),
            y_label=y_label,
            chart_id=f"analytics-chart-{key}",
            kind=kind,
        )

    def summary(self) -> list[dict]:
        """The period's totals (and the comparison period's, when asked for)."""
        figures = [
            (gettext("Views"), selectors.views_total),
            (gettext("Searches"), lambda p: sum(row[1] for row in selectors.searches_per_day(p))),
            (
                gettext("Searches that found nothing"),
                lambda p: sum(row[2] for row in selectors.searches_per_day(p)),
            ),
            (
                gettext("Requests"),
                lambda p: sum(total for _kind, total in selectors.requests_by(p, "kind")),
            ),
            (
                gettext("Attachment downloads"),
                lambda p: sum(total for _day_, total in selectors.downloads_per_day(p)),
            ),
        ]
        result = []
        for label, compute in figures:
            current = compute(self.period)
            item = {"label": label, "value": current}
            if self.compare:
                previous = compute(self.compare)
                item.update(previous=previous, change=_change(current, previous))
            result.append(item)
        return result

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tables = self.tables()
        query = self.request.GET.copy()
        query.pop("format", None)
        query.pop("table", None)
        for table in tables:
            query["format"], query["table"] = "csv", table["key"]
            table["csv_url"] = "?" + query.urlencode()
            table["id"] = "analytics-" + table["key"].replace("_", "-")
        replies = selectors.first_reply_times(self.period)
        median = replies["median"]
        if median is not None:
            hours = round(median.total_seconds() / 3600)
            replies["median_text"] = ngettext("%(count)s hour", "%(count)s hours", hours) % {
                "count": hours
            }
        sections = [
            ("views", gettext("Views")),
            ("searches", gettext("Searches")),
            ("requests", gettext("Cooperation requests")),
            ("downloads", gettext("Attachment downloads")),
            ("newsletter", gettext("Newsletter")),
        ]
        context.update(
            form=self.form,
            period=self.period,
            compare=self.compare,
            period_start=formats.date_format(self.period.start, "Y-m-d"),
            period_end=formats.date_format(self.period.end, "Y-m-d"),
            summary=self.summary(),
            period_shortcuts=self.period_shortcuts(),
            replies=replies,
            sections=[
                {
                    "key": key,
                    "title": title,
                    "tables": [t for t in tables if t["section"] == key],
                }
                for key, title in sections
            ],
        )
        return context

    # CSV -----------------------------------------------------------------------------------

    def csv_response(self, key: str) -> HttpResponse:
        tables = {table["key"]: table for table in self.tables()}
        table = tables.get(key)
        if table is None:
            # 400, not 404: LocaleMiddleware redirects 404s to a /ko/ URL.
            return HttpResponseBadRequest(
                gettext("There is no such table."), content_type="text/plain; charset=utf-8"
            )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"analytics-{key}-{self.period.start}-{self.period.end}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")  # so that spreadsheets read the file as UTF-8
        writer = csv.writer(response)
        writer.writerow([csv_safe(column) for column in table["columns"]])
        for row in table["rows"]:
            writer.writerow(
                [csv_safe(cell["text"] if isinstance(cell, dict) else cell) for cell in row]
            )
        return response
