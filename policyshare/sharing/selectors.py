"""Reads of the policy-sharing records that more than one view, feed or endpoint reuses."""

import uuid
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils.text import slugify
from django_countries import countries

from policyshare.core.languages import (
    children_with_fallback,
    fallback_order,
    reader_language,
    translations_with_fallback,
)
from policyshare.core.privacy import public

from .models import (
    City,
    CityRelationship,
    CooperationProjectPage,
    FirmInterest,
    PolicyTransfer,
    RelationshipKind,
    RelationshipStatus,
    Stage,
    TenderNotice,
    TransferChannel,
)

# A lineage deeper than this is a data error, not a chain of transfers: the recursive
# queries stop there, so even a cycle written past the validation cannot loop for ever.
MAX_LINEAGE_DEPTH = 50


def _table() -> str:
    return connection.ops.quote_name(PolicyTransfer._meta.db_table)


def lineage_ancestor_ids(transfer_id: int) -> list[int]:
    """The ids of the transfer's ancestors, nearest first (its parent, its parent's parent, …),
    read with one recursive query."""
    sql = f"""
        WITH RECURSIVE ancestors(id, parent_id, depth) AS (
            SELECT id, parent_id, 0 FROM {_table()} WHERE id = %s
            UNION ALL
            SELECT t.id, t.parent_id, a.depth + 1
            FROM {_table()} t JOIN ancestors a ON t.id = a.parent_id
            WHERE a.depth < %s
        )
        SELECT id FROM ancestors WHERE depth > 0 ORDER BY depth
    """  # noqa: S608 (the table name is the model's, quoted; values are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, [transfer_id, MAX_LINEAGE_DEPTH])
        return [row[0] for row in cursor.fetchall()]


def lineage_descendant_ids(transfer_ids: list[int]) -> dict[int, int]:
    """{id: depth} of the transfers and everything descending from them (depth 0 for the
    given ones), read with one recursive query."""
    if not transfer_ids:
        return {}
    placeholders = ", ".join(["%s"] * len(transfer_ids))
    sql = f"""
        WITH RECURSIVE descendants(id, depth) AS (
            SELECT id, 0 FROM {_table()} WHERE id IN ({placeholders})
            UNION ALL
            SELECT t.id, d.depth + 1
            FROM {_table()} t JOIN descendants d ON t.parent_id = d.id
            WHERE d.depth < %s
        )
        SELECT id, MIN(depth) FROM descendants GROUP BY id
    """  # noqa: S608 (the table name is the model's, quoted; values are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*transfer_ids, MAX_LINEAGE_DEPTH])
        return dict(cursor.fetchall())


# --- The public pages of the policy-sharing section ------------------------------------------
# Policies and partners are reached through the foreign keys that point at them, not imported:
# the policies app shows transfers, and two apps never import each other (docs/development.md,
# "Layers").


def _policy_model():
    return PolicyTransfer._meta.get_field("policy").related_model


# `partners.PartnerKind` values: firms and agencies are the private and government partners.
FIRM_KINDS = ["private", "government"]
# Every read below runs a fixed number of queries however many records it returns: lists
# join what their rows show and translate pages in one read (`pages_in_language`).


def pages_in_language(model, keys, *, language: str | None = None) -> dict:
    """{translation_key: page} for live, public pages of `model` with those translation keys,
    each in the first language of the reader's fallback order that has it; one query.

    Records that are not pages point at one language version of a page (a transfer at the
    Korean policy, say); this finds the version the reader should be shown.
    """
    keys = {key for key in keys if key}
    if not keys:
        return {}
    order = fallback_order(language or reader_language())
    rank = {code: position for position, code in enumerate(order)}
    found = {}
    pages = (
        public(model.objects.live())
        .filter(translation_key__in=keys, locale__language_code__in=order)
        .select_related("locale")
    )
    for page in pages:
        key = page.translation_key
        current = found.get(key)
        if current is None or (
            rank[page.locale.language_code] < rank[current.locale.language_code]
        ):
            found[key] = page
    return found


def public_transfers():
    """Transfers a reader may see: those whose policy is published in some language."""
    PolicyCase = _policy_model()
    published = public(PolicyCase.objects.live()).values("translation_key")
    return PolicyTransfer.objects.filter(policy__translation_key__in=published).select_related(
        "policy", "source_city", "target_city"
    )


def with_policies_in_language(transfers, *, language: str | None = None) -> list:
    """The transfers as a list, each with `shown_policy`: its policy in the reader's
    language (or its fallback), None when no version is published."""
    PolicyCase = _policy_model()
    transfers = list(transfers)
    shown = pages_in_language(
        PolicyCase, [t.policy.translation_key for t in transfers], language=language
    )
    for transfer in transfers:
        transfer.shown_policy = shown.get(transfer.policy.translation_key)
    return transfers


@dataclass(frozen=True)
class TransferFilters:
    """The filters of the transfer list, read strictly from the query string."""

    policy: str = ""  # a policy's translation key: every language version matches
    channel: str = ""
    stage: str = ""
    country: str = ""

    @classmethod
    def from_query(cls, query) -> "TransferFilters":
        channel = query.get("channel", "")
        stage = query.get("stage", "")
        country = query.get("country", "").upper()
        policy = query.get("policy", "")
        try:
            policy = str(uuid.UUID(policy)) if policy else ""
        except ValueError:
            policy = ""
        return cls(
            policy=policy,
            channel=channel if channel in TransferChannel.values else "",
            stage=stage if stage in Stage.values else "",
            country=country if country in dict(countries) else "",
        )

    def as_query(self) -> dict[str, str]:
        """The filters by query parameter name, for the pagination links: what was read,
        never the raw query string."""
        return asdict(self)

    def apply(self, transfers):
        if self.policy:
            transfers = transfers.filter(policy__translation_key=self.policy)
        if self.channel:
            transfers = transfers.filter(channel=self.channel)
        if self.stage:
            transfers = transfers.filter(stage=self.stage)
        if self.country:
            transfers = transfers.filter(target_city__country=self.country)
        return transfers


def transfer_filter_options(*, language: str | None = None) -> dict:
    """What the transfer list's filters offer: only values some public transfer has."""
    PolicyCase = _policy_model()
    transfers = public_transfers()
    keys = set(transfers.values_list("policy__translation_key", flat=True))
    policies = sorted(
        pages_in_language(PolicyCase, keys, language=language).values(),
        key=lambda page: page.title.casefold(),
    )
    codes = set(transfers.values_list("target_city__country", flat=True))
    country_options = sorted(
        ((code, countries.name(code)) for code in codes), key=lambda item: item[1]
    )
    return {
        "policies": policies,
        "channels": TransferChannel.choices,
        "stages": Stage.choices,
        "countries": country_options,
    }


def transfer_for_page(pk: int):
    """One public transfer with what its page shows, or None."""
    return (
        public_transfers()
        .select_related("project")
        .prefetch_related("stages", "outcomes", "sources")
        .filter(pk=pk)
        .first()
    )


def transfer_lineage(transfer, *, language: str | None = None) -> dict:
    """The transfers it descends from (oldest first) and those descending from it (nearest
    first), each with its policy in the reader's language: two recursive queries, then one
    read of the transfers and one of their policies."""
    ancestor_ids = lineage_ancestor_ids(transfer.pk)
    descendants = lineage_descendant_ids([transfer.pk])
    descendants.pop(transfer.pk, None)
    related = {
        t.pk: t
        for t in with_policies_in_language(
            public_transfers().filter(pk__in=[*ancestor_ids, *descendants]), language=language
        )
    }
    ancestors = [related[pk] for pk in reversed(ancestor_ids) if pk in related]
    children = sorted(
        (related[pk] for pk in descendants if pk in related),
        key=lambda t: (descendants[t.pk], t.pk),
    )
    for child in children:
        child.lineage_depth = descendants[child.pk]
    return {"ancestors": ancestors, "descendants": children}


def live_projects(section) -> QuerySet:
    """The cooperation projects below a sharing section, with the fallback versions of the
    ones not translated into its language yet, newest first."""
    return children_with_fallback(CooperationProjectPage, section).order_by(
        "-first_published_at", "-pk"
    )


def project_list(section):
    return live_projects(section).select_related("locale").prefetch_related("cities")


def sharing_overview(section) -> dict:
    """The counts the section's front page opens with."""
    partner_cities = (
        City.objects.partners()
        .filter(
            Q(relationships__isnull=False)
            | Q(transfers_in__isnull=False)
            | Q(projects__isnull=False)
        )
        .distinct()
    )
    by_stage = dict(public_transfers().order_by().values_list("stage").annotate(number=Count("pk")))
    stages = [
        {"value": value, "label": label, "count": by_stage[value]}
        for value, label in Stage.choices
        if by_stage.get(value)
    ]
    return {
        "city_count": partner_cities.count(),
        "transfer_count": sum(by_stage.values()),
        "transfers_by_stage": stages,
        "project_count": live_projects(section).count(),
    }


@dataclass
class MapData:
    """What the world map draws, and its text alternative lists: the same data."""

    relationships: list = field(default_factory=list)
    transfers: list = field(default_factory=list)
    project_countries: list = field(default_factory=list)


def map_data(section, *, language: str | None = None) -> MapData:
    """Sister and friendship cities, transfers from source to target, projects by country."""
    relationships = list(
        CityRelationship.objects.filter(
            kind__in=[RelationshipKind.SISTER, RelationshipKind.FRIENDSHIP],
            status=RelationshipStatus.ACTIVE,
        )
        .select_related("city")
        .order_by("kind", "signed_year", "pk")
    )
    transfers = with_policies_in_language(
        public_transfers().order_by("source_city__slug", "target_city__slug", "pk"),
        language=language,
    )
    project_ids = live_projects(section).values("pk")
    per_country = (
        City.objects.filter(projects__in=project_ids)
        .order_by()
        .values("country")
        .annotate(number=Count("projects", distinct=True))
    )
    project_countries = sorted(
        (
            {"code": row["country"], "name": countries.name(row["country"]), "count": row["number"]}
            for row in per_country
        ),
        key=lambda row: (-row["count"], row["name"]),
    )
    return MapData(
        relationships=relationships, transfers=transfers, project_countries=project_countries
    )


def firms_with_interests(*, locale) -> list:
    """Firms and agencies (partners of the private or government kind) that declared a
    public interest, each in the reader's language with its interests (`firm.public_interests`)
    and the ids of all its language versions (`firm.anchor_ids`: a link to any of them lands
    on it)."""
    PolicyCase = _policy_model()
    Partner = FirmInterest._meta.get_field("firm").related_model
    interests = list(
        FirmInterest.objects.filter(public=True, firm__kind__in=FIRM_KINDS)
        .select_related("firm", "city", "policy")
        .order_by("-declared_on", "pk")
    )
    if not interests:
        return []
    keys = {interest.firm.translation_key for interest in interests}
    firms = {
        firm.translation_key: firm
        for firm in translations_with_fallback(
            Partner.objects.filter(translation_key__in=keys), locale
        )
    }
    policies = pages_in_language(
        PolicyCase,
        [i.policy.translation_key for i in interests if i.policy_id],
        language=locale.language_code,
    )
    shown = []
    for interest in interests:
        firm = firms.get(interest.firm.translation_key) or interest.firm
        if not hasattr(firm, "public_interests"):
            firm.public_interests = []
            firm.anchor_ids = []
            shown.append(firm)
        interest.shown_policy = (
            policies.get(interest.policy.translation_key) if interest.policy_id else None
        )
        firm.public_interests.append(interest)
        if interest.firm_id != firm.pk and interest.firm_id not in firm.anchor_ids:
            firm.anchor_ids.append(interest.firm_id)
    return sorted(shown, key=lambda firm: firm.name.casefold())


def current_tenders():
    """Open notices whose deadline has not passed; expired ones are never listed."""
    return TenderNotice.objects.current().select_related("city")


def project_page_context(page, *, language: str | None = None) -> dict:
    """What a cooperation project's page shows besides its own fields; a fixed number of
    queries."""
    PolicyCase = _policy_model()
    policies = list(page.policies.all())
    shown_policies = pages_in_language(
        PolicyCase, [policy.translation_key for policy in policies], language=language
    )
    relations = list(page.relations.select_related("related"))
    shown_projects = pages_in_language(
        CooperationProjectPage,
        [relation.related.translation_key for relation in relations],
        language=language,
    )
    related = []
    for relation in relations:
        project = shown_projects.get(relation.related.translation_key)
        if project is not None:
            related.append({"kind": relation.get_kind_display(), "project": project})
    transfers = with_policies_in_language(
        public_transfers()
        .filter(project__translation_key=page.translation_key)
        .order_by("-stage_year", "pk"),
        language=language,
    )
    return {
        "participants": list(page.participants.select_related("city")),
        "partner_cities": list(page.cities.all()),
        "shared_policies": [
            shown_policies[policy.translation_key]
            for policy in policies
            if policy.translation_key in shown_policies
        ],
        "results": list(page.results.all()),
        "documents": list(page.documents.select_related("document")),
        "related_projects": related,
        "sources": list(page.sources.all()),
        "transfers": transfers,
    }


def city_named(name: str, *, country: str = "") -> City | None:
    """The known city a typed name means: its slug, or its name in any content language,
    ignoring case, within `country` when given. None when no city or more than one matches
    (two Springfields are not guessed between). One query."""
    name = " ".join(name.split())
    if not name:
        return None
    condition = Q(slug=slugify(name))
    for code, _label in settings.WAGTAIL_CONTENT_LANGUAGES:
        condition |= Q(**{f"names__{code}__iexact": name})
    cities = City.objects.filter(condition)
    if country:
        cities = cities.filter(country=country)
    matches = list(cities[:2])
    return matches[0] if len(matches) == 1 else None
