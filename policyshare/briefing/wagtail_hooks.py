from django.template.loader import render_to_string
from wagtail import hooks

from policyshare.policies.sections import POLICY_PAGE_SECTIONS_HOOK

from .citation import citation_for
from .links import citation_links


@hooks.register(POLICY_PAGE_SECTIONS_HOOK)
def cite_this(*, page, request) -> str:
    """ "Cite this" and the one-case PDF, on every published policy page."""
    if page.pk is None or not page.live:
        return ""
    context = {
        "page": page,
        "citation": citation_for(page, url=page.get_full_url(request)),
        "lang": page.locale.language_code,
        "links": citation_links(page.pk),
        # The request in the context, not as `request=`: the section needs nothing from the
        # context processors (user, messages, languages), which would run again for it.
        "request": request,
    }
    return render_to_string("briefing/cite_section.html", context)
