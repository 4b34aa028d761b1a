"""Template tags for policies and themes."""

from urllib.parse import quote

from django import template

from policyshare.core.fragments import cached_fragment
from policyshare.core.templatetags.portal_tags import portal_home
from policyshare.policies.models import PolicyLibraryPage

from ..sections import render_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def policy_page_sections(context, page) -> str:
    """What other apps add to the policy's page (`policies.sections`)."""
    return render_sections(page=page, request=context.get("request"))


@register.simple_tag(takes_context=True)
def theme_url(context, theme) -> str:
    """Where a theme tag links: the one place that decides it.

    Today the reader's policy library filtered by the theme; when themes get pages of their
    own (issue 18), this returns their address and every tag follows.
    """
    library = _library_url(context)
    if not library:
        return ""
    return f"{library}?theme={quote(theme.slug)}"


def _library_url(context) -> str:
    """The reader's policy library's address: read once per request, from the fragments."""
    request = context.get("request")
    if request is not None and hasattr(request, "_portal_library_url"):
        return request._portal_library_url
    home = portal_home(context)
    url = ""
    if home is not None:

        def compute():
            library = PolicyLibraryPage.objects.child_of(home).live().first()
            return library.get_url(request) if library is not None else ""

        url = cached_fragment("library_url", home.pk, compute=compute)
    if request is not None:
        request._portal_library_url = url
    return url
