"""The staff inbox in the Wagtail admin. Only request handlers get in; others get 403."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.widgets.button import HeaderButton

from policyshare.core.languages import reader_language
from policyshare.core.views import admin_permission_required

from . import selectors, services
from .forms import AssignForm, FirmInterestForm, MessageForm, StatusForm
from .models import CooperationRequest, RequestStatus

PERMISSION = "cooperation_requests.handle_requests"
PER_PAGE = 50


handler_required = admin_permission_required(
    PERMISSION, template="cooperation_requests/admin/forbidden.html"
)


def _requester(item) -> str:
    return f"{item.name}, {item.organisation}, {item.city} ({item.country.code})"


def _policies(item) -> str:
    return "; ".join(policy.title for policy in item.policies.all())


class ZonedTimeColumn(Column):
    """A time in the site's zone with the zone named, as everywhere in the portal."""

    cell_template_name = "cooperation_requests/admin/zoned_time_cell.html"


class InboxView(BaseListingView):
    """The inbox: Wagtail's own listing (sortable table, filters in the side drawer that
    refresh the results in place, pagination), as every admin listing looks. The filters
    are `selectors.RequestFilter`, which the CSV export shares."""

    model = CooperationRequest
    filterset_class = selectors.RequestFilter
    index_url_name = "inquiries_admin:index"
    index_results_url_name = "inquiries_admin:index_results"
    page_title = gettext_lazy("Cooperation requests")
    header_icon = "mail"
    paginate_by = PER_PAGE
    default_ordering = "-created_at"
    verbose_name = gettext_lazy("request")
    verbose_name_plural = gettext_lazy("requests")
    columns = [
        TitleColumn(
            "reference",
            label=gettext_lazy("Reference"),
            sort_key="reference",
            url_name="inquiries_admin:detail",
        ),
        Column("kind", label=gettext_lazy("Type"), accessor="get_kind_display"),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            primary=lambda item: item.status == RequestStatus.RECEIVED,
            sort_key="status",
        ),
        Column("requester", label=gettext_lazy("From"), accessor=_requester),
        Column("policies", label=gettext_lazy("Policies"), accessor=_policies),
        Column(
            "assigned_to",
            label=gettext_lazy("Assigned to"),
            accessor=lambda item: item.assigned_to.get_username() if item.assigned_to else "–",
        ),
        ZonedTimeColumn("created_at", label=gettext_lazy("Received"), sort_key="created_at"),
    ]

    def get_base_queryset(self):
        return selectors.inbox_queryset()

    def filter_queryset(self, queryset):
        # As the export filters: the valid filters apply, an invalid one is a form error in
        # the drawer (Wagtail's default drops every filter once one is invalid).
        if not self.filters:
            return queryset
        self.filters.form.is_valid()
        return self.filters.filter_queryset(queryset)

    def order_queryset(self, queryset):
        # The newest first among equals, so pages never shift between two requests.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "-pk")

    def get_header_buttons(self):
        query = self.request.GET.copy()
        for key in ("p", "_w_filter_fragment", "ordering"):
            query.pop(key, None)
        url = reverse("inquiries_admin:export_csv")
        return [
            HeaderButton(
                gettext_lazy("Download CSV"),
                url=f"{url}?{query.urlencode()}" if query else url,
                icon_name="download",
            )
        ]


index = handler_required(InboxView.as_view())
index_results = handler_required(InboxView.as_view(results_only=True))


@handler_required
def export_csv(request):
    filterset = selectors.inbox(request.GET)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="requests-{stamp}.csv"'
    # A byte-order mark so spreadsheet programs read Korean text as UTF-8.
    response.write("\ufeff")
    writer = csv.DictWriter(response, fieldnames=selectors.EXPORT_COLUMNS)
    writer.writeheader()
    for row in selectors.export_rows(filterset.qs):
        writer.writerow({key: selectors.csv_safe(value) for key, value in row.items()})
    return response


@handler_required
def detail(request, pk: int):
    cooperation_request = get_object_or_404(
        CooperationRequest.objects.select_related(
            "assigned_to", "consent_text", "city_record", "firm_interest__firm", "event_page"
        ),
        pk=pk,
    )
    return render(
        request,
        "cooperation_requests/admin/detail.html",
        {
            "cooperation_request": cooperation_request,
            "may_create_event": services.can_create_event(
                user=request.user, cooperation_request=cooperation_request
            ),
            "policies": list(cooperation_request.policies.all()),
            "events": list(cooperation_request.events.select_related("actor")),
            "replies": list(cooperation_request.replies.select_related("author")),
            "notes": list(cooperation_request.notes.select_related("author")),
            "status_form": StatusForm(
                initial={
                    "status": cooperation_request.status,
                    "reason": cooperation_request.decline_reason,
                }
            ),
            "event_edit_url": (
                reverse("wagtailadmin_pages:edit", args=[cooperation_request.event_page_id])
                if cooperation_request.event_page_id
                else ""
            ),
            "assign_form": AssignForm(initial={"assignee": cooperation_request.assigned_to_id}),
            "note_form": MessageForm(prefix="note"),
            "reply_form": MessageForm(prefix="reply"),
            "interest_form": _interest_form(cooperation_request),
            "interest_url": _interest_url(cooperation_request),
        },
    )


def _interest_form(cooperation_request):
    """The form that records the firm's interest: for an officials invitation staff took up
    and that has none yet."""
    if not (
        cooperation_request.is_officials_invitation
        and cooperation_request.status in services.ACCEPTED_STATUSES
        and cooperation_request.firm_interest_id is None
        and not cooperation_request.is_anonymised
    ):
        return None
    first_policy = cooperation_request.policies.first()
    return FirmInterestForm(
        prefix="interest",
        cooperation_request=cooperation_request,
        initial={
            "city": cooperation_request.city_record_id,
            "policy": first_policy.pk if first_policy else None,
            "public": True,
        },
    )


def _interest_url(cooperation_request) -> str:
    """The recorded interest's page in the snippet admin, or "" when there is none."""
    if cooperation_request.firm_interest_id is None:
        return ""
    return reverse(
        "wagtailsnippets_sharing_firminterest:edit", args=[cooperation_request.firm_interest_id]
    )


def _form_errors(request, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@require_POST
@handler_required
def change_status(request, pk: int):
    cooperation_request = get_object_or_404(CooperationRequest, pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            changed = services.change_status(
                request=cooperation_request,
                status=form.cleaned_data["status"],
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if changed:
                messages.success(request, _("Status changed; the requester is told by e-mail."))
    else:
        _form_errors(request, form)
    return redirect("inquiries_admin:detail", pk=pk)


@require_POST
@handler_required
def assign(request, pk: int):
    cooperation_request = get_object_or_404(CooperationRequest, pk=pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        services.assign(
            request=cooperation_request, assignee=form.cleaned_data["assignee"], actor=request.user
        )
        messages.success(request, _("Assignment saved."))
    else:
        _form_errors(request, form)
    return redirect("inquiries_admin:detail", pk=pk)


@require_POST
@handler_required
def add_note(request, pk: int):
    cooperation_request = get_object_or_404(CooperationRequest, pk=pk)
    form = MessageForm(request.POST, prefix="note")
    if form.is_valid():
        services.add_note(
            request=cooperation_request, author=request.user, body=form.cleaned_data["body"]
        )
        messages.success(request, _("Note added. Notes are never shown to the requester."))
    else:
        _form_errors(request, form)
    return redirect("inquiries_admin:detail", pk=pk)


@require_POST
@handler_required
def add_reply(request, pk: int):
    cooperation_request = get_object_or_404(CooperationRequest, pk=pk)
    form = MessageForm(request.POST, prefix="reply")
    if form.is_valid():
        try:
            services.add_reply(
                request=cooperation_request, author=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Reply sent to the requester."))
    else:
        _form_errors(request, form)
    return redirect("inquiries_admin:detail", pk=pk)


@require_POST
@handler_required
def record_interest(request, pk: int):
    cooperation_request = get_object_or_404(CooperationRequest, pk=pk)
    form = FirmInterestForm(
        request.POST, prefix="interest", cooperation_request=cooperation_request
    )
    if form.is_valid():
        try:
            services.record_interest_from_request(
                request=cooperation_request,
                firm=form.cleaned_data["firm"],
                city=form.cleaned_data["city"],
                policy=form.cleaned_data["policy"],
                note=form.cleaned_data["note"],
                note_language=reader_language(),
                public=form.cleaned_data["public"],
                actor=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The firm's interest is recorded."))
    else:
        _form_errors(request, form)
    return redirect("inquiries_admin:detail", pk=pk)


@require_POST
@handler_required
def create_event(request, pk: int):
    """A draft event from a study-visit or webinar request, for staff who may add events
    under the events section it goes to; the editor opens on it. Twice: the same event."""
    cooperation_request = get_object_or_404(CooperationRequest, pk=pk)
    if not services.can_create_event(user=request.user, cooperation_request=cooperation_request):
        # A real 403: Wagtail would turn PermissionDenied into a redirect.
        return TemplateResponse(request, "core/admin_forbidden.html", status=403)
    try:
        event, created = services.create_event_from_request(
            request=cooperation_request, actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("inquiries_admin:detail", pk=pk)
    if created:
        messages.success(
            request,
            _("A draft event was created from the request. Check it, then publish it."),
        )
    else:
        messages.info(request, _("This request already has an event: here it is."))
    return redirect("wagtailadmin_pages:edit", event.pk)
