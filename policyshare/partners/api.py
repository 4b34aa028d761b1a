"""The partners' typed endpoint of the open-data API: /api/v1/partners.

Mounted on the shared API by `wagtail_hooks.py` (REGISTER_ROUTER_HOOK). Its schema and
operation id are those of version 1, when it was in `policyshare/api/`.
"""

# django-ninja declares query parameters as Query(...) defaults, the way FastAPI does.
# ruff: noqa: B008

from enum import Enum

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema

from policyshare.api import representations as rep
from policyshare.api.api import ERRORS, LanguageParam
from policyshare.api.schemas import Language, ListFields

from .models import Partner, PartnerKind

router = Router()

# Built from the choices, so the schema lists exactly the valid values.
PartnerType = Enum("PartnerType", {kind: kind for kind in PartnerKind.values}, type=str)


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


class PartnerList(ListFields):
    results: list[PartnerOut]


def partners(*, language: str | None = None, kind: str | None = None) -> QuerySet:
    queryset = Partner.objects.select_related("locale", "logo").order_by("sort_order", "name", "pk")
    if language:
        queryset = queryset.filter(locale__language_code=language)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def partner_out(request, partner) -> dict:
    return {
        "id": partner.pk,
        "translation_key": str(partner.translation_key),
        "language": partner.locale.language_code,
        "name": partner.name,
        "kind": partner.kind,
        "website": partner.website,
        "description": partner.description,
        "logo_url": request.build_absolute_uri(partner.logo.file.url) if partner.logo else None,
        "sort_order": partner.sort_order,
        "show_on_home": partner.show_on_home,
    }


@router.get("/partners", response={200: PartnerList, **ERRORS}, tags=["partners"])
def list_partners(
    request: HttpRequest,
    language: Language | None = LanguageParam,
    kind: PartnerType | None = Query(None, description="Only partners of this kind."),
    page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(rep.MAX_PAGE_SIZE, ge=1, le=rep.MAX_PAGE_SIZE),
):
    """Partner organisations."""
    queryset = partners(
        language=language.value if language else None, kind=kind.value if kind else None
    )
    items, fields = rep.paginate(request, queryset, page=page, page_size=page_size)
    return {**fields, "results": [partner_out(request, item) for item in items]}
