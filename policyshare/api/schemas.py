"""What the API answers, as pydantic schemas (they are also the OpenAPI document)."""

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from django.conf import settings
from ninja import Schema

from policyshare.boards.models import BoardKind
from policyshare.partners.models import PartnerKind

# Enums built from the project's own choices, so the schema lists exactly the valid values.
Language = Enum("Language", {code: code for code, _name in settings.LANGUAGES}, type=str)
Board = Enum("Board", {kind: kind for kind in BoardKind.values}, type=str)
PartnerType = Enum("PartnerType", {kind: kind for kind in PartnerKind.values}, type=str)


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


class PolicySummary(PageFields):
    summary: str
    themes: list[str]
    period_start_year: int
    period_end_year: int | None
    views: int


class Indicator(Schema):
    name: str
    value_before: Decimal | None
    value_after: Decimal | None
    unit: str
    year: int | None
    source: str


class Attachment(Schema):
    title: str
    url: str


class Contact(Schema):
    department: str
    name: str
    email: str
    phone: str


class PolicyDetail(PolicySummary):
    background: str
    actions: list[dict[str, Any]]
    budget: str
    lessons: str
    contact: Contact
    writer: str
    affiliation: str
    indicators: list[Indicator]
    attachments: list[Attachment]
    related: list[int]


class PostSummary(PageFields):
    board: str
    registered_on: date
    writer: str
    summary: str
    source_outlet: str
    source_country: str
    original_url: str
    video_url: str
    report_url: str | None
    views: int


class PostDetail(PostSummary):
    body: str


class ThemeOut(Schema):
    id: int
    translation_key: str
    language: str
    slug: str
    name: str
    description: str
    popular: bool
    sort_order: int


class PartnerOut(Schema):
    id: int
    translation_key: str
    language: str
    name: str
    kind: str
    website: str
    description: str
    logo_url: str | None
    sort_order: int
    show_on_home: bool


class ListFields(Schema):
    count: int
    page: int
    page_size: int
    num_pages: int
    next: str | None
    previous: str | None


class PolicyList(ListFields):
    results: list[PolicySummary]


class PostList(ListFields):
    results: list[PostSummary]


class ThemeList(ListFields):
    results: list[ThemeOut]


class PartnerList(ListFields):
    results: list[PartnerOut]


class PageList(ListFields):
    results: list[PageOut]
