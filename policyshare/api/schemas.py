"""What every part of the API answers, as pydantic schemas (they are also the OpenAPI document).

Schemas of one content type's typed endpoints live with its app (e.g. `policies/api.py`);
these are the shared parts: languages, errors, the fields of every page, list envelopes.
"""

from datetime import datetime
from enum import Enum
from typing import Any

from django.conf import settings
from ninja import Field, Schema

# Enums built from the project's own choices, so the schema lists exactly the valid values.
Language = Enum("Language", {code: code for code, _name in settings.LANGUAGES}, type=str)


class Error(Schema):
    detail: Any


class Translation(Schema):
    language: str
    id: int
    url: str


class PageFields(Schema):
    id: int
    translation_key: str
    language: str
    title: str
    url: str
    first_published_at: datetime | None
    last_published_at: datetime | None
    translations: list[Translation]


class PageOut(PageFields):
    type: str
    parent_id: int | None
    search_description: str


class PageDetail(PageOut):
    fields: dict[str, Any] = Field(
        description=(
            "The fields this page's type publishes (its `api_fields`), by name; "
            "which ones depends on `type`."
        )
    )


class ListFields(Schema):
    count: int
    page: int
    page_size: int
    num_pages: int
    next: str | None
    previous: str | None


class PageList(ListFields):
    results: list[PageOut]
