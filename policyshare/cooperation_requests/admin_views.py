"""The staff inbox in the Wagtail admin. Only request handlers get in; others get 403."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from policyshare.core.languages import reader_language
from policyshare.core.views import admin_permission_required

from . import selectors, services
from .forms import AssignForm, FirmInterestForm, MessageForm, StatusForm
from .models import CooperationRequest

PERMISSION = "cooperation_requests.handle_requests"
PER_PAGE = 50


handler_required = admin_permission_required(
    PERMISSION, template="cooperation_requests/admin/forbidden.html"
)


@handler_required
def index(request):
    filterset = selectors.inbox(request.GET)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("p"))
    params = request.GET.copy()
    params.pop("p", None)
    return render(
        request,
        "cooperation_requests/admin/index.html",
        {
            "filterset": filterset,
            "requests": page,
            "query": params.urlencode(),
        },
    )


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
