"""Public pages: the request forms, the confirmation, the private tracking page."""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from policyshare.core.languages import reader_language
from policyshare.core.localized import localized
from policyshare.core.params import parse_int
from policyshare.core.views import form_response, private, refused_over_limit

from . import selectors, services
from .forms import CooperationRequestForm, NewLinkForm, initial_policies
from .models import RequestKind

# URL slug of each kind of request.
KIND_SLUGS = {
    "consultation": RequestKind.CONSULTATION,
    "study-visit": RequestKind.STUDY_VISIT,
    "webinar": RequestKind.WEBINAR,
    "officials-invitation": RequestKind.OFFICIALS_INVITATION,
}
# Unchanged since the app was called `inquiries`: links signed before still open.
RECEIVED_SALT = "inquiries.received"
RECEIVED_MAX_AGE = 24 * 60 * 60


def start(request):
    policy = parse_int(request.GET.get("policy"))
    kinds = [
        {"slug": slug, "kind": kind, "label": RequestKind(kind).label}
        for slug, kind in KIND_SLUGS.items()
    ]
    return render(
        request,
        "cooperation_requests/start.html",
        {
            "kinds": kinds,
            "policy": "" if policy is None else policy,
        },
    )


@require_http_methods(["GET", "POST"])
def request_form(request, kind_slug: str):
    kind = KIND_SLUGS.get(kind_slug)
    if kind is None:
        raise Http404
    language = reader_language()
    refused = False
    if request.method == "POST":
        form = CooperationRequestForm(request.POST, kind=kind, language=language)
        if form.is_valid() and not (refused := refused_over_limit(request, form, scope="request")):
            cooperation_request, token = services.submit_request(
                kind=kind,
                language=language,
                policies=form.cleaned_data["policies"],
                consent_text=form.consent_text,
                **form.request_fields(),
            )
            # The private link rides in the signed address for the confirmation page to
            # show once: the address is as private as the link itself (never cached,
            # indexed or sent as a referrer), and it expires with RECEIVED_MAX_AGE.
            signed = signing.dumps({"pk": cooperation_request.pk, "t": token}, salt=RECEIVED_SALT)
            return redirect("inquiries:received", signed=signed)
    else:
        form = CooperationRequestForm(
            kind=kind,
            language=language,
            initial={
                "policies": initial_policies(
                    policy_id=request.GET.get("policy"), language=language
                ),
                # The search's "Ask Seoul" link carries the reader's query here.
                "topic": initial_topic(request.GET.get("topic", "")),
                # A city page's link carries its city.
                **initial_city(request.GET.get("city", ""), language=language),
            },
        )
    return form_response(
        request,
        "cooperation_requests/request_form.html",
        {
            "form": form,
            "kind": kind,
            "kind_label": RequestKind(kind).label,
            "is_study_visit": kind == RequestKind.STUDY_VISIT,
            "is_invitation": kind == RequestKind.OFFICIALS_INVITATION,
            "retention_days": settings.REQUEST_RETENTION_DAYS,
        },
        refused=refused,
    )


def initial_topic(raw: str) -> str:
    """A topic passed in the address: printable characters, single spaces, as long as the
    field allows. The form escapes it when it renders it."""
    limit = CooperationRequestForm.base_fields["topic"].max_length
    text = "".join(ch if ch.isprintable() else " " for ch in raw[: limit * 4])
    return " ".join(text.split())[:limit]


def initial_city(slug: str, *, language: str) -> dict:
    """The city, its country and its record, from a city page's ?city=<slug>; {} for a slug
    that names no city."""
    city = selectors.known_city(slug)
    if city is None:
        return {}
    return {
        "city": localized(city.names, language),
        "country": city.country.code,
        "city_record": city.slug,
    }


@private
def received(request, signed: str):
    """The confirmation after a redirect: the reference, with no cookie needed."""
    try:
        payload = signing.loads(signed, salt=RECEIVED_SALT, max_age=RECEIVED_MAX_AGE)
    except signing.BadSignature as error:
        raise Http404 from error
    # Addresses signed before the link was carried hold the bare id.
    pk, token = (
        (payload.get("pk"), payload.get("t")) if isinstance(payload, dict) else (payload, None)
    )
    cooperation_request = selectors.request_for_confirmation(pk=pk)
    if cooperation_request is None:
        raise Http404
    # Shown only while it is still the request's link (a new one may have been asked for).
    tracking_url = ""
    if isinstance(token, str) and services.token_opens(cooperation_request, token):
        # On the address the requester is using (the mail carries SITE_URL's).
        tracking_url = request.build_absolute_uri(
            services.tracking_path(token=token, language=cooperation_request.language)
        )
    return render(
        request,
        "cooperation_requests/received.html",
        {"cooperation_request": cooperation_request, "tracking_url": tracking_url},
    )


@private
def track(request, token: str):
    cooperation_request = services.find_by_token(token)
    if cooperation_request is None:
        return render(request, "cooperation_requests/track_unknown.html", status=404)
    return render(
        request,
        "cooperation_requests/track.html",
        {
            "cooperation_request": cooperation_request,
            "token": token,
            **selectors.tracking_view(cooperation_request),
        },
    )


@private
@require_http_methods(["GET", "POST"])
def erase(request, token: str):
    """The requester erases their personal data: a confirmation step, then a POST."""
    cooperation_request = services.find_by_token(token)
    if cooperation_request is None:
        return render(request, "cooperation_requests/track_unknown.html", status=404)
    if request.method == "POST":
        services.anonymise(request=cooperation_request, detail="at the requester's request")
        return redirect(reverse("inquiries:erased"))
    return render(
        request,
        "cooperation_requests/erase_confirm.html",
        {
            "cooperation_request": cooperation_request,
            "token": token,
        },
    )


@require_http_methods(["GET", "POST"])
def new_link(request):
    """A lost tracking link: a new one is mailed if reference and e-mail match."""
    refused = False
    if request.method == "POST":
        form = NewLinkForm(request.POST)
        if form.is_valid() and not (refused := refused_over_limit(request, form, scope="new_link")):
            services.reissue_tracking_link(**form.cleaned_data)
            return render(
                request,
                "message.html",
                {
                    "title": _("Check your inbox"),
                    "message": _(
                        "If the reference and the address match a request, we have sent "
                        "a new private link to that address. Earlier links no longer "
                        "work."
                    ),
                },
            )
    else:
        form = NewLinkForm()
    return form_response(
        request, "cooperation_requests/new_link.html", {"form": form}, refused=refused
    )


def erased(request):
    return render(request, "cooperation_requests/erased.html")
