"""What a reader is told about the translation of the page in front of them."""

from django import template
from wagtail.models import Page

from policyshare.core.templatetags.portal_tags import page_versions
from policyshare.translations.selectors import translation_state

register = template.Library()


@register.simple_tag(takes_context=True)
def reader_translation_notice(context, page):
    """The page's translation state when readers should hear about it, else None:
    parts still in the source language, or machine-translated text not yet reviewed."""
    if not isinstance(page, Page):
        return None
    request = context.get("request")
    if request is not None and not page_versions(request, page)["others"]:
        return None  # no other version to be a translation of
    state = translation_state(page, cached=True)
    if state is None or not (state.is_partial or state.machine_fields):
        return None
    return state
