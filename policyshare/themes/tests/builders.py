"""Builders for the theme page tests."""

from policyshare.themes.models import ThemeIndicator, ThemeMilestone, ThemePage


def make_theme_page(
    *, index, theme, title=None, milestones=(), indicators=(), translation_of=None, **fields
):
    """A published theme page below `index` for `theme` (its slug is the theme's); with
    `translation_of`, in the same translation group as that page."""
    page = ThemePage(title=title or theme.name, slug=theme.slug, theme=theme, **fields)
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    for position, milestone in enumerate(milestones):
        page.milestones.add(ThemeMilestone(sort_order=position, **milestone))
    for position, indicator in enumerate(indicators):
        page.indicators.add(ThemeIndicator(sort_order=position, **indicator))
    index.add_child(instance=page)
    page.save_revision().publish()
    return ThemePage.objects.get(pk=page.pk)
