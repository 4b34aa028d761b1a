"""Anonymous public pages from a shared cache, and their invalidation.

A public GET from a visitor without a session is answered from the cache (Redis in
production) when a copy exists; otherwise the page is rendered and, if the response is the
same for every anonymous visitor, stored. "The same for every visitor" is decided from the
response: a 200 that sets no cookie (so no CSRF token, no message), was not marked private
or uncacheable by its view, and is not under a path that is never cached.

Invalidation is by generation: every key contains a number that an editor's change bumps
(publish, unpublish, move, delete, a theme or partner saved), so one change retires every
stored page at once, including list pages with query strings. Edits are rare and pages are
cheap to render again; a per-URL index would cost more than it saves. The shared proxy in
front (nginx, deploy/nginx) is told about the changed URLs through Wagtail's
frontend-cache purge (see `policyshare.core.signal_handlers`).
"""

import hashlib
import logging
import re
import time
from contextvars import ContextVar
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, set_response_etag
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger("policyshare.page_cache")

GENERATION_KEY = "pagecache:generation"
PURGE_TIMEOUT_SECONDS = 5
HEADER = "X-Page-Cache"


# The generation read once per request (the page and each fragment would otherwise read
# it), with whether it came from the shared cache.
_request_generation: ContextVar[tuple[int, bool] | None] = ContextVar(
    "page_cache_generation", default=None
)


def _new_generation() -> int:
    """A number no generation had before: the microseconds of the clock. A cache that lost
    the key (a restarted Redis keeps nothing) must not start again at a number whose pages
    and fragments some process may still hold."""
    return time.time_ns() // 1000


def _read_generation() -> tuple[int, bool]:
    value = cache.get(GENERATION_KEY)
    if value is not None:
        return value, True
    value = _new_generation()
    if cache.add(GENERATION_KEY, value, timeout=None):
        return value, True
    stored = cache.get(GENERATION_KEY)  # another process was first
    if stored is not None:
        return stored, True
    return value, False  # the cache is down: nothing is stored under it anyway


def generation() -> int:
    return (_request_generation.get() or _read_generation())[0]


def shared_generation() -> int | None:
    """The generation when it was read from the shared cache, else None (the cache is down,
    so a copy kept in this process could not be known to be current)."""
    value, shared = _request_generation.get() or _read_generation()
    return value if shared else None


def invalidate_all() -> None:
    """Retire every stored page (and every fragment keyed by the generation)."""
    if cache.add(GENERATION_KEY, _new_generation(), timeout=None):
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # evicted between add() and incr()
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)


def page_key(*, host: str, path: str, gen: int) -> str:
    digest = hashlib.sha256(f"{host}|{path}".encode()).hexdigest()[:40]
    return f"pagecache:{gen}:{digest}"


_excluded = None


def is_excluded(path: str) -> bool:
    global _excluded
    if _excluded is None:
        _excluded = re.compile(settings.PAGE_CACHE_EXCLUDE)
    return bool(_excluded.search(path))


def request_is_cacheable(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not is_excluded(request.path)
    )


def response_is_cacheable(response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if response.has_header("Cache-Control"):  # the view decided (never_cache, private, …)
        return False
    vary = response.get("Vary", "")
    return "cookie" not in vary.lower() and "*" not in vary


def mark_public(response) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
        s_maxage=settings.PAGE_CACHE_SECONDS,
    )
    if not response.has_header("ETag"):
        set_response_etag(response)


class PublicPageCacheMiddleware:
    """Serve and store anonymous public pages.

    Placed before the session, locale and auth middleware, so a hit costs one cache read;
    after ConditionalGetMiddleware, which answers 304 from the stored ETag.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set(_read_generation())
        try:
            return self.respond(request)
        finally:
            _request_generation.reset(token)

    def respond(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        key = page_key(host=request.get_host(), path=request.get_full_path(), gen=generation())
        stored = cache.get(key)
        if stored is not None:
            stored[HEADER] = "hit"
            return stored
        response = self.get_response(request)
        if response_is_cacheable(response):
            mark_public(response)
            if request.method == "GET":
                cache.set(key, response, timeout=settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response


class ProxyPurgeBackend(HTTPBackend):
    """Wagtail's HTTP purge for nginx's cache-purge module (deploy/nginx).

    The module answers 404 for a URL that was not in the cache, which is the common case
    (feeds, list pages nobody read since the last change): that is not an error.
    """

    def purge(self, url):
        parsed = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, ""]),
            headers={"Host": parsed.netloc, "User-Agent": "PolicyShare-purge"},
        )
        try:
            urlopen(request, timeout=PURGE_TIMEOUT_SECONDS)  # noqa: S310 - LOCATION is ours
        except HTTPError as error:
            if error.code != 404:
                logger.error("could not purge %s from the proxy: HTTP %s", url, error.code)
        except (URLError, TimeoutError) as error:
            logger.error("could not purge %s from the proxy: %s", url, error)
