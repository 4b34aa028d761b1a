"""Public pages: the request forms, the confirmation, the private tracking page."""

from functools import wraps

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from policyshare.core.languages import reader_language
from policyshare.core.params import parse_int
from policyshare.core.views import client_address

from . import newsletter as newsletter_services
from . import selectors, services
from .forms import CooperationRequestForm, NewLinkForm, NewsletterForm, initial_policies
from .models import RequestKind

# URL slug of each kind of request.
KIND_SLUGS = {
    "consultation": RequestKind.CONSULTATION,
    "study-visit": RequestKind.STUDY_VISIT,
    "webinar": RequestKind.WEBINAR,
}
RECEIVED_SALT = "inquiries.received"
RECEIVED_MAX_AGE = 24 * 60 * 60


def private(view):
    """Pages reached through a private link: never cached, indexed or leaked as a referrer."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = never_cache(view)(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def too_many_requests(request):
    response = render(request, "inquiries/too_many_requests.html", status=429)
    response["Retry-After"] = str(services.RATE_LIMIT_WINDOW_SECONDS)
    return response


def start(request):
    policy = parse_int(request.GET.get("policy"))
    kinds = [
        {"slug": slug, "kind": kind, "label": RequestKind(kind).label}
        for slug, kind in KIND_SLUGS.items()
    ]
    return render(
        request,
        "inquiries/start.html",
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
    if request.method == "POST":
        if services.over_rate_limit(scope="request", address=client_address(request)):
            return too_many_requests(request)
        form = CooperationRequestForm(request.POST, kind=kind, language=language)
        if form.is_valid():
            cooperation_request, _token = services.submit_request(
                kind=kind,
                language=language,
                policies=form.cleaned_data["policies"],
                **form.request_fields(),
            )
            signed = signing.dumps(cooperation_request.pk, salt=RECEIVED_SALT)
            return redirect("inquiries:received", signed=signed)
    else:
        form = CooperationRequestForm(
            kind=kind,
            language=language,
            initial={
                "policies": initial_policies(policy_id=request.GET.get("policy"), language=language)
            },
        )
    return render(
        request,
        "inquiries/request_form.html",
        {
            "form": form,
            "kind": kind,
            "kind_label": RequestKind(kind).label,
            "is_study_visit": kind == RequestKind.STUDY_VISIT,
            "retention_days": settings.REQUEST_RETENTION_DAYS,
        },
    )


@private
def received(request, signed: str):
    """The confirmation after a redirect: the reference, with no cookie needed."""
    try:
        pk = signing.loads(signed, salt=RECEIVED_SALT, max_age=RECEIVED_MAX_AGE)
    except signing.BadSignature as error:
        raise Http404 from error
    cooperation_request = selectors.request_for_confirmation(pk=pk)
    if cooperation_request is None:
        raise Http404
    return render(request, "inquiries/received.html", {"cooperation_request": cooperation_request})


@private
def track(request, token: str):
    cooperation_request = services.find_by_token(token)
    if cooperation_request is None:
        return render(request, "inquiries/track_unknown.html", status=404)
    return render(
        request,
        "inquiries/track.html",
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
        return render(request, "inquiries/track_unknown.html", status=404)
    if request.method == "POST":
        services.anonymise(request=cooperation_request, detail="at the requester's request")
        return redirect(reverse("inquiries:erased"))
    return render(
        request,
        "inquiries/erase_confirm.html",
        {
            "cooperation_request": cooperation_request,
            "token": token,
        },
    )


@require_http_methods(["GET", "POST"])
def new_link(request):
    """A lost tracking link: a new one is mailed if reference and e-mail match."""
    if request.method == "POST":
        if services.over_rate_limit(scope="new_link", address=client_address(request)):
            return too_many_requests(request)
        form = NewLinkForm(request.POST)
        if form.is_valid():
            services.reissue_tracking_link(**form.cleaned_data)
            return render(
                request,
                "inquiries/message.html",
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
    return render(request, "inquiries/new_link.html", {"form": form})


def erased(request):
    return render(request, "inquiries/erased.html")


# --- Newsletter ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def newsletter(request):
    language = reader_language()
    choices = newsletter_services.theme_choices(language)
    if request.method == "POST":
        if services.over_rate_limit(scope="newsletter", address=client_address(request)):
            return too_many_requests(request)
        form = NewsletterForm(request.POST, theme_choices=choices)
        if form.is_valid():
            newsletter_services.subscribe(
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                theme_slugs=form.cleaned_data.get("themes", []),
            )
            return redirect("newsletter:check_inbox")
    else:
        form = NewsletterForm(theme_choices=choices, initial={"language": language})
    return render(request, "inquiries/newsletter.html", {"form": form})


def newsletter_check_inbox(request):
    return render(
        request,
        "inquiries/message.html",
        {
            "title": _("Check your inbox"),
            "message": _(
                "If the address is right, a message with a confirmation link is on its "
                "way. Your subscription starts when you follow it (within seven days)."
            ),
        },
    )


@private
@require_http_methods(["GET", "POST"])
def newsletter_confirm(request, signed: str):
    subscription = newsletter_services.subscription_from(
        signed,
        salt=newsletter_services.CONFIRM_SALT,
        max_age=newsletter_services.CONFIRM_MAX_AGE,
    )
    if subscription is None:
        return render(
            request,
            "inquiries/message.html",
            {
                "title": _("Link not valid"),
                "message": _(
                    "This confirmation link is not valid or has expired. Subscribe "
                    "again to get a new one."
                ),
            },
            status=404,
        )
    if request.method == "POST":
        newsletter_services.confirm(
            subscription=subscription, choices=request.POST.get("choices", "")
        )
        return render(
            request,
            "inquiries/message.html",
            {
                "title": _("Subscription confirmed"),
                "message": _(
                    "Thank you. You will receive the newsletter; every issue has a link "
                    "to unsubscribe."
                ),
            },
        )
    return render(
        request,
        "inquiries/newsletter_confirm.html",
        {
            "choices": request.GET.get("choices", "")[:2000],
        },
    )


@csrf_exempt  # RFC 8058: mail programs POST the one-click unsubscribe without a CSRF token.
@private
@require_http_methods(["GET", "POST"])
def newsletter_unsubscribe(request, signed: str):
    subscription = newsletter_services.subscription_from(
        signed, salt=newsletter_services.UNSUBSCRIBE_SALT
    )
    if request.method == "POST":
        # Idempotent: an address already removed gets the same answer.
        if subscription is not None:
            newsletter_services.unsubscribe(subscription=subscription)
        return render(
            request,
            "inquiries/message.html",
            {
                "title": _("Unsubscribed"),
                "message": _(
                    "You will receive no more newsletters, and your address has been deleted."
                ),
            },
        )
    if subscription is None:
        return render(
            request,
            "inquiries/message.html",
            {
                "title": _("Unsubscribed"),
                "message": _("This address receives no newsletter."),
            },
        )
    return render(request, "inquiries/newsletter_unsubscribe.html", {})
