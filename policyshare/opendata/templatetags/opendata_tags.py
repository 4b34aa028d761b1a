"""Page metadata: feed links, Open Graph and Twitter cards, schema.org JSON-LD.

What each page says comes from its type (`policyshare.core.content.metadata` and `.feeds`);
these tags only render it.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from policyshare.core.content import metadata
from policyshare.core.content.feeds import FeedContribution

register = template.Library()

# json.dumps leaves these as they are; inside <script> they could end the element early.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _specific(page) -> Page:
    return page.specific_deferred if type(page) is Page else page


@register.simple_tag(takes_context=True)
def page_feeds(context, page):
    """The feeds a page advertises (`feed_links` of its type): type, href and title."""
    if not isinstance(page, Page):
        return []
    page = _specific(page)
    if not isinstance(page, FeedContribution):
        return []
    return page.feed_links(request=context.get("request"))


@register.simple_tag(takes_context=True)
def page_metadata(context, page):
    """Open Graph and Twitter card values for a page."""
    if not isinstance(page, Page):
        return None
    return metadata.open_graph(_specific(page), request=context.get("request"))


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """A <script type="application/ld+json"> element: data, never executed."""
    if not isinstance(page, Page):
        return ""
    data = metadata.json_ld(_specific(page), request=context.get("request"))
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )
