import base64
import math
from functools import wraps

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.documents import get_document_model

from .services import (
    RATE_LIMIT_WINDOW_SECONDS,
    is_bot,
    is_countable_page,
    over_rate_limit,
    record_document_download,
    record_page_view,
    visitor_key,
)

# A transparent 1×1 GIF: the beacon is an <img>, so counting works without JavaScript and
# the page around it stays fully cacheable.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def client_address(request) -> str:
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.VIEW_COUNT_TRUST_FORWARDED_FOR and forwarded:
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


@never_cache
@require_GET
def page_view_beacon(request, page_id: int):
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if not is_bot(user_agent) and is_countable_page(page_id):
        today = timezone.localdate()
        record_page_view(
            page_id=page_id,
            visitor=visitor_key(address=client_address(request), user_agent=user_agent, day=today),
            day=today,
        )
    return HttpResponse(PIXEL, content_type="image/gif")


# How long a browser keeps the download link's redirect: a reader who clicks the same link
# again within the hour goes straight to the file and is not counted twice (nothing about
# them is stored to tell). `private`: no shared cache (nginx, a CDN) keeps it, so every
# reader's first click reaches the app and is counted (docs/analytics.md).
DOWNLOAD_REDIRECT_MAX_AGE = 60 * 60


@require_GET
def document_download(request, document_id: int, document_filename: str):
    """The public link of a document: counts a download for the day and redirects to
    Wagtail's serve view, which sends the file. The same checks as that view run first (its
    `before_serve_document` hooks: collection privacy, partner uploads awaiting approval),
    so a document nobody may download is neither counted nor revealed here."""
    documents = get_document_model().objects.select_related("collection")
    document = get_object_or_404(documents, pk=document_id)
    if document.filename != document_filename:
        raise Http404
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            # A login or password form for a private collection: for this visitor only.
            add_never_cache_headers(result)
            return result
    if not is_bot(request.META.get("HTTP_USER_AGENT", "")):
        record_document_download(document_id=document.pk, day=timezone.localdate())
    response = HttpResponseRedirect(document.url)
    patch_cache_control(response, private=True, max_age=DOWNLOAD_REDIRECT_MAX_AGE)
    return response


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links; send them to the SVG icon.

    Resolved per request: with hashed static names in production the address is only known
    once collectstatic has run.
    """
    response = redirect(static("img/favicon.svg"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


TOO_MANY_SUBMISSIONS = _(
    "We have received several submissions from your network in the last hour, so we cannot "
    "accept another one now. Please try again in an hour. Nothing you sent in this last "
    "attempt has been stored."
)


def refused_over_limit(request, form, *, scope: str) -> bool:
    """Count a public form's accepted submission against the hourly limit (`scope` as for
    `services.over_rate_limit`). Call it once the form is valid: a form sent back with
    errors costs nothing. Over the limit, the form gets the reason as its error and keeps
    everything the user typed; the view answers with `form_response(..., refused=True)`.
    """
    if not over_rate_limit(scope=scope, address=client_address(request)):
        return False
    form.add_error(None, TOO_MANY_SUBMISSIONS)
    return True


def form_response(request, template: str, context: dict, *, refused: bool = False, status=200):
    """A public form's page: 429 with Retry-After when the submission was refused over the
    rate limit (the form, filled in, says why), `status` otherwise."""
    response = render(request, template, context, status=429 if refused else status)
    if refused:
        response["Retry-After"] = str(RATE_LIMIT_WINDOW_SECONDS)
    return response


def sign_in_locked_out(request, original_response=None, credentials=None):
    """The admin sign-in page once django-axes has locked a user name and address out
    (settings.AXES_LOCKOUT_CALLABLE): 429, and how long until the next try."""
    minutes = math.ceil(get_cool_off(request).total_seconds() / 60)
    response = render(request, "core/sign_in_locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


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
    """The answer to a public form sent too often (`services.over_rate_limit`)."""
    response = render(request, "too_many_requests.html", status=429)
    response["Retry-After"] = str(RATE_LIMIT_WINDOW_SECONDS)
    return response


def admin_permission_required(permission: str, *, template: str = "core/admin_forbidden.html"):
    """An admin view for holders of `permission` only; others get a 403 page saying why."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                # A real 403: Wagtail would turn PermissionDenied into a redirect.
                return TemplateResponse(request, template, status=403)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
