"""Local development: debug on, console e-mail, a development-only secret key."""

from .base import *  # noqa: F403
from .base import env_list, env_str

DEBUG = True
# Development only; production.py refuses to start without its own SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "limits": LIMITS_CACHE,
}
WAGTAIL_CACHE = False
# Developers see their edits at once: no page cache.
PAGE_CACHE_SECONDS = 0
