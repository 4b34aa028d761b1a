"""Load the demo's policy guides (content/guides.py) with their chapters, in Korean and
English. A guide and a chapter are found again by their slug (or as the translation of the
Korean one), so loading again creates nothing, and an editor's changes stay."""

from datetime import date, datetime, time

from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from policyshare.guides.models import GuideChapterPage, GuidePage, GuideSource
from policyshare.policies.models import PolicyCase

from .content.guides import GUIDES

LANGUAGES = ("ko", "en")


def load_guides(*, sections, themes, report, find_translation) -> dict[str, dict[str, GuidePage]]:
    """Every guide of content/guides.py that is missing, Korean first; returns
    {slug: {language: guide}}. `sections` are the guides sections by language, `themes` the
    demo's themes by language and slug."""
    loaded = {}
    for spec in GUIDES:
        source = None
        pages = {}
        for code in LANGUAGES:
            guide = find_translation(parent=sections[code], source=source, slug=spec["slug"])
            created = guide is None
            if created:
                guide = _guide_page(spec=spec, code=code, section=sections[code], source=source)
            report.add("guide", created=created)
            pages[code] = guide
            _load_chapters(
                spec=spec,
                code=code,
                guide=guide,
                report=report,
                korean=pages["ko"],
                find_translation=find_translation,
            )
            if created:
                # Themes and policies set, every chapter in place: the guide's search
                # document and its metadata count them.
                guide.themes.set([themes[code][slug] for slug in spec["themes"]])
                guide.related_policies.set(
                    PolicyCase.objects.filter(
                        slug__in=spec["policies"], locale=sections[code].locale
                    )
                )
                _publish(guide, on=spec["published"])
            source = source or guide
        loaded[spec["slug"]] = pages
    return loaded


def _guide_page(*, spec, code, section, source) -> GuidePage:
    text = spec[code]
    guide = GuidePage(
        title=text["title"],
        slug=spec["slug"],
        locale=section.locale,
        summary=text["summary"],
        introduction=text["introduction"],
        publisher_name=text["publisher"],
        publication_date=spec["published"],
        # Not live until its chapters, themes and policies are in place.
        live=False,
    )
    if source is not None:
        guide.translation_key = source.translation_key
    for order, item in enumerate(spec["sources"]):
        guide.sources.add(GuideSource(sort_order=order, **item))
    section.add_child(instance=guide)
    return guide


def _load_chapters(*, spec, code, guide, report, korean, find_translation) -> None:
    for chapter_spec in spec["chapters"]:
        korean_chapter = (
            None
            if code == "ko"
            else GuideChapterPage.objects.child_of(korean).filter(slug=chapter_spec["slug"]).first()
        )
        chapter = find_translation(parent=guide, source=korean_chapter, slug=chapter_spec["slug"])
        created = chapter is None
        if created:
            text = chapter_spec[code]
            chapter = GuideChapterPage(
                title=text["title"],
                slug=chapter_spec["slug"],
                locale=guide.locale,
                summary=text["summary"],
                body=_body(text["body"]),
            )
            if korean_chapter is not None:
                chapter.translation_key = korean_chapter.translation_key
            guide.add_child(instance=chapter)
            _publish(chapter, on=spec["published"])
        report.add("guide chapter", created=created)


def _body(items) -> list:
    blocks = []
    for kind, value in items:
        if kind == "heading":
            blocks.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "paragraph":
            blocks.append(("paragraph", RichText(value)))
        elif kind == "table":
            blocks.append(
                (
                    "table",
                    {
                        "data": value["rows"],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": value["caption"],
                    },
                )
            )
        else:
            blocks.append((kind, value))
    return blocks


def _publish(page, *, on: date) -> None:
    page.save_revision().publish()
    # The guide's publication date, not the day the demo was loaded.
    when = timezone.make_aware(datetime.combine(on, time(10, 0)))
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
