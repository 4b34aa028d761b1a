"""Cached pieces that repeat on every page: navigation, language links, partner logos.

Keys carry the page-cache generation, which every editorial change bumps
(`policyshare.core.signal_handlers`), so a fragment is never older than the content it shows.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from .page_cache import generation


def cached_fragment(name: str, *parts, compute):
    """`compute()`, kept in the cache under `name` and `parts` until content changes."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]
    key = f"fragment:{generation()}:{name}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=seconds)
    return value
