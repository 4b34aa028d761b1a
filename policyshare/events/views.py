"""Public pages: the registration form, the private registration page with its cancel
button, and the calendars (.ics)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from policyshare.core.languages import reader_language
from policyshare.core.views import form_response, private, refused_over_limit

from . import selectors, services
from .forms import RegistrationForm
from .models import EventPage

ICS_TYPE = "text/calendar; charset=utf-8"


def _event(page_id: int) -> EventPage:
    return get_object_or_404(EventPage.objects.live().public(), pk=page_id)


@require_http_methods(["GET", "POST"])
def register(request, page_id: int):
    event = _event(page_id)
    language = reader_language()
    is_open = event.registration_open()
    form = RegistrationForm(request.POST or None, language=language)
    refused = False
    accepted = (
        request.method == "POST"
        and is_open
        and form.is_valid()
        and not (refused := refused_over_limit(request, form, scope="event_registration"))
    )
    if accepted:
        try:
            _registration, token = services.register(
                event=event,
                language=language,
                consent_text=form.consent_text,
                **form.registration_fields(),
            )
        except services.RegistrationClosed:
            is_open = False
        else:
            return redirect("events:registration", token=token)
    return form_response(
        request,
        "events/register.html",
        {
            "event": event,
            "form": form,
            "is_open": is_open,
            "seats_left": selectors.seats_left(event),
        },
        refused=refused,
        status=200 if is_open or request.method == "GET" else 409,
    )


@private
def registration(request, token: str):
    found = services.find_by_token(token)
    if found is None:
        return render(request, "events/registration_unknown.html", status=404)
    return render(
        request,
        "events/registration.html",
        {"registration": found, "event": found.event, "token": token},
    )


@private
@require_POST
def cancel(request, token: str):
    found = services.find_by_token(token)
    if found is None:
        return render(request, "events/registration_unknown.html", status=404)
    services.cancel(registration=found)
    return redirect("events:registration", token=token)


# The calendar views import `calendars` (and with it the icalendar library) when asked: a
# worker that serves no .ics file never holds them (core/tests/test_startup_imports.py).


def event_calendar(request, page_id: int):
    from . import calendars

    event = _event(page_id)
    response = HttpResponse(calendars.event_calendar(event, host=request.get_host()), ICS_TYPE)
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


def upcoming_calendar(request):
    from . import calendars

    language = reader_language()
    events = selectors.upcoming_events(language=language)
    if not events and not selectors.has_event_section(language=language):
        raise Http404(_("No events in this language."))
    return HttpResponse(
        calendars.feed_calendar(events, host=request.get_host(), language=language), ICS_TYPE
    )
