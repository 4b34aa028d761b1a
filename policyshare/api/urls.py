"""The API's routes, each wrapped in the open-data behaviour (CORS, rate limit, ETag)."""

import re

from django.http import JsonResponse
from django.urls import URLPattern, path, re_path

from policyshare.search import views as search_views

from .api import api
from .http import open_data


def index(request, **kwargs):
    """The API's root: where its documentation and collections are (ninja's own raises 404)."""
    root = request.build_absolute_uri(request.path)
    return JsonResponse(
        {
            "title": api.title,
            "version": api.version,
            "openapi": root + "openapi.json",
            "docs": root + "docs",
            "collections": {name: root + name for name in COLLECTIONS},
        }
    )


def search(request):
    """The search app's JSON search, with its year checked like the other endpoints' years.

    The search page forgives a bad year by ignoring it; an API client would then get results
    for every year as if they were for the one it asked for, so the API refuses it (422).
    """
    year = request.GET.get("year")
    if year is not None and not (re.fullmatch(r"[0-9]{4}", year) and 1900 <= int(year) <= 2200):
        return JsonResponse(
            {
                "detail": [
                    {
                        "type": "year",
                        "loc": ["query", "year"],
                        "msg": "Input should be a whole year from 1900 to 2200",
                    }
                ]
            },
            status=422,
        )
    return search_views.search_api(request)


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
# Every list the API serves, its own and the domain apps': the routes without a parameter.
COLLECTIONS = sorted(
    {
        str(p.pattern).rstrip("/")
        for p in patterns
        if "<" not in str(p.pattern) and p.name not in ("api-root", "openapi-json", "openapi-view")
    }
    | {"search"}
)


@open_data
def not_found(request, rest):
    """Any other address under /api/v1/: a JSON 404, not a redirect to a language prefix."""
    return JsonResponse({"detail": "Not Found"}, status=404)


urlpatterns = [
    *_wrapped(patterns),
    # Served by the search app, but part of the API: the same CORS, rate limit and ETag.
    path("search", open_data(search), name="search"),
    re_path(r"^(?P<rest>.*)$", not_found),
]
