from django import template

from ..sections import render_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def policy_page_sections(context, page) -> str:
    """What other apps add to the policy's page (`policies.sections`)."""
    return render_sections(page=page, request=context.get("request"))
