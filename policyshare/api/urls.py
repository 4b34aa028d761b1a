"""The API's routes, each wrapped in the open-data behaviour (CORS, rate limit, ETag)."""

from django.urls import URLPattern

from .api import api
from .http import open_data


def _wrapped(patterns):
    return [URLPattern(p.pattern, open_data(p.callback), p.default_args, p.name) for p in patterns]


patterns, _ninja_app_name, app_name = api.urls  # the namespace ninja reverses its docs in
urlpatterns = _wrapped(patterns)
