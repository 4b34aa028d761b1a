from wagtail import hooks

from policyshare.core.languages import reader_language

# Called by the theme pages (/<lang>/themes/<slug>/) for the sections they show.
THEME_PAGE_SECTIONS_HOOK = "theme_page_sections"


@hooks.register(THEME_PAGE_SECTIONS_HOOK)
def theme_guides(*, page, request, theme_slug):
    """The theme's live guides in the reader's language (with the fallback versions of the
    ones not translated yet), or None when it has none.

    The reader's language is the request's (its URL prefix), not the theme page's: a French
    reader shown the English theme page still gets the guides translated into French."""
    from .selectors import guides_for_theme

    guides = guides_for_theme(language=reader_language(), theme_slug=theme_slug)
    if not guides:
        return None
    return {
        "order": 20,
        "template": "guides/includes/theme_guides.html",
        "context": {"guides": guides},
    }
