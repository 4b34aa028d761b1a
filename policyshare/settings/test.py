"""Cheap, deterministic settings for the test suite."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, in the test; tests of the queue itself use the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "policyshare.search.backends"}}
# Tests that exercise the page cache turn it on with override_settings.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
# The worked example of docs/development.md: a content type that only the tests install.
INSTALLED_APPS = [*INSTALLED_APPS, "policyshare.core.tests.exampleapp"]
# The sentence encoder (about 4 s and 120 MB to load) only for the tests of semantic search,
# which turn it on with override_settings.
PORTAL_SEARCH_SEMANTIC = False
