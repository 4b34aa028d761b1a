"""What every open-data response shares: CORS, a per-address rate limit, conditional GET."""

import functools
import hashlib
import math
import time

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control

from policyshare.core.services import count_in_window
from policyshare.core.views import client_address

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining",
    "Access-Control-Max-Age": "86400",
}
# Clients may reuse an answer for a minute, then revalidate it with If-None-Match.
MAX_AGE = 60


def _rate_limit(request) -> tuple[bool, int, int]:
    """Count this request in a fixed window; (allowed, remaining, seconds to the next window)."""
    limit = settings.OPEN_DATA_API_RATE_LIMIT
    window = settings.OPEN_DATA_API_RATE_WINDOW
    now = time.time()
    window_index = int(now // window)
    address_hash = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"opendata-rate:{address_hash}:{window_index}"
    count = count_in_window(key=key, window_seconds=window + 1)
    retry_after = max(1, math.ceil((window_index + 1) * window - now))
    return count <= limit, max(0, limit - count), retry_after


def _with_cors(response: HttpResponse) -> HttpResponse:
    for name, value in CORS_HEADERS.items():
        response[name] = value
    return response


def open_data(view):
    """Wrap an API view: public, rate-limited, cacheable with ETag revalidation."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _with_cors(HttpResponse(status=204))
        allowed, remaining, retry_after = _rate_limit(request)
        if not allowed:
            response = JsonResponse(
                {"detail": f"Too many requests. Try again in {retry_after} seconds."},
                status=429,
            )
            response["Retry-After"] = str(retry_after)
            response["X-RateLimit-Limit"] = str(settings.OPEN_DATA_API_RATE_LIMIT)
            response["X-RateLimit-Remaining"] = "0"
            return _with_cors(response)
        response = view(request, *args, **kwargs)
        response["X-RateLimit-Limit"] = str(settings.OPEN_DATA_API_RATE_LIMIT)
        response["X-RateLimit-Remaining"] = str(remaining)
        if response.status_code == 404:
            request.urlconf = "policyshare.api.unprefixed_urls"
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            if not response.has_header("ETag") and not response.streaming:
                digest = hashlib.sha256(response.content).hexdigest()[:32]
                response["ETag"] = f'"{digest}"'
            patch_cache_control(response, public=True, max_age=MAX_AGE)
            response = get_conditional_response(
                request, etag=response.get("ETag"), response=response
            )
        return _with_cors(response)

    wrapped.csrf_exempt = True
    return wrapped
