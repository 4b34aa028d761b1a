"""The rich-text editor of the admin: Draftail, with what it posts checked before Wagtail
converts it (WAGTAILADMIN_RICH_TEXT_EDITORS).

Draftail posts its content as JSON ("contentstate"). Wagtail's converter trusts it: text that
is not JSON, or JSON of another shape, raises deep inside it and the editor gets a server
error. Here the shape is checked first and a malformed value is a form error.
"""

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, Field, StrictInt, StrictStr, model_validator
from pydantic import ValidationError as SchemaError
from wagtail.admin.rich_text import DraftailRichTextArea

MALFORMED_MESSAGE = _("The text could not be read. Reload the page and make the change again.")


class _StyleRange(BaseModel):
    offset: StrictInt = Field(ge=0)
    length: StrictInt = Field(ge=0)
    style: StrictStr


class _EntityRange(BaseModel):
    offset: StrictInt = Field(ge=0)
    length: StrictInt = Field(ge=0)
    key: StrictInt | StrictStr


class _Block(BaseModel):
    key: StrictStr = ""
    type: StrictStr = "unstyled"
    text: StrictStr = ""
    depth: StrictInt = Field(default=0, ge=0, le=10)
    inlineStyleRanges: list[_StyleRange] = []  # Draft.js names
    entityRanges: list[_EntityRange] = []
    data: dict[str, Any] = {}


class _Entity(BaseModel):
    type: StrictStr
    mutability: StrictStr | None = None
    data: dict[str, Any] = {}


class Contentstate(BaseModel):
    """What Draftail posts and Wagtail's converter reads."""

    blocks: list[_Block] = []
    entityMap: dict[str, _Entity] = {}

    @model_validator(mode="after")
    def entities_exist(self):
        for block in self.blocks:
            for entity_range in block.entityRanges:
                if str(entity_range.key) not in self.entityMap:
                    raise ValueError(f"entity {entity_range.key} is not in the entity map")
        return self


def is_contentstate(raw: str) -> bool:
    """Whether `raw` is contentstate JSON that Wagtail's converter can read.

    Draftail posts `null` for an empty editor, which the converter reads as no content.
    """
    try:
        value = json.loads(raw)
        if value is not None:
            Contentstate.model_validate(value)
    except (ValueError, SchemaError):
        return False
    return True


class MalformedContentstate:
    """What the widget hands the form for a malformed value.

    The form field (a CharField, for a RichTextField and in a RichTextBlock alike) turns the
    widget's value into text with `str()`: raising there makes it the field's own error.
    """

    def __str__(self):
        raise ValidationError(MALFORMED_MESSAGE, code="malformed_rich_text")


class CheckedDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        raw = data.get(name)
        if isinstance(raw, str) and not is_contentstate(raw):
            return MalformedContentstate()
        return super().value_from_datadict(data, files, name)

    def format_value(self, value):
        # The form is shown again with its error: the editor starts empty.
        if isinstance(value, MalformedContentstate):
            value = None
        return super().format_value(value)
