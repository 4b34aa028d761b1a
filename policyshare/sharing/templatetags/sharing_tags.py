"""Template tags of the policy-sharing pages: texts kept per language in one field, and
links to city pages."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Locale

from policyshare.core.languages import (
    fallback_order,
    is_rtl,
    reader_language,
    with_language_prefix,
)
from policyshare.core.localized import localized, localized_language

from ..models import CityIndexPage

register = template.Library()


def _lang_attributes(code: str) -> str:
    if not code or code == get_language():
        return ""
    return format_html(' lang="{}" dir="{}"', code, "rtl" if is_rtl(code) else "ltr")


@register.simple_tag
def localized_text(values) -> dict:
    """A `LocalizedTextField` value in the reader's fallback chain: {"text", "lang"}, where
    `lang` is the text's language when it is not the interface's (for `content_lang`)."""
    code = localized_language(values)
    return {"text": localized(values), "lang": "" if code == get_language() else code}


@register.simple_tag(takes_context=True)
def city_link(context, city) -> str:
    """A link to the city's page (/<lang>/cities/<slug>/), its name marked with its language
    when it is shown from a fallback."""
    base = context.get("city_base") or f"/{get_language()}/cities/"
    return format_html(
        '<a href="{}{}/"{}><bdi>{}</bdi></a>',
        base,
        city.slug,
        _lang_attributes(localized_language(city.names)),
        city.name,
    )


@register.simple_tag
def city_name(city) -> str:
    """The city's name in a `<bdi>`, marked with its language when it is a fallback."""
    return format_html(
        "<bdi{}>{}</bdi>", _lang_attributes(localized_language(city.names)), city.name
    )


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
