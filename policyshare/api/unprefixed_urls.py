"""An URLconf without language prefixes, set on API 404 answers (see http.open_data).

Django's LocaleMiddleware answers a 404 outside the language prefixes by redirecting to
the same path under /ko/ when that path would resolve, and Wagtail's catch-all route
resolves almost anything. For an API client a missing item must stay a JSON 404, so its
response is marked as belonging to this URLconf, in which no language prefix is used.
"""

urlpatterns = []
