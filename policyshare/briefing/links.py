"""The addresses of a policy's citation files and one-case PDF, for the "Cite this" section
on every policy page.

`{% url %}` costs a full `reverse()` each (the namespace, the language prefix, the pattern's
converters): four of them were about 40 % of the section's time, and the section about 9 % of
an uncached policy page's (a sampling profile, bench/load/README.md). The addresses differ
only by the page's id, so each route is reversed once per language, script prefix and URL
configuration, with a stand-in id, and the page's id is put in its place.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# The routes of briefing/urls.py that take a page's id, by the name the template uses.
ROUTES = {
    "plain": "briefing:cite_plain",
    "bibtex": "briefing:cite_bibtex",
    "csl_json": "briefing:cite_csl_json",
    "pdf": "briefing:case_pdf",
}
# A page id no address holds otherwise: the largest a positive integer field takes.
_STAND_IN = "2147483647"


@lru_cache(maxsize=64)
def _reversed(urlconf: str, script_prefix: str, language: str | None) -> dict[str, str]:
    # The arguments are only the cache's key: reverse() reads them itself.
    return {name: reverse(route, args=[int(_STAND_IN)]) for name, route in ROUTES.items()}


def citation_links(page_id: int) -> dict[str, str]:
    """The addresses of the page's citation files and PDF, as `reverse()` would give them."""
    routes = _reversed(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language())
    page = str(int(page_id))
    return {name: url.replace(_STAND_IN, page, 1) for name, url in routes.items()}
