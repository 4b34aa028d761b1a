"""Addresses of the sub-pages a routable page serves (a city's page below the cities
section): the language switcher, hreflang alternates and the canonical link keep the reader
on the sub-page, not on the section that serves it."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


def subpage_path(request, page) -> str:
    """The path the routable `page` served below its own address for `request`
    ("ulaanbaatar/"); "" for the page itself and for any page that routes nothing."""
    match = getattr(request, "routable_resolver_match", None)
    if request is None or match is None or not match.url_name:
        return ""
    if not isinstance(page, RoutablePageMixin):
        return ""
    return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs).lstrip("/")
