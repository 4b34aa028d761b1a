"""Policy sharing in the content archive: the "sharing" entry of records.json.

Cooperation projects are pages and travel in pages.json like every page, with their inline
rows and their cities and policies. What is not a page is here (`policyshare.opendata.records`
describes the protocol): city networks, cities with their names, facts, networks and
relationships, policy transfers with their stage history, outcomes, sources and lineage,
firms' public interests and tender notices.

References use keys that mean something outside one database: a city by its slug, a network
by its acronym, a policy or a firm by its translation key and language. Ids are kept all the
same (project pages refer to cities by id, and the API publishes transfer ids), and a
transfer's parent is its id. Docs: docs/sharing-api.md, "Export and import".
"""

from collections import Counter

from django.db import models
from django.db.models import Prefetch
from django.utils import translation

from policyshare.opendata.archive import ArchiveError
from policyshare.opendata.records import ArchiveRecords, ExportContext, ImportContext
from policyshare.opendata.validation import InvalidValue, validate_fields

from .models import (
    City,
    CityRelationship,
    FirmInterest,
    Network,
    PolicyTransfer,
    TenderNotice,
    TransferOutcome,
    TransferSource,
    TransferStage,
    check_stage_history,
)

NAME = "sharing"
KINDS = ["networks", "cities", "transfers", "firm_interests", "tenders"]

# The fields of each record, as the export writes them (references are added by name).
NETWORK_FIELDS = ["id", "acronym", "name", "website"]
CITY_FIELDS = [
    "id",
    "slug",
    "names",
    "country",
    "latitude",
    "longitude",
    "population",
    "population_year",
    "population_source",
    "time_zone",
    "income_group",
    "climate_zone",
    "geonames_id",
    "created_at",
    "updated_at",
]
RELATIONSHIP_FIELDS = [
    "sort_order",
    "kind",
    "signed_year",
    "signed_on",
    "status",
    "source_title",
    "source_url",
    "illustrative",
]
TRANSFER_FIELDS = [
    "id",
    "channel",
    "mode",
    "summary",
    "illustrative",
    "created_at",
    "updated_at",
]
STAGE_FIELDS = ["sort_order", "stage", "reached_on", "reason"]
OUTCOME_FIELDS = [
    "sort_order",
    "indicator",
    "unit",
    "baseline",
    "baseline_year",
    "value",
    "year",
    "evidence_url",
    "evidence_note",
]
SOURCE_FIELDS = ["sort_order", "title", "url", "publisher", "published_on"]
INTEREST_FIELDS = ["id", "note", "declared_on", "public"]
TENDER_FIELDS = [
    "id",
    "title",
    "summary",
    "country",
    "sector",
    "buyer",
    "source_name",
    "source_url",
    "published_on",
    "deadline",
    "status",
    "illustrative",
]
POLICY_TYPE = "policies.policycase"
PROJECT_TYPE = "sharing.cooperationprojectpage"
FIRM_LABEL = "partners.partner"


# --- Export ------------------------------------------------------------------------------


def _values(obj, names) -> dict:
    values = {}
    for name in names:
        value = obj.pk if name == "id" else getattr(obj, name)
        if name == "country":
            value = str(value)
        values[name] = value
    return values


def _rows(rows, names) -> list[dict]:
    return [_values(row, names) for row in rows]


def _reference(obj) -> dict:
    """A translatable page or snippet, as the same content in any database: its translation
    key and language."""
    return {"translation_key": str(obj.translation_key), "language": obj.locale.language_code}


def _exported_transfers(page_ids) -> list[PolicyTransfer]:
    """Transfers of exported policies whose ancestors are all exported, parents first.

    A transfer of a draft policy is left out like the draft (its policy cannot be null),
    and so are the transfers descending from it, so no lineage is cut.
    """
    transfers = {
        transfer.pk: transfer
        for transfer in PolicyTransfer.objects.select_related(
            "policy__locale", "source_city", "target_city"
        )
        .prefetch_related(
            Prefetch("stages", queryset=TransferStage.objects.order_by("sort_order", "pk")),
            Prefetch("outcomes", queryset=TransferOutcome.objects.order_by("sort_order", "pk")),
            Prefetch("sources", queryset=TransferSource.objects.order_by("sort_order", "pk")),
        )
        .order_by("pk")
    }
    depth = {}

    def depth_of(pk, seen=()):
        """0 for a root, None when the transfer or an ancestor is not exported."""
        if pk in depth:
            return depth[pk]
        transfer = transfers.get(pk)
        if transfer is None or transfer.policy_id not in page_ids or pk in seen:
            depth[pk] = None
        elif transfer.parent_id is None:
            depth[pk] = 0
        else:
            parent = depth_of(transfer.parent_id, (*seen, pk))
            depth[pk] = None if parent is None else parent + 1
        return depth[pk]

    kept = [t for pk, t in transfers.items() if depth_of(pk) is not None]
    return sorted(kept, key=lambda transfer: (depth[transfer.pk], transfer.pk))


def export_records(context: ExportContext) -> dict:
    page_ids = context.page_ids
    firm_ids = context.snippet_ids.get(FIRM_LABEL, frozenset())
    cities = City.objects.prefetch_related(
        "networks",
        Prefetch("relationships", queryset=CityRelationship.objects.order_by("sort_order", "pk")),
    ).order_by("pk")
    transfers = _exported_transfers(page_ids)
    interests = (
        FirmInterest.objects.filter(public=True, firm__in=firm_ids)
        .select_related("firm__locale", "city", "policy__locale")
        .order_by("pk")
    )
    return {
        "networks": _rows(Network.objects.order_by("pk"), NETWORK_FIELDS),
        "cities": [
            {
                **_values(city, CITY_FIELDS),
                "networks": sorted(network.acronym for network in city.networks.all()),
                "relationships": _rows(city.relationships.all(), RELATIONSHIP_FIELDS),
            }
            for city in cities
        ],
        "transfers": [
            {
                **_values(transfer, TRANSFER_FIELDS),
                "policy": _reference(transfer.policy),
                "source_city": transfer.source_city.slug,
                "target_city": transfer.target_city.slug,
                "parent": transfer.parent_id,
                # A draft project is not in the archive; the link to it is optional.
                "project": transfer.project_id if transfer.project_id in page_ids else None,
                "stages": _rows(transfer.stages.all(), STAGE_FIELDS),
                "outcomes": _rows(transfer.outcomes.all(), OUTCOME_FIELDS),
                "sources": _rows(transfer.sources.all(), SOURCE_FIELDS),
            }
            for transfer in transfers
        ],
        "firm_interests": [
            {
                **_values(interest, INTEREST_FIELDS),
                "firm": _reference(interest.firm),
                "city": interest.city.slug if interest.city else None,
                "policy": _reference(interest.policy) if interest.policy else None,
            }
            for interest in interests
            # An interest in a draft policy is left out with the draft.
            if interest.policy_id is None or interest.policy_id in page_ids
        ],
        "tenders": [
            {**_values(tender, TENDER_FIELDS), "city": tender.city.slug if tender.city else None}
            for tender in TenderNotice.objects.select_related("city").order_by("pk")
        ],
    }


# --- Checks ------------------------------------------------------------------------------


def _record(record, keys, where: str) -> None:
    if not isinstance(record, dict) or set(record) != set(keys):
        raise ArchiveError(f"{where} is not a record of {', '.join(sorted(keys))}.")


def _list(value, where: str) -> list:
    if not isinstance(value, list):
        raise ArchiveError(f"{where} is not a list.")
    return value


def _valid(model, values: dict, where: str) -> None:
    """The editor's validation of each value (URLs, choices, lengths, dates, language codes)
    and of the model's own clean()."""
    fields = {("pk" if name == "id" else name): value for name, value in values.items()}
    for name, value in values.items():
        # A text field's clean() takes anything as str(value); these are also keys here.
        field = model._meta.pk if name == "id" else model._meta.get_field(name)
        if isinstance(field, models.CharField | models.TextField) and not isinstance(value, str):
            raise ArchiveError(f"{where} has a value that is not valid: {name}: not text.")
    try:
        validate_fields(model, fields)
    except InvalidValue as error:
        raise ArchiveError(f"{where} has a value that is not valid: {error}") from error


def _check_rows(model, rows, keys, where: str) -> None:
    for position, row in enumerate(_list(rows, where)):
        _record(row, keys, f"{where}, row {position + 1},")
        _valid(model, row, f"{where}, row {position + 1},")


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _unique_ids(records, where: str) -> set:
    ids = [record["id"] for record in records]
    for pk in ids:
        if not _is_id(pk):
            raise ArchiveError(f"{where}: an id that is not a positive whole number.")
    repeated = [pk for pk, n in Counter(ids).items() if n > 1]
    if repeated:
        raise ArchiveError(f"{where}: the id {repeated[0]} appears twice.")
    return set(ids)


def _translatables(records: dict[int, dict], type_of=None) -> dict[tuple[str, str], int]:
    """(translation key, language): id, of the archive's pages or snippets."""
    return {
        (str(data.get("translation_key")), data.get("locale")): pk
        for pk, data in records.items()
        if type_of is None or type_of(pk)
    }


def _referenced(reference, known, what: str, where: str) -> int:
    if not (isinstance(reference, dict) and set(reference) == {"translation_key", "language"}):
        raise ArchiveError(f"{where} names its {what} without a translation key and language.")
    key = (str(reference["translation_key"]), str(reference["language"]))
    if key not in known:
        raise ArchiveError(
            f"{where} names a {what} that is not in the archive "
            f"({reference['translation_key']}, {reference['language']})."
        )
    return known[key]


def _city(slug, slugs, where: str, *, optional=False):
    if slug is None and optional:
        return None
    if not isinstance(slug, str) or slug not in slugs:
        raise ArchiveError(f"{where} names a city, {slug!r}, that is not in the archive.")
    return slug


def check_records(data, context: ImportContext) -> None:
    with translation.override(None):  # reasons in English, like the rest of the import's
        _check_records(data, context)


def _check_records(data, context: ImportContext) -> None:
    _record(data, KINDS, "records.json's sharing entry")
    networks = _list(data["networks"], "The sharing networks")
    cities = _list(data["cities"], "The sharing cities")
    transfers = _list(data["transfers"], "The policy transfers")
    interests = _list(data["firm_interests"], "The firms' interests")
    tenders = _list(data["tenders"], "The tender notices")

    acronyms = set()
    for record in networks:
        _record(record, NETWORK_FIELDS, "A city network")
        where = f"City network {record['acronym']!r}"
        _valid(Network, record, where)
        if record["acronym"] in acronyms:
            raise ArchiveError(f"{where} appears twice.")
        acronyms.add(record["acronym"])
    _unique_ids(networks, "The sharing networks")

    slugs = set()
    geonames = set()
    for record in cities:
        _record(record, [*CITY_FIELDS, "networks", "relationships"], "A city")
        where = f"City {record['slug']!r}"
        _valid(City, {name: record[name] for name in CITY_FIELDS}, where)
        if record["slug"] in slugs:
            raise ArchiveError(f"{where} appears twice.")
        slugs.add(record["slug"])
        if record["geonames_id"] is not None:
            if record["geonames_id"] in geonames:
                raise ArchiveError(f"{where} has the GeoNames id of another city.")
            geonames.add(record["geonames_id"])
        for acronym in _list(record["networks"], f"{where}: networks"):
            if not isinstance(acronym, str) or acronym not in acronyms:
                raise ArchiveError(f"{where} is in a network, {acronym!r}, not in the archive.")
        _check_rows(
            CityRelationship,
            record["relationships"],
            RELATIONSHIP_FIELDS,
            f"{where}'s relationships",
        )
    city_ids = _unique_ids(cities, "The sharing cities")

    # Project pages (pages.json) name their cities by id.
    for page_id, page in context.pages.items():
        if page["type"] != PROJECT_TYPE:
            continue
        page_data = page["data"]
        named = list(page_data.get("cities") or [])
        named += [row.get("city") for row in page_data.get("participants") or [] if row.get("city")]
        for city_id in named:
            if city_id not in city_ids:
                raise ArchiveError(
                    f"Page {page_id} ({PROJECT_TYPE}) names city {city_id!r}, "
                    "which is not in the archive."
                )

    policies = _translatables(
        {pk: page["data"] for pk, page in context.pages.items()},
        lambda pk: context.pages[pk]["type"] == POLICY_TYPE,
    )
    projects = {pk for pk, page in context.pages.items() if page["type"] == PROJECT_TYPE}
    parents = {}
    targets = {}
    transfer_keys = [
        *TRANSFER_FIELDS,
        "policy",
        "source_city",
        "target_city",
        "parent",
        "project",
        "stages",
        "outcomes",
        "sources",
    ]
    for record in transfers:
        _record(record, transfer_keys, "A policy transfer")
    _unique_ids(transfers, "The policy transfers")
    for record in transfers:
        where = f"Policy transfer {record['id']}"
        _valid(PolicyTransfer, {name: record[name] for name in TRANSFER_FIELDS}, where)
        _referenced(record["policy"], policies, "policy", where)
        source = _city(record["source_city"], slugs, where)
        target = _city(record["target_city"], slugs, where)
        if source == target:
            raise ArchiveError(f"{where} goes from a city to itself ({source}).")
        if record["project"] is not None and not (
            _is_id(record["project"]) and record["project"] in projects
        ):
            raise ArchiveError(f"{where} names a project that is not in the archive.")
        stages = _list(record["stages"], f"{where}'s stages")
        if not stages:
            raise ArchiveError(f"{where} has no stage: give at least one, with its date.")
        _check_rows(TransferStage, stages, STAGE_FIELDS, f"{where}'s stages")
        reached_on = TransferStage._meta.get_field("reached_on")
        history = [
            (row["stage"], reached_on.to_python(row["reached_on"]), row["reason"]) for row in stages
        ]
        problems = check_stage_history(history)
        if problems:
            raise ArchiveError(f"{where}'s stage history: {' '.join(map(str, problems))}")
        _check_rows(TransferOutcome, record["outcomes"], OUTCOME_FIELDS, f"{where}'s outcomes")
        _check_rows(TransferSource, record["sources"], SOURCE_FIELDS, f"{where}'s sources")
        if record["parent"] is not None and not _is_id(record["parent"]):
            raise ArchiveError(f"{where} has a parent that is not an id.")
        parents[record["id"]] = record["parent"]
        targets[record["id"]] = (source, target)
    for pk, parent in parents.items():
        if parent is None:
            continue
        if parent not in parents:
            raise ArchiveError(
                f"Policy transfer {pk} descends from {parent!r}, not in the archive."
            )
        if targets[parent][1] != targets[pk][0]:
            raise ArchiveError(
                f"Policy transfer {pk} descends from {parent}, which did not end in its source "
                f"city ({targets[pk][0]})."
            )
    _check_lineage(parents)

    firms = _translatables(context.snippets.get(FIRM_LABEL, {}))
    interest_keys = [*INTEREST_FIELDS, "firm", "city", "policy"]
    for record in interests:
        _record(record, interest_keys, "A firm's interest")
        where = f"Firm's interest {record['id']}"
        _valid(FirmInterest, {name: record[name] for name in INTEREST_FIELDS}, where)
        _referenced(record["firm"], firms, "firm", where)
        _city(record["city"], slugs, where, optional=True)
        if record["policy"] is not None:
            _referenced(record["policy"], policies, "policy", where)
        elif record["city"] is None:
            raise ArchiveError(f"{where} names neither a city nor a policy.")
    _unique_ids(interests, "The firms' interests")

    for record in tenders:
        _record(record, [*TENDER_FIELDS, "city"], "A tender notice")
        where = f"Tender notice {record['id']}"
        _valid(TenderNotice, {name: record[name] for name in TENDER_FIELDS}, where)
        _city(record["city"], slugs, where, optional=True)
    _unique_ids(tenders, "The tender notices")


def _check_lineage(parents: dict[int, int | None]) -> None:
    """Refuse a cycle: a transfer that would descend from itself."""
    settled = set()
    for start in parents:
        path = []
        pk = start
        while pk is not None and pk not in settled:
            if pk in path:
                cycle = " → ".join(str(step) for step in path[path.index(pk) :] + [pk])
                raise ArchiveError(
                    f"Policy transfers {cycle} form a cycle: a transfer cannot descend from itself."
                )
            path.append(pk)
            pk = parents[pk]
        settled.update(path)


# --- Import ------------------------------------------------------------------------------


def _python(model, values: dict) -> dict:
    """Archive values as the model's Python values (dates, decimals, …)."""
    return {
        ("pk" if name == "id" else name): (
            model._meta.get_field(name).to_python(value) if name != "id" else value
        )
        for name, value in values.items()
    }


def _create_rows(model, parent_field: str, parent_id: int, rows, names) -> None:
    model.objects.bulk_create(
        model(**{parent_field: parent_id}, **_python(model, {n: row[n] for n in names}))
        for row in rows
    )


def _restore_dates(model, pk, record) -> None:
    """Saving stamps created_at and updated_at with now; put back the archive's."""
    model.objects.filter(pk=pk).update(
        **_python(model, {"created_at": record["created_at"], "updated_at": record["updated_at"]})
    )


def _ids_by_translation(model, references: list[dict]) -> dict[tuple[str, str], int]:
    """(translation key, language): id of the translatable records referred to (one query).
    They were written earlier in the import, with the archive's ids."""
    keys = {ref["translation_key"] for ref in references}
    if not keys:
        return {}
    rows = model.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "locale__language_code", "pk"
    )
    return {(str(key), language): pk for key, language, pk in rows}


def _parents_first(transfers: list[dict]) -> list[dict]:
    """The transfers ordered so that each comes after its parent (the lineage is checked)."""
    parents = {record["id"]: record["parent"] for record in transfers}

    def depth(pk):
        steps = 0
        while parents.get(pk) is not None:
            pk, steps = parents[pk], steps + 1
        return steps

    return sorted(transfers, key=lambda record: (depth(record["id"]), record["id"]))


def write_cities(data) -> set[type]:
    """Networks, cities and their relationships: project pages name cities."""
    networks = {}
    for record in data["networks"]:
        network = Network.objects.create(**_python(Network, record))
        networks[network.acronym] = network.pk

    city_ids = {}
    memberships = []
    for record in data["cities"]:
        city = City(**_python(City, {name: record[name] for name in CITY_FIELDS}))
        city.save()
        city_ids[city.slug] = city.pk
        _restore_dates(City, city.pk, record)
        memberships += [
            City.networks.through(city_id=city.pk, network_id=networks[acronym])
            for acronym in record["networks"]
        ]
        _create_rows(
            CityRelationship, "city_id", city.pk, record["relationships"], RELATIONSHIP_FIELDS
        )
    City.networks.through.objects.bulk_create(memberships)
    return {Network, City, City.networks.through, CityRelationship}


def write_records(data) -> set[type]:
    """Transfers, interests and tenders, once the cities, pages and snippets are written."""
    city_ids = dict(City.objects.values_list("slug", "pk"))
    policy_model = PolicyTransfer._meta.get_field("policy").related_model
    firm_model = FirmInterest._meta.get_field("firm").related_model
    policies = _ids_by_translation(
        policy_model,
        [record["policy"] for record in data["transfers"]]
        + [record["policy"] for record in data["firm_interests"] if record["policy"]],
    )
    for record in _parents_first(data["transfers"]):
        policy = record["policy"]
        transfer = PolicyTransfer(
            **_python(PolicyTransfer, {name: record[name] for name in TRANSFER_FIELDS}),
            policy_id=policies[(policy["translation_key"], policy["language"])],
            source_city_id=city_ids[record["source_city"]],
            target_city_id=city_ids[record["target_city"]],
            parent_id=record["parent"],
            project_id=record["project"],
        )
        transfer.save()
        _create_rows(TransferStage, "transfer_id", transfer.pk, record["stages"], STAGE_FIELDS)
        _create_rows(
            TransferOutcome, "transfer_id", transfer.pk, record["outcomes"], OUTCOME_FIELDS
        )
        _create_rows(TransferSource, "transfer_id", transfer.pk, record["sources"], SOURCE_FIELDS)
        transfer.refresh_stage()
        transfer.save(update_fields=["stage", "stage_year"])
        _restore_dates(PolicyTransfer, transfer.pk, record)

    interests = data["firm_interests"]
    firms = _ids_by_translation(firm_model, [record["firm"] for record in interests])
    for record in interests:
        firm, policy = record["firm"], record["policy"]
        FirmInterest.objects.create(
            **_python(FirmInterest, {name: record[name] for name in INTEREST_FIELDS}),
            firm_id=firms[(firm["translation_key"], firm["language"])],
            city_id=city_ids[record["city"]] if record["city"] else None,
            policy_id=policies[(policy["translation_key"], policy["language"])] if policy else None,
        )

    for record in data["tenders"]:
        TenderNotice.objects.create(
            **_python(TenderNotice, {name: record[name] for name in TENDER_FIELDS}),
            city_id=city_ids[record["city"]] if record["city"] else None,
        )
    return {
        PolicyTransfer,
        TransferStage,
        TransferOutcome,
        TransferSource,
        FirmInterest,
        TenderNotice,
    }


class SharingRecords(ArchiveRecords):
    name = NAME

    def export(self, context: ExportContext) -> dict:
        return export_records(context)

    def counts(self, data) -> dict[str, int]:
        return {kind: len(data[kind]) for kind in KINDS}

    def check(self, data, context: ImportContext) -> None:
        check_records(data, context)

    def is_empty(self) -> bool:
        return not any(
            model.objects.exists()
            for model in (Network, City, PolicyTransfer, FirmInterest, TenderNotice)
        )

    def write_before_pages(self, data) -> set[type]:
        return write_cities(data)

    def write(self, data) -> set[type]:
        return write_records(data)
