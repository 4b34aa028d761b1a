"""Builders for policy-sharing tests: each test module makes exactly what it needs."""

import itertools
from datetime import date

from policyshare.sharing.models import (
    City,
    CityRelationship,
    CooperationProjectPage,
    PolicyTransfer,
    TenderNotice,
    TransferSource,
    TransferStage,
)

_numbers = itertools.count(1)


def make_city(*, slug=None, names=None, country="MN", **fields):
    number = next(_numbers)
    slug = slug or f"city-{number}"
    fields.setdefault("latitude", 47.9)
    fields.setdefault("longitude", 106.9)
    fields.setdefault("time_zone", "Asia/Ulaanbaatar")
    return City.objects.create(
        slug=slug,
        names=names or {"ko": f"도시 {number}", "en": f"City {number}"},
        country=country,
        **fields,
    )


def make_seoul():
    city = City.objects.filter(slug="seoul").first()
    if city is not None:
        return city
    return make_city(
        slug="seoul",
        names={"ko": "서울", "en": "Seoul", "fr": "Séoul"},
        country="KR",
        latitude=37.566,
        longitude=126.978,
        time_zone="Asia/Seoul",
        population=9_386_034,
        population_year=2023,
        income_group="high",
        climate_zone="continental",
    )


def make_relationship(*, city, kind="sister", signed_year=2000, **fields):
    fields.setdefault("source_url", "https://example.org/source")
    return CityRelationship.objects.create(city=city, kind=kind, signed_year=signed_year, **fields)


def make_transfer(
    *,
    policy,
    source_city,
    target_city,
    stages=(("interest", date(2015, 3, 1)), ("implemented", date(2017, 6, 1))),
    parent=None,
    channel="consulting",
    mode="adaptation",
    summary=None,
    sources=(("Source", "https://example.org/news"),),
    **fields,
):
    transfer = PolicyTransfer.objects.create(
        policy=policy,
        source_city=source_city,
        target_city=target_city,
        parent=parent,
        channel=channel,
        mode=mode,
        summary=summary or {"ko": "무엇을 전수했는가", "en": "What was transferred"},
        **fields,
    )
    for position, (stage, reached_on, *reason) in enumerate(stages):
        TransferStage.objects.create(
            transfer=transfer,
            sort_order=position,
            stage=stage,
            reached_on=reached_on,
            reason=reason[0] if reason else "",
        )
    for position, (title, url) in enumerate(sources):
        TransferSource.objects.create(transfer=transfer, sort_order=position, title=title, url=url)
    transfer.refresh_stage()
    transfer.save(update_fields=["stage", "stage_year"])
    return transfer


def make_project(*, section, title=None, slug=None, cities=(), policies=(), **fields):
    number = next(_numbers)
    fields.setdefault("summary", f"Summary of project {number}.")
    fields.setdefault("planned_start", date(2020, 1, 1))
    project = CooperationProjectPage(
        title=title or f"Project {number}", slug=slug or f"project-{number}", **fields
    )
    section.add_child(instance=project)
    project.cities.set(cities)
    project.policies.set(policies)
    project.save_revision().publish()
    return CooperationProjectPage.objects.get(pk=project.pk)


def make_tender(*, title: str, deadline, slug=None, country="UZ", **fields):
    """A tender notice in English, from UNGM unless `fields` say otherwise."""
    fields.setdefault("source_name", "UNGM")
    fields.setdefault("published_on", date(2026, 1, 1))
    return TenderNotice.objects.create(
        title={"en": title},
        country=country,
        source_url=f"https://example.org/tender/{slug or next(_numbers)}",
        deadline=deadline,
        **fields,
    )
