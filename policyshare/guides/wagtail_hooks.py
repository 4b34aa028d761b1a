from wagtail import hooks

from policyshare.core.languages import reader_language

# Called by the theme pages (/<lang>/themes/<slug>/) for the sections they show.
THEME_PAGE_SECTIONS_HOOK = "theme_page_sections"


@hooks.register(THEME_PAGE_SECTIONS_HOOK)
def theme_guides(*, page, request, theme_slug):
    """The theme's live guides in the reader's language (with the fallback versions of the
    ones not translated yet), or None when it has none."""
    from .selectors import guides_for_theme

    language = page.locale.language_code if page is not None else reader_language()
    guides = guides_for_theme(language=language, theme_slug=theme_slug)
    if not guides:
        return None
    return {
        "order": 20,
        "template": "guides/includes/theme_guides.html",
        "context": {"guides": guides},
    }
