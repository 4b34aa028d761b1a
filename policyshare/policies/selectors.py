"""Reads of the policy library that several places share (the page, the API, the packs)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from policyshare.core.fragments import cached_fragment

from .means import ExchangeRate

CENT = Decimal("0.01")
# Per resident a budget is often a fraction of a cent.
MILL = Decimal("0.001")


@dataclass(frozen=True)
class CostLine:
    line: object  # BudgetLine
    usd: Decimal | None
    # Why there is no amount in US dollars (no rate for that currency and year); "" if there is.
    no_usd_reason: str


@dataclass(frozen=True)
class CaseCosts:
    lines: list[CostLine]
    # The sum in US dollars of each line's year; None unless every line could be converted.
    total_usd: Decimal | None
    population: int | None
    population_year: int | None
    population_source: str
    city_name: str
    # The total divided by the population; None when either is unknown.
    usd_per_resident: Decimal | None

    @property
    def has_figures(self) -> bool:
        return bool(self.lines)


def rates_for(pairs) -> dict[tuple[str, int], Decimal]:
    """Units per US dollar for (currency, year) pairs, from the table in one query (none for
    USD only). Kept with the fragments per set of pairs (a saved rate retires them, as any
    editorial change): the cases of one city mostly share their currencies and years."""
    wanted = sorted({(currency, year) for currency, year in pairs if currency != "USD"})
    if not wanted:
        return {}

    def read():
        query = reduce(or_, (Q(currency=c, year=y) for c, y in wanted))
        rates = ExchangeRate.objects.filter(query).order_by()
        return {(rate.currency, rate.year): rate.units_per_usd for rate in rates}

    return cached_fragment("exchange_rates", *(f"{c}{y}" for c, y in wanted), compute=read)


def usd_amount(line, rates) -> tuple[Decimal | None, str]:
    if line.currency == "USD":
        return line.amount, ""
    units_per_usd = rates.get((line.currency, line.year))
    if units_per_usd is None:
        reason = _("No exchange rate for %(currency)s in %(year)s in the rate table.") % {
            "currency": line.currency,
            "year": line.year,
        }
        return None, reason
    return (line.amount / units_per_usd).quantize(CENT, ROUND_HALF_UP), ""


@dataclass(frozen=True)
class CityPopulation:
    name: str
    population: int | None
    year: int | None
    source: str


# A function registered under this hook takes a policy case and returns the CityPopulation
# of the city whose residents share its cost, or None. The sharing app, which holds the
# cities, registers one (policies names no sharing model: apps depend on policies, not back).
CITY_POPULATION_HOOK = "policy_case_city_population"


def case_city(page) -> CityPopulation | None:
    """The city whose residents a case's cost is shared by (docs/content-model.md)."""
    for find in hooks.get_hooks(CITY_POPULATION_HOOK):
        if (city := find(page)) is not None:
            return city
    return None


def case_costs(page, lines=None) -> CaseCosts:
    """A case's budget lines with their amounts in US dollars, their total, and the total per
    resident of the case's city where its population is known. At most two queries besides
    the lines: the rates, and the city."""
    if lines is None:
        lines = list(page.budget_lines.all())
    rates = rates_for((line.currency, line.year) for line in lines)
    cost_lines = [CostLine(line, *usd_amount(line, rates)) for line in lines]
    total = None
    if cost_lines and all(item.usd is not None for item in cost_lines):
        total = sum((item.usd for item in cost_lines), Decimal(0))
    city = case_city(page) if lines else None
    population = city.population if city else None
    per_resident = None
    if total is not None and population:
        per_resident = (total / population).quantize(MILL, ROUND_HALF_UP)
    return CaseCosts(
        lines=cost_lines,
        total_usd=total,
        population=population,
        population_year=city.year if city else None,
        population_source=city.source if city else "",
        city_name=city.name if city else "",
        usd_per_resident=per_resident,
    )


def cost_record(page, costs: CaseCosts) -> dict:
    """The cost and means of a case as the API and the export write them."""
    return {
        "budget_lines": [
            {
                "amount": item.line.amount,
                "currency": item.line.currency,
                "year": item.line.year,
                "funding_source": item.line.funding_source,
                "source": item.line.source,
                "amount_usd": item.usd,
                "no_usd_reason": str(item.no_usd_reason),
            }
            for item in costs.lines
        ],
        "total_usd": costs.total_usd,
        "usd_per_resident": costs.usd_per_resident,
        "population": costs.population,
        "population_year": costs.population_year,
        "population_source": costs.population_source,
        "staff_fte": page.staff_fte,
        "note": page.budget,
    }


def public_successor_id(page) -> int | None:
    """The id of the policy that replaced `page`, if readers can open it (published and
    not private); else None, so that the API never points at a page it does not serve."""
    if page.successor_id is None:
        return None
    from policyshare.core.privacy import public

    from .models import PolicyCase  # the models read this module's costs

    if public(PolicyCase.objects.live().filter(pk=page.successor_id)).exists():
        return page.successor_id
    return None
