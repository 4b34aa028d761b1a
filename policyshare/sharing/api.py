"""Policy sharing on the open-data API: /api/v1/cities, /api/v1/transfers, /api/v1/projects.

Mounted on the shared API by `wagtail_hooks.py` (REGISTER_ROUTER_HOOK), like the partners'
endpoint. Cities and transfers are records for every language: their texts are objects keyed
by language code, plus the text in the reader's language `hl` (with the site's fallback
chain). Projects are pages, one per language, filtered with `language` like policies.
Every list runs a fixed number of queries whatever its length (docs/sharing-api.md).
"""

# django-ninja declares query parameters as Query(...) defaults, the way FastAPI does.
# ruff: noqa: B008

import re
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from ninja import Path, Query, Router, Schema
from wagtail.rich_text import expand_db_html

from policyshare.api import representations as rep
from policyshare.api import selectors as api_selectors
from policyshare.api.api import ERRORS, MAX_ID, LanguageParam, get_or_404
from policyshare.api.schemas import Language, ListFields, PageFields
from policyshare.core.localized import localized, localized_language
from policyshare.policies.models import PolicyCase

from . import selectors
from .models import (
    City,
    CityRelationship,
    ClimateZone,
    CooperationProjectPage,
    IncomeGroup,
    PolicyTransfer,
    ProjectRelation,
    ProjectStatus,
    RelationshipKind,
    Stage,
    TransferChannel,
    TransferMode,
    TransferStage,
)

router = Router()


def _choices_enum(name: str, choices) -> type[Enum]:
    """A str enum of a model's choices, so the schema lists exactly the valid values."""
    return Enum(name, {value: value for value in choices.values}, type=str)


RelationshipKindParam = _choices_enum("RelationshipKind", RelationshipKind)
IncomeGroupParam = _choices_enum("IncomeGroup", IncomeGroup)
ClimateZoneParam = _choices_enum("ClimateZone", ClimateZone)
ChannelParam = _choices_enum("TransferChannel", TransferChannel)
ModeParam = _choices_enum("TransferMode", TransferMode)
StageParam = _choices_enum("TransferStage", Stage)
ProjectStatusParam = _choices_enum("ProjectStatus", ProjectStatus)

ReaderLanguageParam = Query(
    None,
    description=(
        "The reader's language: `name` and the other `…_text` fields are in it, or in the "
        "first language of its fallback chain that has a text (then English, then Korean). "
        "The objects keyed by language code hold every language. Default: English."
    ),
)
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
CitySlugParam = Query(None, max_length=80, pattern=SLUG_PATTERN, description="A city slug.")
PolicyParam = Query(
    None,
    max_length=36,
    pattern=r"^([0-9]{1,18}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
    r"[0-9a-fA-F]{12})$",
    description=(
        "A policy: its `translation_key`, or the id of any of its language versions "
        "(a transfer or project is about the policy in every language)."
    ),
)
PageParam = Query(1, ge=1, le=100_000)
PageSizeParam = Query(rep.DEFAULT_PAGE_SIZE, ge=1, le=rep.MAX_PAGE_SIZE)


def _reader_language(hl: Language | None) -> str:
    return hl.value if hl else "en"


def _policy_filter(value: str, field: str) -> Q:
    """Q for records about the policy `value` names, in any of its language versions."""
    if re.fullmatch(r"[0-9]+", value):
        keys = PolicyCase.objects.filter(pk=int(value)).values("translation_key")
        return Q(**{f"{field}__translation_key__in": keys})
    return Q(**{f"{field}__translation_key": value.lower()})


# --- Schemas -----------------------------------------------------------------------------


class SourceOut(Schema):
    title: str
    url: str
    publisher: str
    published_on: date | None


class RelationshipOut(Schema):
    kind: str
    signed_year: int
    signed_on: date | None
    status: str
    source_title: str
    source_url: str
    illustrative: bool


class CityRef(Schema):
    slug: str
    name: str
    country: str


class CityOut(Schema):
    id: int
    slug: str
    names: dict[str, str]
    name: str
    name_language: str
    country: str
    latitude: float
    longitude: float
    population: int | None
    population_year: int | None
    population_source: str
    population_band: str
    time_zone: str
    income_group: str
    climate_zone: str
    networks: list[str]
    geonames_id: int | None
    relationships: list[RelationshipOut]
    updated_at: datetime


class CityList(ListFields):
    results: list[CityOut]


class CityDetail(CityOut):
    transfers_in: list[int]
    transfers_out: list[int]
    projects: list[int]


class PolicyRef(Schema):
    id: int
    translation_key: str
    language: str
    title: str
    url: str | None


class StageOut(Schema):
    stage: str
    reached_on: date
    reason: str


class OutcomeOut(Schema):
    indicator: dict[str, str]
    indicator_text: str
    unit: str
    baseline: Decimal | None
    baseline_year: int | None
    value: Decimal
    year: int
    evidence_url: str
    evidence_note: str


class TransferOut(Schema):
    id: int
    policy: PolicyRef
    source_city: CityRef
    target_city: CityRef
    channel: str
    mode: str
    parent_id: int | None
    project_id: int | None
    summary: dict[str, str]
    summary_text: str
    stage: str
    stage_year: int | None
    stages: list[StageOut]
    outcomes: list[OutcomeOut]
    sources: list[SourceOut]
    illustrative: bool
    created_at: datetime
    updated_at: datetime


class TransferList(ListFields):
    results: list[TransferOut]


class LineageLink(Schema):
    id: int
    depth: int
    source_city: str
    target_city: str
    stage: str
    stage_year: int | None


class TransferDetail(TransferOut):
    ancestors: list[LineageLink]
    descendants: list[LineageLink]


class ProjectSummary(PageFields):
    summary: str
    status: str
    planned_start: date | None
    planned_end: date | None
    actual_start: date | None
    actual_end: date | None
    cities: list[str]
    policies: list[int]
    illustrative: bool


class ProjectList(ListFields):
    results: list[ProjectSummary]


class BudgetOut(Schema):
    amount: Decimal | None
    currency: str
    source: str


class ParticipantOut(Schema):
    name: str
    role: str
    organisation_type: str
    organisation_ref: str
    city: str | None


class ResultOut(Schema):
    title: str
    indicator: str
    unit: str
    baseline: Decimal | None
    baseline_year: int | None
    target: Decimal | None
    target_year: int | None
    actual: Decimal | None
    actual_year: int | None
    source_url: str


class DocumentOut(Schema):
    title: str
    url: str
    language: str


class RelatedProjectOut(Schema):
    id: int
    kind: str


class ProjectDetail(ProjectSummary):
    description: str
    activity_id: str
    budget: BudgetOut
    participants: list[ParticipantOut]
    results: list[ResultOut]
    documents: list[DocumentOut]
    related: list[RelatedProjectOut]
    sources: list[SourceOut]
    transfers: list[int]


# --- Reads -------------------------------------------------------------------------------


def _sources(rows) -> list[dict]:
    return [
        {
            "title": row.title,
            "url": row.url,
            "publisher": row.publisher,
            "published_on": row.published_on,
        }
        for row in rows
    ]


def cities(
    *,
    country: str | None = None,
    relationship: str | None = None,
    income_group: str | None = None,
    climate_zone: str | None = None,
    network: str | None = None,
    has_transfers: bool | None = None,
) -> QuerySet:
    # Filters on related rows are subqueries, not joins: a city is listed once.
    queryset = City.objects.prefetch_related(
        "networks",
        Prefetch("relationships", queryset=CityRelationship.objects.order_by("sort_order", "pk")),
    ).order_by("slug")
    if country:
        queryset = queryset.filter(country=country.upper())
    if relationship:
        queryset = queryset.filter(
            Exists(CityRelationship.objects.filter(city=OuterRef("pk"), kind=relationship))
        )
    if income_group:
        queryset = queryset.filter(income_group=income_group)
    if climate_zone:
        queryset = queryset.filter(climate_zone=climate_zone)
    if network:
        queryset = queryset.filter(
            Exists(
                City.networks.through.objects.filter(
                    city=OuterRef("pk"), network__acronym__iexact=network
                )
            )
        )
    if has_transfers is not None:
        involved = Exists(
            PolicyTransfer.objects.filter(
                Q(source_city=OuterRef("pk")) | Q(target_city=OuterRef("pk"))
            )
        )
        queryset = queryset.filter(involved if has_transfers else ~involved)
    return queryset


def city_out(city: City, language: str) -> dict:
    return {
        "id": city.pk,
        "slug": city.slug,
        "names": city.names or {},
        "name": localized(city.names, language) or city.slug,
        "name_language": localized_language(city.names, language),
        "country": str(city.country),
        "latitude": city.latitude,
        "longitude": city.longitude,
        "population": city.population,
        "population_year": city.population_year,
        "population_source": city.population_source,
        "population_band": city.population_band,
        "time_zone": city.time_zone,
        "income_group": city.income_group,
        "climate_zone": city.climate_zone,
        "networks": [network.acronym for network in city.networks.all()],
        "geonames_id": city.geonames_id,
        "relationships": [
            {
                "kind": row.kind,
                "signed_year": row.signed_year,
                "signed_on": row.signed_on,
                "status": row.status,
                "source_title": row.source_title,
                "source_url": row.source_url,
                "illustrative": row.illustrative,
            }
            for row in city.relationships.all()
        ],
        "updated_at": city.updated_at,
    }


def published_transfers() -> QuerySet:
    """Transfers of policies that are published: a draft policy's transfers are not open data
    yet (the transfer names it)."""
    live_policies = PolicyCase.objects.live().public().values("pk")
    return PolicyTransfer.objects.filter(policy__in=live_policies)


def transfers(
    *,
    policy: str | None = None,
    source_city: str | None = None,
    target_city: str | None = None,
    channel: str | None = None,
    mode: str | None = None,
    stage: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> QuerySet:
    queryset = (
        published_transfers()
        .select_related("policy__locale", "source_city", "target_city", "project")
        .prefetch_related("stages", "outcomes", "sources")
        .order_by("-stage_year", "pk")
    )
    if policy:
        queryset = queryset.filter(_policy_filter(policy, "policy"))
    if source_city:
        queryset = queryset.filter(source_city__slug=source_city)
    if target_city:
        queryset = queryset.filter(target_city__slug=target_city)
    if channel:
        queryset = queryset.filter(channel=channel)
    if mode:
        queryset = queryset.filter(mode=mode)
    if stage:
        queryset = queryset.filter(stage=stage)
    if year_from is not None or year_to is not None:
        # In the range when any stage of its history was reached in it.
        dated = TransferStage.objects.filter(transfer=OuterRef("pk"))
        if year_from is not None:
            dated = dated.filter(reached_on__year__gte=year_from)
        if year_to is not None:
            dated = dated.filter(reached_on__year__lte=year_to)
        queryset = queryset.filter(Exists(dated))
    return queryset


def _city_ref(city: City, language: str) -> dict:
    return {
        "slug": city.slug,
        "name": localized(city.names, language) or city.slug,
        "country": str(city.country),
    }


def _live_project_ids(items) -> set[int]:
    """Which of the projects the transfers name are published (one query)."""
    ids = {item.project_id for item in items if item.project_id}
    if not ids:
        return set()
    return set(
        CooperationProjectPage.objects.live()
        .public()
        .filter(pk__in=ids)
        .values_list("pk", flat=True)
    )


def transfer_out(request, transfer: PolicyTransfer, language: str, live_projects) -> dict:
    policy = transfer.policy
    return {
        "id": transfer.pk,
        "policy": {
            "id": policy.pk,
            "translation_key": str(policy.translation_key),
            "language": policy.locale.language_code,
            "title": policy.title,
            "url": policy.get_full_url(request),
        },
        "source_city": _city_ref(transfer.source_city, language),
        "target_city": _city_ref(transfer.target_city, language),
        "channel": transfer.channel,
        "mode": transfer.mode,
        "parent_id": transfer.parent_id,
        "project_id": transfer.project_id if transfer.project_id in live_projects else None,
        "summary": transfer.summary or {},
        "summary_text": localized(transfer.summary, language),
        "stage": transfer.stage,
        "stage_year": transfer.stage_year,
        "stages": [
            {"stage": row.stage, "reached_on": row.reached_on, "reason": row.reason}
            for row in transfer.stages.all()
        ],
        "outcomes": [
            {
                "indicator": row.indicator or {},
                "indicator_text": localized(row.indicator, language),
                "unit": row.unit,
                "baseline": row.baseline,
                "baseline_year": row.baseline_year,
                "value": row.value,
                "year": row.year,
                "evidence_url": row.evidence_url,
                "evidence_note": row.evidence_note,
            }
            for row in transfer.outcomes.all()
        ],
        "sources": _sources(transfer.sources.all()),
        "illustrative": transfer.illustrative,
        "created_at": transfer.created_at,
        "updated_at": transfer.updated_at,
    }


def _lineage(ids_by_depth: dict[int, int]) -> list[dict]:
    """The published transfers among `ids_by_depth`, nearest first (one query)."""
    found = (
        published_transfers()
        .filter(pk__in=ids_by_depth)
        .select_related("source_city", "target_city")
    )
    links = [
        {
            "id": item.pk,
            "depth": ids_by_depth[item.pk],
            "source_city": item.source_city.slug,
            "target_city": item.target_city.slug,
            "stage": item.stage,
            "stage_year": item.stage_year,
        }
        for item in found
    ]
    return sorted(links, key=lambda link: (link["depth"], link["id"]))


def projects(
    *,
    language: str | None = None,
    status: str | None = None,
    city: str | None = None,
    policy: str | None = None,
) -> QuerySet:
    queryset = api_selectors.filter_pages(
        CooperationProjectPage.objects.all(), api_selectors.PageFilters(language=language)
    )
    if status:
        queryset = queryset.filter(status=status)
    if city:
        queryset = queryset.filter(
            Exists(
                CooperationProjectPage.cities.through.objects.filter(
                    cooperationprojectpage=OuterRef("pk"), city__slug=city
                )
            )
        )
    if policy:
        through = CooperationProjectPage.policies.through
        queryset = queryset.filter(
            Exists(
                through.objects.filter(cooperationprojectpage=OuterRef("pk")).filter(
                    _policy_filter(policy, "policycase")
                )
            )
        )
    live_policies = PolicyCase.objects.live().public().only("pk")
    return queryset.prefetch_related(
        Prefetch("cities", queryset=City.objects.order_by("slug").only("pk", "slug")),
        Prefetch("policies", queryset=live_policies, to_attr="live_policies"),
    ).order_by("-first_published_at", "pk")


def project_summary(request, project, translations) -> dict:
    return {
        **rep.page_fields(request, project, translations),
        "summary": project.summary,
        "status": project.status,
        "planned_start": project.planned_start,
        "planned_end": project.planned_end,
        "actual_start": project.actual_start,
        "actual_end": project.actual_end,
        "cities": [city.slug for city in project.cities.all()],
        "policies": sorted(policy.pk for policy in project.live_policies),
        "illustrative": project.illustrative,
    }


def project_detail(request, project) -> dict:
    live_projects = CooperationProjectPage.objects.live().public().values("pk")
    relations = ProjectRelation.objects.filter(related__in=live_projects).order_by("sort_order")
    project = (
        CooperationProjectPage.objects.filter(pk=project.pk)
        .select_related("locale")
        .prefetch_related(
            Prefetch("cities", queryset=City.objects.order_by("slug").only("pk", "slug")),
            Prefetch(
                "policies",
                queryset=PolicyCase.objects.live().public().only("pk"),
                to_attr="live_policies",
            ),
            "participants__city",
            "results",
            "documents__document",
            Prefetch("relations", queryset=relations),
            "sources",
            Prefetch(
                "transfers", queryset=published_transfers().only("pk", "project_id").order_by("pk")
            ),
        )
        .get()
    )
    return {
        **project_summary(request, project, api_selectors.translations_of([project])),
        "description": expand_db_html(project.description),
        "activity_id": project.activity_id,
        "budget": {
            "amount": project.budget_amount,
            "currency": project.budget_currency,
            "source": project.budget_source,
        },
        "participants": [
            {
                "name": row.name,
                "role": row.role,
                "organisation_type": row.organisation_type,
                "organisation_ref": row.organisation_ref,
                "city": row.city.slug if row.city else None,
            }
            for row in project.participants.all()
        ],
        "results": [
            {
                "title": row.title,
                "indicator": row.indicator,
                "unit": row.unit,
                "baseline": row.baseline,
                "baseline_year": row.baseline_year,
                "target": row.target,
                "target_year": row.target_year,
                "actual": row.actual,
                "actual_year": row.actual_year,
                "source_url": row.source_url,
            }
            for row in project.results.all()
        ],
        "documents": [
            {
                "title": row.title,
                "url": request.build_absolute_uri(row.document.url) if row.document else row.url,
                "language": row.language,
            }
            for row in project.documents.all()
        ],
        "related": [{"id": row.related_id, "kind": row.kind} for row in project.relations.all()],
        "sources": _sources(project.sources.all()),
        "transfers": [transfer.pk for transfer in project.transfers.all()],
    }


# --- Endpoints ---------------------------------------------------------------------------


@router.get("/cities", response={200: CityList, **ERRORS}, tags=["cities"])
def list_cities(
    request: HttpRequest,
    hl: Language | None = ReaderLanguageParam,
    country: str | None = Query(
        None, pattern=r"^[A-Za-z]{2}$", description="An ISO 3166-1 alpha-2 country code."
    ),
    relationship: RelationshipKindParam | None = Query(
        None, description="Only cities with a relationship of this kind with the portal's city."
    ),
    income_group: IncomeGroupParam | None = Query(None, description="World Bank income group."),
    climate_zone: ClimateZoneParam | None = Query(None, description="Köppen climate group."),
    network: str | None = Query(
        None,
        max_length=30,
        pattern=r"^[-\w .&]+$",
        description="Only members of this city network, by acronym (e.g. CITYNET).",
    ),
    has_transfers: bool | None = Query(
        None, description="Only cities that took part in a policy transfer (or, if false, none)."
    ),
    page: int = PageParam,
    page_size: int = PageSizeParam,
):
    """Cities the portal's city works with, by slug: names in every language, facts,
    network memberships and relationships."""
    language = _reader_language(hl)
    queryset = cities(
        country=country,
        relationship=relationship.value if relationship else None,
        income_group=income_group.value if income_group else None,
        climate_zone=climate_zone.value if climate_zone else None,
        network=network,
        has_transfers=has_transfers,
    )
    items, fields = rep.paginate(request, queryset, page=page, page_size=page_size)
    return {**fields, "results": [city_out(item, language) for item in items]}


@router.get("/cities/{slug}", response={200: CityDetail, **ERRORS}, tags=["cities"])
def get_city(
    request: HttpRequest,
    slug: str = Path(..., max_length=80, pattern=SLUG_PATTERN),
    hl: Language | None = ReaderLanguageParam,
):
    """One city, with the ids of the published transfers to and from it and its projects."""
    city = cities().filter(slug=slug).first()
    if city is None:
        raise Http404("No such city.")
    transfer_rows = published_transfers().filter(Q(source_city=city) | Q(target_city=city))
    project_ids = (
        CooperationProjectPage.objects.live()
        .public()
        .filter(cities=city)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    rows = list(transfer_rows.order_by("pk").values_list("pk", "source_city_id"))
    return {
        **city_out(city, _reader_language(hl)),
        "transfers_in": [pk for pk, source in rows if source != city.pk],
        "transfers_out": [pk for pk, source in rows if source == city.pk],
        "projects": list(project_ids),
    }


@router.get("/transfers", response={200: TransferList, **ERRORS}, tags=["transfers"])
def list_transfers(
    request: HttpRequest,
    hl: Language | None = ReaderLanguageParam,
    policy: str | None = PolicyParam,
    source_city: str | None = CitySlugParam,
    target_city: str | None = CitySlugParam,
    channel: ChannelParam | None = Query(None, description="How the policy was shared."),
    mode: ModeParam | None = Query(None, description="How much of it was taken over."),
    stage: StageParam | None = Query(None, description="The stage the transfer is at now."),
    year_from: int | None = Query(
        None, ge=1900, le=2200, description="A stage was reached in this year or later."
    ),
    year_to: int | None = Query(
        None, ge=1900, le=2200, description="A stage was reached in this year or earlier."
    ),
    page: int = PageParam,
    page_size: int = PageSizeParam,
):
    """Policy transfers of published policies, latest stage year first, each with its dated
    stage history, outcomes in the target city, sources and the transfer it descends from.

    `year_from` after `year_to` is an empty range, not an error: the request is valid by the
    schema, which cannot relate two parameters."""
    language = _reader_language(hl)
    queryset = transfers(
        policy=policy,
        source_city=source_city,
        target_city=target_city,
        channel=channel.value if channel else None,
        mode=mode.value if mode else None,
        stage=stage.value if stage else None,
        year_from=year_from,
        year_to=year_to,
    )
    items, fields = rep.paginate(request, queryset, page=page, page_size=page_size)
    live_projects = _live_project_ids(items)
    return {
        **fields,
        "results": [transfer_out(request, item, language, live_projects) for item in items],
    }


@router.get(
    "/transfers/{transfer_id}", response={200: TransferDetail, **ERRORS}, tags=["transfers"]
)
def get_transfer(
    request: HttpRequest,
    transfer_id: int = Path(..., ge=1, le=MAX_ID),
    hl: Language | None = ReaderLanguageParam,
):
    """One transfer, with its lineage: the transfers it descends from (nearest first) and
    those descending from it, each read with one recursive query."""
    transfer = get_or_404(transfers(), transfer_id)
    ancestors = selectors.lineage_ancestor_ids(transfer.pk)
    descendants = selectors.lineage_descendant_ids([transfer.pk])
    descendants.pop(transfer.pk, None)
    return {
        **transfer_out(request, transfer, _reader_language(hl), _live_project_ids([transfer])),
        "ancestors": _lineage({pk: depth for depth, pk in enumerate(ancestors, start=1)}),
        "descendants": _lineage(descendants),
    }


@router.get("/projects", response={200: ProjectList, **ERRORS}, tags=["projects"])
def list_projects(
    request: HttpRequest,
    language: Language | None = LanguageParam,
    status: ProjectStatusParam | None = Query(None, description="The project's status."),
    city: str | None = Query(
        None, max_length=80, pattern=SLUG_PATTERN, description="A partner city's slug."
    ),
    policy: str | None = PolicyParam,
    page: int = PageParam,
    page_size: int = PageSizeParam,
):
    """Published cooperation projects, newest first."""
    queryset = projects(
        language=language.value if language else None,
        status=status.value if status else None,
        city=city,
        policy=policy,
    )
    items, fields = rep.paginate(request, queryset, page=page, page_size=page_size)
    translations = api_selectors.translations_of(items)
    return {**fields, "results": [project_summary(request, p, translations) for p in items]}


@router.get("/projects/{project_id}", response={200: ProjectDetail, **ERRORS}, tags=["projects"])
def get_project(request: HttpRequest, project_id: int = Path(..., ge=1, le=MAX_ID)):
    """One cooperation project: participants, budget, results, documents, related projects,
    sources and the transfers made through it."""
    return project_detail(request, get_or_404(projects(), project_id))
