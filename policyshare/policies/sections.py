"""Sections other apps add to a policy's page.

The policy page cannot name the apps above it (docs/development.md, "Layers"): policy
sharing reads its transfers, and so imports this app. It adds its "Where this policy went"
by registering a function under `POLICY_PAGE_SECTIONS_HOOK`, which takes the page and the
request (keyword arguments) and returns HTML, or "" to show nothing. The page renders them
after its own content, in the hooks' order.
"""

from django.utils.html import format_html_join
from wagtail import hooks

POLICY_PAGE_SECTIONS_HOOK = "policy_page_sections"


def render_sections(*, page, request) -> str:
    parts = [fn(page=page, request=request) for fn in hooks.get_hooks(POLICY_PAGE_SECTIONS_HOOK)]
    return format_html_join("", "{}", ((part,) for part in parts if part))
