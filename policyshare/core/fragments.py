"""Cached pieces that repeat on every page: navigation, language links, partner logos, and
the sections of the home page, and the policy and board lists from their filters to their
pagination.

Keys carry the page-cache generation, which every editorial change bumps
(`policyshare.core.signal_handlers`), so a fragment is never older than the content it shows,
and, like every cache key, the release (`policyshare.core.cache.release_key`), so it is never
older than the code: after a deploy the generation is read under the new release's key too.

Each process also keeps the fragments it read last, as the bytes the shared cache holds, so
the pieces every page shows (the site, its home page, the navigation) cost an unpickle
instead of a round trip to Redis. They are looked up with the generation read from the
shared cache once per request, so a change made through any process retires them too; when
that generation could not be read (Redis down), the copies here are not used.
"""

import hashlib
import pickle
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

from .page_cache import shared_generation

# Fragments kept per process, most recently used last.
LOCAL_ENTRIES = 256

_local: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
_local_lock = threading.Lock()


def cached_fragment(name: str, *parts, compute, seconds: int | None = None):
    """`compute()`, kept in the cache under `name` and `parts` until content changes.

    `seconds`: kept at most this long, when less than `FRAGMENT_CACHE_SECONDS` (fragments
    showing what changes without an editorial change, such as view counts, use
    `SHORT_FRAGMENT_SECONDS`)."""
    seconds = (
        settings.FRAGMENT_CACHE_SECONDS
        if seconds is None
        else min(seconds, settings.FRAGMENT_CACHE_SECONDS)
    )
    if seconds <= 0:
        return compute()
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]
    gen = shared_generation()
    key = f"fragment:{gen}:{name}:{digest}"
    if gen is not None:
        data = _local_get(key)
        if data is not None:
            return pickle.loads(data)  # noqa: S301 - bytes this process pickled itself
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=seconds)
    if gen is not None:
        _local_set(key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL), seconds)
    return value


def _local_get(key: str) -> bytes | None:
    with _local_lock:
        entry = _local.get(key)
        if entry is None:
            return None
        expires, data = entry
        if expires < time.monotonic():
            del _local[key]
            return None
        _local.move_to_end(key)
        return data


def _local_set(key: str, data: bytes, seconds: int) -> None:
    with _local_lock:
        _local[key] = (time.monotonic() + seconds, data)
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)


def clear_local() -> None:
    """Forget this process's copies (tests)."""
    with _local_lock:
        _local.clear()
