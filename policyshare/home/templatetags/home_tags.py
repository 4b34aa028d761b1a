"""Template tags for the home page."""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from policyshare.core.fragments import cached_fragment
from policyshare.home.selectors import home_partners

register = template.Library()


@register.simple_tag
def partner_logo_wall(home):
    """The partners' logos as HTML, kept until a partner or page changes.

    Each logo is a <picture> in three formats: rendering them was the costliest part of
    the home page, for the same HTML every time.
    """
    return cached_fragment(
        "home_partner_logos",
        home.locale_id,
        get_language(),
        compute=lambda: render_to_string(
            "includes/partner_logos.html", {"partners": home_partners(home)}
        ),
    )
