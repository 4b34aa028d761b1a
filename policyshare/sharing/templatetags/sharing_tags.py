"""Texts of sharing records in the reader's language, and links to city pages."""

from django import template
from wagtail.models import Locale

from policyshare.core.languages import fallback_order, reader_language, with_language_prefix
from policyshare.core.localized import localized, localized_language

from ..models import CityIndexPage

register = template.Library()


@register.filter
def in_reader_language(values) -> str:
    """A `LocalizedTextField`'s text in the reader's language or its fallback."""
    return localized(values)


@register.filter
def reader_language_of(values) -> str:
    """The language of the text `in_reader_language` gives (for `{% content_lang %}`)."""
    return localized_language(values)


def city_section(request):
    """The cities section in the reader's language or its fallback, read once a request
    (kept on the request: a lineage table links every city of the page through it)."""
    if request is not None and hasattr(request, "_portal_city_section"):
        return request._portal_city_section
    language = reader_language()
    sections = {
        page.locale.language_code: page
        for page in CityIndexPage.objects.live()
        .filter(locale__in=Locale.objects.filter(language_code__in=fallback_order(language)))
        .select_related("locale")
    }
    section = next((sections[code] for code in fallback_order(language) if code in sections), None)
    if request is not None:
        request._portal_city_section = section
    return section


@register.simple_tag(takes_context=True)
def city_url(context, city) -> str:
    """The address of a city's page in the reader's cities section; "" when there is none."""
    request = context.get("request")
    page = context.get("page")
    section = page if isinstance(page, CityIndexPage) else city_section(request)
    if section is None:
        return ""
    url = section.city_url(city, request)
    # A fallback section keeps the reader's language prefix: the router serves it there.
    code, current = section.locale.language_code, reader_language()
    return (with_language_prefix(url, code, current) if code != current else None) or url
