"""Template tags of the policy-sharing pages: texts kept per language in one field, and
links to city pages."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from policyshare.core.languages import is_rtl
from policyshare.core.localized import localized, localized_language

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
