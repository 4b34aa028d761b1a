"""The policies' typed endpoints of the open-data API: /api/v1/policies and /api/v1/themes.

Mounted on the shared API by `wagtail_hooks.py` (REGISTER_ROUTER_HOOK). Their schemas and
operation ids are those of version 1, when they were in `policyshare/api/`.
"""

# django-ninja declares query parameters as Query(...) defaults, the way FastAPI does.
# ruff: noqa: B008

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema
from wagtail.rich_text import expand_db_html

from policyshare.api import representations as rep
from policyshare.api import selectors
from policyshare.api.api import ERRORS, MAX_ID, IsoDateTime, LanguageParam, get_or_404
from policyshare.api.schemas import Language, ListFields, PageFields
from policyshare.core.selectors import with_view_counts

from .indicators import indicator_record
from .models import PolicyCase, Theme
from .selectors import public_successor_id

router = Router()


class PolicySummary(PageFields):
    summary: str
    themes: list[str]
    period_start_year: int
    period_end_year: int | None
    views: int


class IndicatorFigure(Schema):
    value: Decimal
    year: int | None = Field(description="Empty when not recorded (older content).")


class AchievedFigure(Schema):
    year: int
    value: Decimal


class Indicator(Schema):
    name: str
    unit: str
    direction: Literal["higher", "lower"] = Field(description="Which way is better.")
    baseline: IndicatorFigure | None
    target: IndicatorFigure | None
    achieved: list[AchievedFigure] = Field(description="Oldest first, one value a year.")
    status: Literal["met", "not_met", "in_progress", "no_target", "no_result"] = Field(
        description=(
            "Whether the target was met: judged on the latest achieved value up to the "
            "target year, in the indicator's direction; `in_progress` until the target "
            "year is over; `no_result` when it is over and no achieved value up to it was "
            "entered."
        )
    )
    source: str
    source_url: str
    value_before: Decimal | None = Field(deprecated=True, description="The baseline's value.")
    value_after: Decimal | None = Field(
        deprecated=True, description="The latest achieved value (never a target)."
    )
    year: int | None = Field(deprecated=True, description="The latest achieved value's year.")


class Attachment(Schema):
    title: str
    url: str


class Contact(Schema):
    department: str
    name: str
    email: str
    phone: str


class BudgetLineOut(Schema):
    amount: Decimal
    currency: str = Field(description="ISO 4217 code.")
    year: int
    funding_source: str
    source: str
    amount_usd: Decimal | None = Field(
        description="In US dollars of `year`, from the portal's exchange-rate table; null when "
        "the table has no rate for that currency and year."
    )
    no_usd_reason: str = Field(description="Why `amount_usd` is null; empty otherwise.")


class Cost(Schema):
    budget_lines: list[BudgetLineOut]
    total_usd: Decimal | None = Field(
        description="Sum of `amount_usd`; null unless every line has one."
    )
    usd_per_resident: Decimal | None = Field(
        description="`total_usd` divided by the population of the case's city; null when "
        "either is unknown (a case contributed by a partner city has no population here)."
    )
    population: int | None
    population_year: int | None
    population_source: str
    staff_fte: Decimal | None = Field(description="Staff in full-time equivalents.")
    note: str = Field(description="The budget note: what the budget lines cannot say.")


class Obstacle(Schema):
    obstacle: str
    response: str = Field(description="How it was overcome.")


class Stakeholder(Schema):
    name: str
    role: str


class LegalBasis(Schema):
    title: str
    url: str
    note: str


class Preconditions(Schema):
    legal: str
    budget: str
    technology: str
    size: str


class LifecycleStage(Schema):
    status: str = Field(description="piloted, running, revised, discontinued or superseded.")
    start: date
    end: date | None
    reason: str


class Lifecycle(Schema):
    status: str = Field(description="The latest stage's status; empty when none is given.")
    stages: list[LifecycleStage]
    successor: int | None = Field(
        description="Id of the policy that replaced it; null unless that one is published "
        "and public."
    )


class PolicyDetail(PolicySummary):
    background: str
    actions: list[dict[str, Any]]
    budget: str
    cost: Cost
    obstacles: list[Obstacle]
    stakeholders: list[Stakeholder]
    legal_basis: list[LegalBasis]
    preconditions: Preconditions
    sdg_targets: list[str] = Field(description='SDG target codes, e.g. "11.2".')
    lifecycle: Lifecycle
    lessons: str
    contact: Contact
    writer: str
    affiliation: str
    indicators: list[Indicator]
    attachments: list[Attachment]
    related: list[int]


class ThemeOut(Schema):
    id: int
    translation_key: str
    language: str
    slug: str
    name: str
    description: str
    popular: bool
    sort_order: int


class PolicyList(ListFields):
    results: list[PolicySummary]


class ThemeList(ListFields):
    results: list[ThemeOut]


# Reads


def policies(*, filters: selectors.PageFilters, theme: str | None = None) -> QuerySet:
    queryset = selectors.filter_pages(PolicyCase.objects.all(), filters)
    if theme:
        # A subquery, not a join, so a policy with two matching themes is listed once.
        queryset = queryset.filter(
            pk__in=PolicyCase.objects.filter(themes__slug=theme).values("pk")
        )
    if filters.year is not None:
        # A policy belongs to a year if its implementation period covers it.
        queryset = queryset.filter(period_start_year__lte=filters.year).filter(
            Q(period_end_year__gte=filters.year) | Q(period_end_year__isnull=True)
        )
    return with_view_counts(
        queryset.prefetch_related("themes").order_by("-first_published_at", "-pk")
    )


def themes(*, language: str | None = None) -> QuerySet:
    queryset = Theme.objects.live().select_related("locale").order_by("sort_order", "name", "pk")
    if language:
        queryset = queryset.filter(locale__language_code=language)
    return queryset


# Representations


def policy_summaries(request, items) -> list[dict]:
    translations = selectors.translations_of(items)
    return [_policy_summary(request, policy, translations) for policy in items]


def _policy_summary(request, policy, translations) -> dict:
    return {
        **rep.page_fields(request, policy, translations),
        "summary": policy.summary,
        "themes": [theme.slug for theme in policy.themes.all()],
        "period_start_year": policy.period_start_year,
        "period_end_year": policy.period_end_year,
        "views": getattr(policy, "views", 0),
    }


def policy_detail(request, policy) -> dict:
    translations = selectors.translations_of([policy])
    return {
        **_policy_summary(request, policy, translations),
        "background": expand_db_html(policy.background),
        "actions": list(policy.actions.raw_data),
        "budget": policy.budget,
        **_how_and_lifecycle(policy),
        "cost": policy.cost,
        "lessons": expand_db_html(policy.lessons),
        "contact": {
            "department": policy.department,
            "name": policy.contact_name,
            "email": policy.contact_email,
            "phone": policy.contact_phone,
        },
        "writer": policy.writer,
        "affiliation": policy.affiliation,
        "indicators": [indicator_record(indicator) for indicator in policy.indicators.all()],
        "attachments": [
            {
                "title": attachment.link_text,
                "url": request.build_absolute_uri(attachment.document.url),
            }
            for attachment in policy.attachments.select_related("document")
        ],
        "related": [
            link.policy_id for link in policy.related_policies.all() if link.policy_id is not None
        ],
    }


def _how_and_lifecycle(policy) -> dict:
    return {
        "obstacles": [
            {"obstacle": block.value["obstacle"], "response": block.value["response"]}
            for block in policy.obstacles
        ],
        "stakeholders": [
            {"name": block.value["name"], "role": block.value["role"]}
            for block in policy.stakeholders
        ],
        "legal_basis": [
            {
                "title": block.value["title"],
                "url": block.value["url"] or "",
                "note": block.value["note"],
            }
            for block in policy.legal_basis
        ],
        "preconditions": {
            "legal": policy.precondition_legal,
            "budget": policy.precondition_budget,
            "technology": policy.precondition_technology,
            "size": policy.precondition_size,
        },
        "sdg_targets": policy.sdg_target_list,
        "lifecycle": {
            "status": policy.lifecycle_status,
            "stages": [
                {
                    "status": block.value["status"],
                    "start": block.value["start"],
                    "end": block.value["end"],
                    "reason": block.value["reason"],
                }
                for block in policy.lifecycle
            ],
            "successor": public_successor_id(policy),
        },
    }


def theme_out(item) -> dict:
    return {
        "id": item.pk,
        "translation_key": str(item.translation_key),
        "language": item.locale.language_code,
        "slug": item.slug,
        "name": item.name,
        "description": item.description,
        "popular": item.is_popular,
        "sort_order": item.sort_order,
    }


# Endpoints


@router.get("/policies", response={200: PolicyList, **ERRORS}, tags=["policies"])
def list_policies(
    request: HttpRequest,
    language: Language | None = LanguageParam,
    theme: str | None = Query(
        None, max_length=100, pattern=r"^[-\w]+$", description="A theme slug."
    ),
    year: int | None = Query(None, ge=1900, le=2200, description="Implemented in this year."),
    updated_since: IsoDateTime | None = Query(None, description="Published or updated since."),
    page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(rep.DEFAULT_PAGE_SIZE, ge=1, le=rep.MAX_PAGE_SIZE),
):
    """Policy cases, newest first."""
    queryset = policies(
        filters=selectors.PageFilters(
            language=language.value if language else None,
            updated_since=updated_since,
            year=year,
        ),
        theme=theme,
    )
    items, fields = rep.paginate(request, queryset, page=page, page_size=page_size)
    return {**fields, "results": policy_summaries(request, items)}


@router.get("/policies/{policy_id}", response={200: PolicyDetail, **ERRORS}, tags=["policies"])
def get_policy(request: HttpRequest, policy_id: int = Path(..., ge=1, le=MAX_ID)):
    """One policy case with its background, actions, indicators and attachments."""
    policy = get_or_404(policies(filters=selectors.PageFilters()), policy_id)
    return policy_detail(request, policy)


@router.get("/themes", response={200: ThemeList, **ERRORS}, tags=["themes"])
def list_themes(
    request: HttpRequest,
    language: Language | None = LanguageParam,
    page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(rep.MAX_PAGE_SIZE, ge=1, le=rep.MAX_PAGE_SIZE),
):
    """Policy themes (sectors); `slug` is the same in every language."""
    queryset = themes(language=language.value if language else None)
    items, fields = rep.paginate(request, queryset, page=page, page_size=page_size)
    return {**fields, "results": [theme_out(item) for item in items]}
