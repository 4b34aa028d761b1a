"""Rich text from an archive, cleaned the way the editor cleans what it saves.

An archive is data from outside: its rich text could hold a `<script>`, an `onerror`
attribute or a `javascript:` link that the editor would never have saved. Each value goes
through Wagtail's own whitelist for the editor (`DbWhitelister`, with the rules of the
field's or block's features); a value it leaves as it was is kept byte for byte, so a
genuine export round-trips unchanged.
"""

import json
from functools import cache

from bs4 import BeautifulSoup, Tag
from wagtail import blocks
from wagtail.admin.rich_text.converters.editor_html import DbWhitelister, EditorHTMLConverter
from wagtail.fields import RichTextField, StreamField

from .validation import InvalidValue, validate_block


class UnsafeContent(ValueError):
    """Content that cannot be cleaned, only refused; the message says what it is."""


# Block elements carry the key the editor gives them (comments are anchored to it); it is
# data, never run, so the whitelist keeps it.
BLOCK_KEY = "data-block-key"


def _keeping_block_key(rule):
    def apply(tag):
        key = tag.attrs.get(BLOCK_KEY)
        rule(tag)
        if isinstance(key, str):
            tag[BLOCK_KEY] = key

    return apply


class StoredFormatWhitelister(DbWhitelister):
    """DbWhitelister for HTML in the stored format rather than the editor's.

    The stored format names links and embeds `<a linktype="page" id="3">` and
    `<embed embedtype="image" …/>`; the editor sends `data-linktype`, `data-id`, … which
    DbWhitelister turns into the stored ones. Prefixing the attributes lets its link and
    embed handlers decide what survives, exactly as for the editor's own input.
    """

    def __init__(self, features):
        super().__init__(EditorHTMLConverter(features=features).converter_rules)
        self.element_rules = {
            name: rule if name == "[document]" else _keeping_block_key(rule)
            for name, rule in self.element_rules.items()
        }

    def clean_tag_node(self, doc, tag):
        if (tag.name == "a" and "linktype" in tag.attrs) or (
            tag.name == "embed" and "embedtype" in tag.attrs
        ):
            tag.attrs = {f"data-{name}": value for name, value in tag.attrs.items()}
        try:
            super().clean_tag_node(doc, tag)
        except KeyError as error:  # a handler missing the attribute it needs (id, format)
            raise UnsafeContent(f"a <{tag.name}> without its {error} attribute") from error


@cache
def _whitelister(features: tuple | None) -> StoredFormatWhitelister:
    return StoredFormatWhitelister(list(features) if features is not None else None)


def _tree(node):
    """A comparable form of parsed HTML: what a browser would see, not how it is spelled."""
    if isinstance(node, Tag):
        return (
            node.name,
            sorted((name, str(value)) for name, value in node.attrs.items()),
            [_tree(child) for child in node.contents],
        )
    return (type(node).__name__, str(node))


def clean_rich_text(html: str, *, features=None) -> str:
    """`html` with only what the editor allows; `html` itself when nothing had to go."""
    if not isinstance(html, str):
        raise UnsafeContent("rich text that is not a string")
    cleaned = _whitelister(tuple(features) if features is not None else None).clean(html)
    if _tree(BeautifulSoup(cleaned, "html.parser")) == _tree(BeautifulSoup(html, "html.parser")):
        return html
    return cleaned


def _clean_block(block, raw, cleaned: list):
    if raw is None:
        return raw
    if isinstance(block, blocks.RichTextBlock):
        value = clean_rich_text(raw, features=block.features)
        if value != raw:
            cleaned.append(block)
        return value
    if isinstance(block, blocks.StreamBlock):
        return _clean_stream(block, raw, cleaned)
    if isinstance(block, blocks.StructBlock):
        if not isinstance(raw, dict):
            raise UnsafeContent(f"a {block.name or 'struct'} block that is not an object")
        unknown = set(raw) - set(block.child_blocks)
        if unknown:
            raise UnsafeContent(f"unknown block {sorted(unknown)[0]!r}")
        return {
            name: _clean_block(block.child_blocks[name], value, cleaned)
            for name, value in raw.items()
        }
    if isinstance(block, blocks.ListBlock):
        if not isinstance(raw, list):
            raise UnsafeContent(f"a {block.name or 'list'} block that is not a list")
        # Stored lists are [{"type": "item", "value": …, "id": …}]; older ones plain values.
        return [
            {**item, "value": _clean_block(block.child_block, item.get("value"), cleaned)}
            if isinstance(item, dict) and item.get("type") == "item"
            else _clean_block(block.child_block, item, cleaned)
            for item in raw
        ]
    # Any other block holds one value (text, URL, choice, reference): its own clean() checks it.
    validate_block(block, raw)
    return raw


def _clean_stream(block, raw, cleaned: list):
    if not isinstance(raw, list):
        raise UnsafeContent("a stream that is not a list of blocks")
    children = []
    for child in raw:
        if not isinstance(child, dict) or "type" not in child:
            raise UnsafeContent("a stream block without a type")
        if child["type"] not in block.child_blocks:
            # Wagtail would skip it, but a later block of that name would bring it to life.
            raise UnsafeContent(f"unknown block {child['type']!r}")
        child_block = block.child_blocks[child["type"]]
        try:
            value = _clean_block(child_block, child.get("value"), cleaned)
        except InvalidValue as error:
            raise InvalidValue(f"{child['type']} block, {error}") from error
        children.append({**child, "value": value})
    return children


def clean_fields(model, data: dict) -> int:
    """Clean every rich-text field and every rich-text block of a record, in place, and
    validate every other block value (InvalidValue).

    Returns how many values had something removed.
    """
    cleaned = []
    for field in model._meta.concrete_fields:
        value = data.get(field.name)
        if value in (None, ""):
            continue
        if isinstance(field, RichTextField):
            new = clean_rich_text(value, features=field.features)
            if new != value:
                data[field.name] = new
                cleaned.append(field)
        elif isinstance(field, StreamField):
            try:
                raw = json.loads(value) if isinstance(value, str) else value
            except ValueError as error:
                raise UnsafeContent(f"{field.name} is not valid JSON") from error
            before = len(cleaned)
            try:
                new = _clean_stream(field.stream_block, raw, cleaned)
            except InvalidValue as error:
                raise InvalidValue(f"{field.name}, {error}") from error
            if len(cleaned) > before:
                data[field.name] = json.dumps(new, ensure_ascii=False)
    return len(cleaned)
