"""Briefing packs: the pack page, its files, and each policy's one-case PDF and citation."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from policyshare.core.languages import reader_language
from policyshare.core.privacy import public
from policyshare.core.services import RATE_LIMIT_WINDOW_SECONDS, over_rate_limit
from policyshare.core.views import client_address
from policyshare.policies.models import PolicyCase

from . import services
from .citation import citation_for
from .selectors import MAX_CASES, pack_for

# Seconds before the "being prepared" page asks again.
REFRESH_SECONDS = 5
# The query parameter of "Try again" after a failed render.
RETRY = "retry"
CITATION_FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bibtex"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "csl_json"),
    "txt": ("text/plain; charset=utf-8", "plain"),
}


def _query(pack) -> str:
    return urlencode([("ids", pk) for pk in pack.ids])


@require_GET
def pack_page(request):
    """The chosen cases in the reader's language, with the pack's downloads."""
    pack = pack_for(request.GET.getlist("ids"), language=reader_language())
    return render(
        request,
        "briefing/pack.html",
        {"pack": pack, "query": _query(pack), "max_cases": MAX_CASES},
    )


@require_GET
@never_cache
def pack_file(request, fmt: str):
    pack = pack_for(request.GET.getlist("ids"), language=reader_language())
    return _file_response(request, pack, fmt, filename=f"briefing-pack-{pack.version[:8]}")


@require_GET
@never_cache
def case_pdf(request, page_id: int):
    """A policy's own one-case PDF, at an address that never changes."""
    pack = pack_for([str(page_id)], language=reader_language())
    if not pack.policies:
        raise Http404
    return _file_response(request, pack, "pdf", filename=f"policy-{page_id}")


def _file_response(request, pack, fmt: str, *, filename: str):
    if not pack.policies:
        return render(
            request,
            "briefing/pack.html",
            {"pack": pack, "query": "", "max_cases": MAX_CASES},
            status=404,
        )
    content_type, _renderer = services.FORMATS[fmt]
    data = services.stored_file(pack, fmt)
    if data is None and RETRY in request.GET:
        # "Try again" after a failure: forget it, then the plain address queues the render
        # (a redirect, so that the "being prepared" page reloads without asking again).
        services.forget_failure(pack, fmt)
        return redirect(_address(request, retry=False))
    if data is None and services.failed_at(pack, fmt) is None and not services.is_queued(pack, fmt):
        # Only renders count against the limit: a stored pack costs nothing to send again.
        limit = settings.BRIEFING_RATE_LIMIT
        if over_rate_limit(scope="briefing", address=client_address(request), limit=limit):
            return _too_many_packs(request)
        services.queue_render(pack, fmt)
        # Without a worker (tests, development) the task has run already.
        data = services.stored_file(pack, fmt)
    if data is None:
        failed_at = services.failed_at(pack, fmt)
        if failed_at is not None:
            return _render_failed(request, pack, fmt, failed_at=failed_at)
        response = render(
            request,
            "briefing/pending.html",
            {"pack": pack, "refresh": REFRESH_SECONDS, "fmt": fmt},
            status=202,
        )
        response["Refresh"] = str(REFRESH_SECONDS)
        return response
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _address(request, *, retry: bool) -> str:
    """This file's address, with or without the "try again" mark."""
    params = request.GET.copy()
    params.pop(RETRY, None)
    if retry:
        params[RETRY] = "1"
    return f"{request.path}?{params.urlencode()}" if params else request.path


def _render_failed(request, pack, fmt: str, *, failed_at: int):
    """The render failed: say so at once, with a link that tries again.

    503 with Retry-After, not 200: the address is a file's, and a download tool or a
    browser's download must not save this page as the PDF; the failure is the server's and
    passes (the marker lasts `services.FAILED_SECONDS`, then a request queues the render
    again by itself). Not a bare 500: the reader gets a page in their language with a way on.
    """
    retry_after = max(1, services.FAILED_SECONDS - (int(time.time()) - failed_at))
    response = render(
        request,
        "briefing/failed.html",
        {
            "pack": pack,
            "fmt": fmt,
            "retry_url": _address(request, retry=True),
            "pack_url": f"{reverse('briefing:pack')}?{_query(pack)}",
        },
        status=503,
    )
    response["Retry-After"] = str(retry_after)
    return response


@require_GET
def citation(request, page_id: int, fmt: str):
    """The policy's citation as a file: BibTeX, CSL-JSON or plain text."""
    page = get_object_or_404(public(PolicyCase.objects.live()), pk=page_id)
    content_type, method = CITATION_FORMATS[fmt]
    text = getattr(citation_for(page, url=page.get_full_url(request)), method)()
    response = HttpResponse(text, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="policy-{page_id}.{fmt}"'
    return response


def _too_many_packs(request):
    response = render(
        request,
        "message.html",
        {
            "title": _("Too many briefing packs"),
            "message": _(
                "Many briefing packs were made from your network in the last hour. Please try "
                "again in an hour; packs that were made already can still be downloaded."
            ),
        },
        status=429,
    )
    response["Retry-After"] = str(RATE_LIMIT_WINDOW_SECONDS)
    return response
