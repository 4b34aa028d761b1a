"""Middleware for every response: NUL characters kept out of queries, the content security
policy, the view-count beacon answered before the rest, the request's site from the fragment
cache, the reader's language at `/`, and a clear answer when the database is unreachable."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, QueryDict
from django.middleware.locale import LocaleMiddleware
from django.template.loader import render_to_string
from django.urls import resolve
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from psycopg.errors import LockNotAvailable, QueryCanceled
from wagtail.models import Site

from .fragments import cached_fragment
from .framework_internals import remember_site, site_key
from .languages import content_language_codes, language_from_accept_header
from .log_masking import mask_private_links

logger = logging.getLogger("policyshare.availability")

# Seconds a client is asked to wait before trying again when the database is down.
RETRY_AFTER_SECONDS = 10


class NullCharacterMiddleware:
    """Drop NUL characters from query parameters; a path with one is not found.

    No visitor means a NUL, and PostgreSQL refuses a whole query with one in a text value
    (a filter such as `?theme=a%00b` would answer 500). Submitted form fields are refused by
    the forms themselves (Django's CharField), with a message.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise Http404
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            request.GET = QueryDict(cleaned.urlencode())  # immutable, like Django's own
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Send `Content-Security-Policy` on every response that has none.

    Public pages get a strict policy (no inline script or style). Wagtail's admin renders
    inline scripts and style attributes that we do not control, so paths under
    `CSP_RELAXED_PATHS` get `CSP_RELAXED_POLICY`, which allows them there and only there.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = "; ".join(settings.CSP_POLICY)
        self.relaxed_policy = "; ".join(settings.CSP_RELAXED_POLICY)
        self.relaxed_paths = tuple(settings.CSP_RELAXED_PATHS)

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            relaxed = request.path.startswith(self.relaxed_paths)
            response["Content-Security-Policy"] = self.relaxed_policy if relaxed else self.policy
        return response


class ReaderLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, choosing the language of a path without a language prefix
    (`/`, which it redirects to `/fr/`) from `Accept-Language` by
    `policyshare.core.languages.language_from_accept_header` (q=0 refused, every regional
    and script variant of the six languages recognised).

    A path with a language prefix keeps it, and a language cookie naming a supported
    language still wins, as in Django. The redirect depends on the browser, so it says so
    (`Vary: Accept-Language, Cookie`) and is `private`: neither nginx nor the page cache may
    keep one reader's redirect for another.
    """

    def process_request(self, request):
        super().process_request(request)
        if translation.get_language_from_path(request.path_info):
            return
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if cookie in content_language_codes():
            return
        language = language_from_accept_header(request.headers.get("Accept-Language", ""))
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if response.status_code in (301, 302) and not translation.get_language_from_path(
            request.path_info
        ):
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
            patch_cache_control(response, private=True)
        return response


class CachedSiteMiddleware:
    """Find the request's Wagtail site in the fragment cache, not the database.

    Wagtail looks the site up by host and port (one query) on every page it serves and
    keeps it on the request, where `Site.find_for_request` finds it for the rest of the
    request; routing then reads the root page's specific type (one more). The site is kept
    with its root page in that type. Sites change only in the admin, and a saved or deleted
    site or a published home page retires the fragments
    (`policyshare.core.signal_handlers`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            site = cached_fragment(
                "site",
                *site_key(request),
                compute=lambda: _site_with_specific_root(request),
            )
            # The sites' root paths, which every page address needs: Wagtail reads them from
            # the shared cache once per request; here they come from this process's copy.
            root_paths = cached_fragment("site-root-paths", compute=Site.get_site_root_paths)
        except (OperationalError, InterfaceError):
            # Left to the view's own look-up, whose failure is answered with the 503 below.
            return self.get_response(request)
        # Wagtail's own per-request caches of both (`policyshare.core.framework_internals`).
        remember_site(request, site=site, root_paths=root_paths)
        return self.get_response(request)


def _site_with_specific_root(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
        # A copy from the cache, to be read, never saved: it may answer from the fragments
        # (`HomePage.localized`).
        site.root_page._portal_shared_copy = True
    return site


class DatabaseUnavailableMiddleware:
    """Answer 503 with a message when the database cannot be reached or is too busy.

    Too busy: PostgreSQL cancelled a statement that waited longer than
    `DATABASE_LOCK_TIMEOUT` for a row lock or ran longer than `DATABASE_STATEMENT_TIMEOUT`
    (psycopg's LockNotAvailable and QueryCanceled, which Django raises as OperationalError).
    Writes run in transactions, so a form submitted then is rolled back; the page says so,
    and the visitor can send it again. Nothing is half-saved or dropped silently.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        return database_unavailable(request, exception)


def database_unavailable(request, exception) -> HttpResponse:
    """The 503 of `DatabaseUnavailableMiddleware`, logged without private links."""
    path = mask_private_links(request.path)
    if isinstance(exception.__cause__, (LockNotAvailable, QueryCanceled)):
        logger.warning("database busy for %s %s: %s", request.method, path, exception)
    else:
        logger.error("database unavailable for %s %s: %s", request.method, path, exception)
    response = HttpResponse(
        render_to_string("503.html", {"was_submission": request.method == "POST"}),
        status=503,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class ViewCountBeaconMiddleware:
    """Answer the view-count beacon (`/views/<page id>.gif`, `core.views.page_view_beacon`)
    here, before the rest of the middleware, which it does not need (issue 20: at most 1 ms
    of app CPU a hit).

    The beacon reads no session, language, user, message or CSRF token, is never cached
    and sets no cookie; what it costs is the page-view writes. Django lets a middleware
    return a response without calling the next one (the documented short-circuit), so the
    session, locale, auth, page cache, site, redirect and django-axes middleware are not run
    for it. The middleware before this one still are (security headers, NUL characters in
    the path, the content security policy). The URLconf stays the only place the address is
    defined: a path under `/views/` is resolved, and only the beacon's own route is
    answered here; anything else goes through the whole stack as before. A database that
    cannot be reached gets the same 503 as elsewhere (`DatabaseUnavailableMiddleware`).
    """

    PREFIX = "/views/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(self.PREFIX):
            return self.get_response(request)
        try:
            match = resolve(request.path_info)
        except Http404:
            return self.get_response(request)
        if match.url_name != "page_view_beacon":
            return self.get_response(request)
        try:
            return match.func(request, *match.args, **match.kwargs)
        except (OperationalError, InterfaceError) as error:
            return database_unavailable(request, error)
