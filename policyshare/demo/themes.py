"""Load the demo theme pages (content/theme_pages.py): transport and water supply, in Korean
and English, with their key indicators and timelines.

Korean first, then English as its translation (one translation group); the other languages
get the English page through the usual fallback. A page is found again by its slug under
the language's themes section, so loading again creates nothing and changes nothing, and an
editor's changes stay.
"""

from decimal import Decimal

from policyshare.policies.models import PolicyCase
from policyshare.themes.models import ThemeIndicator, ThemeMilestone, ThemePage

from .content.theme_pages import THEME_PAGES

LANGUAGES = ("ko", "en")


def load_theme_pages(*, sections, libraries, themes, report) -> None:
    """`sections`: {language: themes section}; `libraries`: {language: policy library};
    `themes`: {language: {slug: Theme}} (as the theme loader returns them)."""
    for spec in THEME_PAGES:
        source = None
        for code in LANGUAGES:
            index = sections.get(code)
            theme = themes.get(code, {}).get(spec["theme"])
            if index is None or theme is None:
                continue
            page = ThemePage.objects.child_of(index).filter(slug=theme.slug).first()
            created = page is None
            if created:
                page = _theme_page(
                    spec=spec, code=code, theme=theme, library=libraries[code], source=source
                )
                index.add_child(instance=page)
                page.save_revision().publish()
            report.add("theme page", created=created)
            source = source or page


def _theme_page(*, spec, code, theme, library, source) -> ThemePage:
    text = spec[code]
    page = ThemePage(
        title=text["title"],
        slug=theme.slug,
        theme=theme,
        introduction=text["introduction"],
    )
    if source is not None:
        page.translation_key = source.translation_key
    for position, indicator in enumerate(spec["indicators"]):
        page.indicators.add(
            ThemeIndicator(
                sort_order=position,
                value=Decimal(indicator["value"]),
                year=indicator.get("year"),
                source_url=indicator.get("source_url", ""),
                **indicator[code],
            )
        )
    for position, milestone in enumerate(spec["milestones"]):
        policy = None
        if milestone.get("policy"):
            policy = PolicyCase.objects.child_of(library).filter(slug=milestone["policy"]).first()
        page.milestones.add(
            ThemeMilestone(
                sort_order=position,
                year=milestone["year"],
                title=milestone[code]["title"],
                text=milestone[code]["text"],
                policy=policy,
            )
        )
    return page
