"""Builders for the guides tests."""

import itertools
from datetime import date

from wagtail.rich_text import RichText

from policyshare.guides.models import GuideChapterPage, GuidePage

_numbers = itertools.count(1)


def make_guide(*, index, title=None, slug=None, themes=(), **fields):
    """A published guide with no chapters."""
    number = next(_numbers)
    fields.setdefault("summary", f"Summary of guide {number}.")
    fields.setdefault("publication_date", date(2024, 3, number % 28 + 1))
    guide = GuidePage(title=title or f"Guide {number}", slug=slug or f"guide-{number}", **fields)
    index.add_child(instance=guide)
    if themes:
        guide.themes.set(themes)
    guide.save_revision().publish()
    return GuidePage.objects.get(pk=guide.pk)


def chapter_body(*headings, paragraph="Some text."):
    """A body with one H2 heading and a paragraph per heading."""
    body = []
    for heading in headings:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("paragraph", RichText(f"<p>{paragraph}</p>")))
    return body


def make_chapter(*, guide, title=None, slug=None, headings=(), publish=True, **fields):
    number = next(_numbers)
    fields.setdefault("body", chapter_body(*headings))
    chapter = GuideChapterPage(
        title=title or f"Chapter {number}",
        slug=slug or f"chapter-{number}",
        live=publish,
        **fields,
    )
    guide.add_child(instance=chapter)
    revision = chapter.save_revision()
    if publish:
        revision.publish()
    return GuideChapterPage.objects.get(pk=chapter.pk)
