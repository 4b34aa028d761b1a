"""Writes of the legacy import: board posts, partners and pages from a parsed dump.

Items are matched to what an earlier import created by their `legacy_key` (in the item's
locale): a new key is created, an item whose text changed is updated and its new revision
published, an identical one is left alone. Everything happens in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page

from policyshare.boards.models import BoardPost
from policyshare.core.models import PageViewCount, StandardPage
from policyshare.core.services import add_to_view_count, set_view_count
from policyshare.home.services import board_for, ensure_site
from policyshare.partners.models import Partner

from .parser import ParsedItem, ParsedPage, ParsedPartner, ParsedPost, ParseWarning, legacy_views

KINDS = ("posts", "partners", "pages")
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
SLUG_LENGTH = 80


def _counts() -> dict[str, int]:
    return dict.fromkeys(KINDS, 0)


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=_counts)
    updated: dict[str, int] = field(default_factory=_counts)
    unchanged: dict[str, int] = field(default_factory=_counts)
    warnings: list[ParseWarning] = field(default_factory=list)

    def count(self, *, outcome: str, kind: str) -> None:
        getattr(self, outcome)[kind] += 1

    def as_dict(self) -> dict:
        return {
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "warnings": [warning.as_dict() for warning in self.warnings],
        }


@transaction.atomic
def import_legacy_dump(
    *, items: Iterable[ParsedItem], dry_run: bool, warnings: Iterable[ParseWarning] = ()
) -> ImportReport:
    """Create or update what the items describe; with dry_run, only say what would happen."""
    report = ImportReport(warnings=list(warnings))
    homes = None if dry_run else ensure_site()
    for item in items:
        if isinstance(item, ParsedPost):
            report.count(outcome=_import_post(item=item, dry_run=dry_run), kind="posts")
        elif isinstance(item, ParsedPartner):
            report.count(outcome=_import_partner(item=item, dry_run=dry_run), kind="partners")
        elif isinstance(item, ParsedPage):
            outcome = _import_page(item=item, dry_run=dry_run, homes=homes)
            report.count(outcome=outcome, kind="pages")
        else:
            raise TypeError(f"not a parsed legacy item: {item!r}")
    return report


# --- Shared --------------------------------------------------------------------------------


def rich_text(paragraphs: Iterable[str]) -> str:
    """Plain legacy text as rich text: one escaped <p> per paragraph."""
    return "".join(f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)


def unique_slug(*, parent: Page, title: str, fallback: str) -> str:
    """A slug from the title that no sibling under `parent` has yet."""
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    base = slugify(title, allow_unicode=allow_unicode)[:SLUG_LENGTH].strip("-") or fallback
    taken = set(
        Page.objects.child_of(parent).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _without_ids(stream) -> list[dict]:
    return [{"type": block["type"], "value": block["value"]} for block in stream.raw_data]


# --- Board posts ---------------------------------------------------------------------------


def _import_post(*, item: ParsedPost, dry_run: bool) -> str:
    post = (
        BoardPost.objects.filter(legacy_key=item.legacy_key, locale__language_code=item.language)
        .order_by("pk")
        .first()
    )
    if post is None:
        if not dry_run:
            _create_post(item=item)
        return CREATED
    if post.legacy_source == item.legacy_source:
        return UNCHANGED
    if not dry_run:
        _update_post(post=post, item=item)
    return UPDATED


def _create_post(*, item: ParsedPost) -> None:
    board = board_for(kind=item.board, language_code=item.language)
    post = BoardPost(
        title=item.title,
        slug=unique_slug(parent=board, title=item.title, fallback=f"post-{item.legacy_key[:8]}"),
        locale=board.locale,
        registered_on=item.registered_on,
        writer=item.writer,
        body=rich_text(item.paragraphs),
        source_outlet=item.source_outlet,
        source_country=item.source_country,
        legacy_key=item.legacy_key,
        legacy_source=item.legacy_source,
    )
    board.add_child(instance=post)
    post.save_revision().publish()
    # The legacy count lives with the live counts, never on the page row.
    set_view_count(page_id=post.pk, count=item.views)


def _update_post(*, post: BoardPost, item: ParsedPost) -> None:
    previous_views = legacy_views(post.legacy_source)
    post.title = item.title
    post.registered_on = item.registered_on
    post.writer = item.writer
    post.body = rich_text(item.paragraphs)
    # A source the dump does not name may have been filled in by an editor: keep it.
    post.source_outlet = item.source_outlet or post.source_outlet
    post.source_country = item.source_country or post.source_country
    post.legacy_source = item.legacy_source
    post.save_revision().publish()
    if previous_views is not None:
        _shift_view_count(page_id=post.pk, amount=item.views - previous_views)


def _shift_view_count(*, page_id: int, amount: int) -> None:
    """Apply a change of the legacy count, keeping the visits counted since the import."""
    if amount > 0:
        add_to_view_count(page_id=page_id, amount=amount)
    elif amount < 0:
        current = (
            PageViewCount.objects.filter(page_id=page_id).values_list("count", flat=True).first()
        )
        set_view_count(page_id=page_id, count=max((current or 0) + amount, 0))


# --- Partners ------------------------------------------------------------------------------


def _import_partner(*, item: ParsedPartner, dry_run: bool) -> str:
    # Partners are shown on the Korean site: they go in the default locale.
    partner = (
        Partner.objects.filter(
            legacy_key=item.legacy_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .order_by("pk")
        .first()
    )
    if partner is None:
        if not dry_run:
            # Kind and order are only set here: after the import they belong to editors.
            Partner.objects.create(
                name=item.name,
                kind=item.kind,
                sort_order=item.position,
                locale=Locale.objects.get(language_code=settings.LANGUAGE_CODE),
                legacy_key=item.legacy_key,
                legacy_source=item.legacy_source,
            )
        return CREATED
    if partner.legacy_source == item.legacy_source:
        return UNCHANGED
    if not dry_run:
        partner.name = item.name
        partner.legacy_source = item.legacy_source
        partner.save(update_fields=["name", "legacy_source"])
    return UPDATED


# --- Pages ---------------------------------------------------------------------------------


def _page_content(item: ParsedPage) -> dict:
    return {
        "title": item.title,
        "body": [
            {"type": "paragraph", "value": rich_text([paragraph])} for paragraph in item.paragraphs
        ],
        "questions": [
            {
                "type": "question",
                "value": {"question": qa.question, "answer": rich_text(qa.paragraphs)},
            }
            for qa in item.questions
        ],
    }


def _import_page(*, item: ParsedPage, dry_run: bool, homes: dict | None) -> str:
    page = (
        StandardPage.objects.filter(legacy_key=item.legacy_key, locale__language_code=item.language)
        .order_by("pk")
        .first()
    )
    content = _page_content(item)
    if page is None:
        if not dry_run:
            home = homes[item.language]
            page = StandardPage(
                slug=unique_slug(
                    parent=home, title=item.title, fallback=f"page-{item.legacy_key[:8]}"
                ),
                locale=home.locale,
                legacy_key=item.legacy_key,
                legacy_source=item.legacy_source,
                **content,
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        return CREATED
    # Compare what the import would write (an editor's later edits count as a change to
    # undo only if the dump itself changed).
    if page.legacy_source == item.legacy_source:
        return UNCHANGED
    current = {
        "title": page.title,
        "body": _without_ids(page.body),
        "questions": _without_ids(page.questions),
    }
    if current == content:
        if not dry_run:
            page.legacy_source = item.legacy_source
            page.save(update_fields=["legacy_source"])
        return UNCHANGED
    if not dry_run:
        for name, value in content.items():
            setattr(page, name, value)
        page.legacy_source = item.legacy_source
        page.save_revision().publish()
    return UPDATED
