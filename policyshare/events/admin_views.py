"""The admin page that cancels or postpones an event (or lets it go ahead again), for every
language of it at once, and tells the people registered."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from . import services
from .models import EventPage, EventStatus, EventStatusChange


class StatusForm(forms.ModelForm):
    """The status and the note per language, with the model's labels, help and limits."""

    class Meta:
        model = EventStatusChange
        fields = ["status", "note"]
        widgets = {"status": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Without the model's empty "---------" choice: an event always has a status.
        self.fields["status"].choices = EventStatus.choices


def may_change_status(user, event: EventPage) -> bool:
    """Those who may publish the event: a cancellation tells every registrant at once."""
    return event.permissions_for_user(user).can_publish()


def change_status(request, page_id: int):
    event = get_object_or_404(EventPage, pk=page_id)
    if not may_change_status(request.user, event):
        raise PermissionDenied
    current = event.status_change
    form = StatusForm(
        request.POST or None,
        initial={"status": event.status, "note": current.note if current else {}},
    )
    if request.method == "POST" and form.is_valid():
        told = services.change_status(
            event=event,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            user=request.user,
        )
        messages.success(
            request,
            _("“%(title)s” is now: %(status)s. %(told)s registrants were told.")
            % {
                "title": event.title,
                "status": EventStatus(form.cleaned_data["status"]).label,
                "told": told,
            },
        )
        return redirect("events_admin:status", page_id=event.pk)
    history = EventStatusChange.objects.filter(
        translation_key=event.translation_key
    ).select_related("changed_by")[:20]
    return render(
        request,
        "events/admin/status.html",
        {
            "event": event,
            "form": form,
            "history": history,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[event.pk]),
        },
        status=400 if form.errors else 200,
    )
