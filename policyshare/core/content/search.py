"""Search contribution of a content type: what its search document holds.

The public search (`policyshare.search`) keeps one document per public item and never names a
content type: it asks the item, through the methods below. Every portal page inherits them
through `PortalPageMixin`, and the defaults describe a plain page, so a new page type that
lists its fields in Wagtail's `search_fields` is found with no override:

- its **text** comes from `search_fields` (`get_search_texts`): a `SearchField` whose `boost`
  is at least `TITLE_BOOST` (Wagtail gives a page's `title` 2) is matched as a title, which
  weighs most; one boosted at least `SUMMARY_BOOST` (a summary or introduction) is matched
  as a summary, which weighs less than a title and more than the body; every other
  `SearchField` and `RelatedFields` is body text. The summary, then the body, make the
  result's snippet. A StreamField gives the words its blocks show to readers (a heading's
  text), never the values of choices and switches (a heading's level "H2");
- its **kind** is `search_kind`, a `SearchKind` with a translatable label (the "Content type"
  facet) and a `weight` that multiplies its results' scores (a policy case outweighs a news
  post that mentions it); a plain page is `PAGE`;
- its **facets** (`get_search_facets`): the board it is posted on, its theme slugs, its year
  and date; a plain page has the year and the day (in Seoul time) it was first published;
- its **translation group** (`get_search_translation_key`): the versions of one item in
  several languages share it (a page's or a translatable snippet's `translation_key`), and
  the search shows one of them, in the reader's language when it can;
- its **documents** (`get_search_documents`): the Wagtail documents it attaches, whose
  extracted PDF text (`policyshare.document_text`) is searched, weighed below the body, and
  never shown in snippets;
- whether it is a **result** at all (`is_search_result`): a site's home page and the tree
  root are not. The search also leaves out pages that are not live, are restricted, or have
  no URL.

A snippet whose records are results themselves (a partner) inherits `SearchContribution`,
registers with `policyshare.core.content.register_snippet`, and overrides what a page gets
from Wagtail: `get_search_url`, `get_search_title`, `get_search_texts`. A registered snippet
that is not a result (`search_kind = None`: a theme) may still label the values of a facet
(`search_facet_labels`), offer shortcuts on the empty search page (`search_shortcuts`), and
name the pages whose documents show it (`get_search_dependent_pages`), which are indexed again
when it changes. A page may name them too (a guide's chapters show its title): they are
indexed again when it is published or unpublished.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar, NamedTuple

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelsearch.index import RelatedFields, SearchField
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from . import snippet_models

# A search field boosted this much or more counts as a title (Wagtail boosts `title` by 2).
TITLE_BOOST = 2
# A search field boosted this much or more (and less than a title) counts as a summary.
SUMMARY_BOOST = 1.5


class SearchKind(NamedTuple):
    """A kind of search result: its value in URLs (`?type=policy`), its label, and the weight
    that multiplies its results' relevance (1: neutral)."""

    value: str
    label: str
    weight: float = 1.0


PAGE = SearchKind("page", _("Page"))


@dataclass(frozen=True)
class SearchTexts:
    """The text of a document: `title` matches weigh most, then `summary`, then `body`;
    the summary and the body make the snippet."""

    title: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SearchFacets:
    board: str = ""  # the board a post is on (the "Board" facet)
    themes: tuple[str, ...] = ()  # theme slugs, the same in every language
    year: int | None = None
    date: datetime.date | None = None  # what "newest first" sorts by


@dataclass(frozen=True)
class FacetLabel:
    """A facet value's label that is content in a given language (a theme's name shown in
    English to a French reader): the page marks it with that `language`."""

    text: str
    language: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class SearchShortcut:
    """A link on the empty search page: search `label`, filtered to `value` of `facet`."""

    label: str
    facet: str
    value: str


class SearchContribution:
    """The search protocol; the defaults describe a plain page (see the module docstring)."""

    search_kind: ClassVar[SearchKind | None] = PAGE

    def is_search_result(self) -> bool:
        if self.search_kind is None:
            return False
        # depth 1 is the tree root, depth 2 a site's home page.
        return not isinstance(self, Page) or self.depth > 2

    def get_search_url(self) -> str:
        return (self.get_url() or "") if isinstance(self, Page) else ""

    def get_search_title(self) -> str:
        return self.title

    def get_search_language(self) -> str:
        return self.locale.language_code

    def get_search_translation_key(self) -> str:
        """What the item's versions in other languages share (one result per group); "" for
        an item that has no translations."""
        key = getattr(self, "translation_key", None)
        return str(key) if key else ""

    def get_search_texts(self) -> SearchTexts:
        texts = SearchTexts()
        _collect_texts(self, self.get_search_fields(), texts)
        return texts

    def get_search_facets(self) -> SearchFacets:
        published = getattr(self, "first_published_at", None)
        # Readers and the year filter count days in TIME_ZONE (Seoul), not in UTC.
        date = timezone.localdate(published) if published else None
        return SearchFacets(year=date.year if date else None, date=date)

    def get_search_documents(self) -> Iterable[int]:
        """The ids of the Wagtail documents (a report's PDF, a policy's attachments) whose
        text the search document includes, weighed below the body."""
        return ()

    def get_search_dependent_pages(self) -> Iterable[int]:
        """The ids of the pages whose documents show this record or page (a theme's
        policies, a guide's chapters): indexed again when it is saved or published."""
        return ()

    @classmethod
    def search_facet_labels(cls, facet: str, values: list[str], *, language: str) -> dict:
        """Labels for values of a facet that this model knows (`{"transport": "교통"}`): an
        interface string, or a `FacetLabel` for content in a language of its own."""
        return {}

    @classmethod
    def search_shortcuts(cls, *, language: str) -> list[SearchShortcut]:
        return []


def _collect_texts(obj, fields, texts: SearchTexts) -> None:
    for search_field in fields:
        if isinstance(search_field, SearchField):
            value = _field_text(obj, search_field)
            if isinstance(value, list | tuple):
                value = " ".join(str(v) for v in value if v)
            text = " ".join(strip_tags(str(value)).split()) if value else ""
            if text:
                boost = search_field.boost or 1
                if boost >= TITLE_BOOST:
                    texts.title.append(text)
                elif boost >= SUMMARY_BOOST:
                    texts.summary.append(text)
                else:
                    texts.body.append(text)
        elif isinstance(search_field, RelatedFields):
            related = search_field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                # Related records (a policy's themes) are body text, whatever their boost.
                nested = SearchTexts()
                _collect_texts(item, search_field.fields, nested)
                texts.body.extend(nested.title + nested.body)


def _field_text(obj, search_field: SearchField):
    try:
        model_field = search_field.get_field(obj.__class__)
    except FieldDoesNotExist:
        model_field = None
    if isinstance(model_field, StreamField):
        value = model_field.value_from_object(obj)
        return _block_texts(model_field.stream_block, value)
    return search_field.get_value(obj)


# Blocks whose value is a setting, not words a reader sees as such: a heading's level ("H2"),
# a switch, a date. Wagtail indexes a choice's label; the public search leaves them out.
_SETTING_BLOCKS = (
    blocks.ChoiceBlock,
    blocks.MultipleChoiceBlock,
    blocks.BooleanBlock,
    blocks.DateBlock,
    blocks.TimeBlock,
    blocks.DateTimeBlock,
)


def _block_texts(block, value) -> list[str]:
    """The words of a StreamField value as readers see them, block by block, in order."""
    if value is None or isinstance(block, _SETTING_BLOCKS):
        return []
    if getattr(block, "search_index", True) is False:  # the block opted out, as in Wagtail
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in _block_texts(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in _block_texts(block.child_block, item)]
    if isinstance(block, blocks.StructBlock) and isinstance(value, blocks.StructValue):
        # Not Wagtail's ImageBlock and other StructBlocks whose value is no StructValue (an
        # image): their own get_searchable_content says what they hold.
        return [
            text
            for name, child_block in block.child_blocks.items()
            for text in _block_texts(child_block, value.get(name))
        ]
    return [str(text) for text in block.get_searchable_content(value) if text]


def search_models() -> list[type]:
    """The page types and registered snippets that take part in search."""
    pages = [m for m in get_page_models() if issubclass(m, SearchContribution)]
    snippets = [m for m in snippet_models() if issubclass(m, SearchContribution)]
    return pages + snippets


def search_kinds() -> dict[str, str]:
    """Every kind of result, value to label, in registration order."""
    kinds = {}
    for model in search_models():
        if model.search_kind is not None:
            kinds.setdefault(model.search_kind.value, model.search_kind.label)
    return kinds


def search_kind_weights() -> dict[str, float]:
    """Every kind of result, value to the weight its results' relevance is multiplied by."""
    weights = {}
    for model in search_models():
        if model.search_kind is not None:
            weights.setdefault(model.search_kind.value, model.search_kind.weight)
    return weights
