"""What a reader is told about the translation of the page in front of them."""

from django import template
from wagtail.models import Page

from policyshare.translations.selectors import translation_state

register = template.Library()


@register.simple_tag
def reader_translation_notice(page):
    """The page's translation state when readers should hear about it, else None:
    parts still in the source language, or machine-translated text not yet reviewed."""
    if not isinstance(page, Page):
        return None
    state = translation_state(page, cached=True)
    if state is None or not (state.is_partial or state.machine_fields):
        return None
    return state
