"""The API's routes, each wrapped in the open-data behaviour (CORS, rate limit, ETag)."""

from django.http import JsonResponse
from django.urls import URLPattern, re_path

from .api import api
from .http import open_data


def index(request, **kwargs):
    """The API's root: where its documentation and collections are (ninja's own raises 404)."""
    root = request.build_absolute_uri(request.path)
    collections = ["policies", "posts", "partners", "themes", "pages", "search"]
    return JsonResponse(
        {
            "title": api.title,
            "version": api.version,
            "openapi": root + "openapi.json",
            "docs": root + "docs",
            "collections": {name: root + name for name in collections},
        }
    )


def _wrapped(patterns):
    return [
        URLPattern(
            p.pattern,
            open_data(index if p.name == "api-root" else p.callback),
            p.default_args,
            p.name,
        )
        for p in patterns
    ]


patterns, _ninja_app_name, app_name = api.urls  # the namespace ninja reverses its docs in


@open_data
def not_found(request, rest):
    """Any other address under /api/v1/: a JSON 404, not a redirect to a language prefix."""
    return JsonResponse({"detail": "Not Found"}, status=404)


urlpatterns = [*_wrapped(patterns), re_path(r"^(?P<rest>.*)$", not_found)]
