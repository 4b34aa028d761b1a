"""Sections other apps add to a theme page (docs/themes.md, "Extension point").

A theme page cannot name the apps built on top of it (guides, for one). Such an app
registers a function under the Wagtail hook `THEME_PAGE_SECTIONS_HOOK`; the page calls it
as `fn(page=theme_page, request=request, theme_slug=slug)`. It returns None to show nothing,
or `{"order": int, "template": "<template name>", "context": {...}}`: the page renders that
template with that context (and the request) after its policies, lowest order first, hooks
of equal order in registration order.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail import hooks

THEME_PAGE_SECTIONS_HOOK = "theme_page_sections"


def render_sections(*, page, request, theme_slug: str) -> list[str]:
    """The HTML of each section the hooks add, in order."""
    sections = []
    for position, fn in enumerate(hooks.get_hooks(THEME_PAGE_SECTIONS_HOOK)):
        section = fn(page=page, request=request, theme_slug=theme_slug)
        if section:
            sections.append((int(section.get("order", 0)), position, section))
    sections.sort(key=lambda item: item[:2])
    return [
        # The template escapes what it shows; its output is HTML.
        mark_safe(render_to_string(section["template"], section.get("context", {}), request))  # noqa: S308
        for _order, _position, section in sections
    ]
