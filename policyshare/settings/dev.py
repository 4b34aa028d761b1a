"""Local development: debug on, console e-mail, a development-only secret key."""

from .base import *  # noqa: F403
from .base import env_int, env_list, env_str

DEBUG = True
# Development only; production.py refuses to start without its own SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Tasks (mail) run in the request once its transaction commits: no worker to start.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAIL_CACHE = False
# Developers see their edits at once: no page cache.
PAGE_CACHE_SECONDS = 0

# --- Where `make run` serves -------------------------------------------------------------
# HOST and PORT (the Makefile's, exported to manage.py): links in mails, feeds and the admin
# point at the running server unless SITE_URL says otherwise. `make run` also gives the
# Wagtail site the same address (`manage.py ensure_site`), for canonical and hreflang links.
HOST = env_str("HOST", "127.0.0.1")
PORT = env_int("PORT", 8000)
SITE_URL = env_str("SITE_URL", f"http://{HOST}:{PORT}")
WAGTAILADMIN_BASE_URL = SITE_URL
