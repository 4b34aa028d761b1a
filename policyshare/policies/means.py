"""What a policy case cost: its budget lines, and the exchange rates that turn them into US
dollars of the same year (docs/content-model.md, "Cost and means").

Also the list of SDG target codes a case may name (data/sdg_targets.json)."""

import functools
import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from policyshare.core.content import register_snippet

SDG_TARGETS_FILE = Path(__file__).parent / "data" / "sdg_targets.json"
MIN_YEAR, MAX_YEAR = 1900, 2100

currency_code = RegexValidator(
    r"^[A-Z]{3}$", _("Use the three-letter ISO 4217 code in capitals, e.g. KRW or USD.")
)


@register_snippet  # shown on policy pages: their caches follow it
class ExchangeRate(models.Model):
    """How many units of a currency bought one US dollar, on average, in a year."""

    currency = models.CharField(
        max_length=3, validators=[currency_code], verbose_name=_("currency")
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
        verbose_name=_("year"),
    )
    units_per_usd = models.DecimalField(
        max_digits=18,
        decimal_places=6,
        validators=[MinValueValidator(0.000001)],
        verbose_name=_("units per US dollar"),
        help_text=_("The year's average, e.g. 1165.36 for KRW in 2019."),
    )
    source = models.CharField(
        max_length=255,
        verbose_name=_("source"),
        help_text=_("Who published the average, e.g. “World Bank, PA.NUS.FCRF”."),
    )

    panels = [
        FieldRowPanel([FieldPanel("currency"), FieldPanel("year")]),
        FieldPanel("units_per_usd"),
        FieldPanel("source"),
    ]

    class Meta:
        ordering = ["currency", "-year"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "year"], name="unique_exchange_rate_per_currency_year"
            )
        ]

    def __str__(self):
        return f"{self.currency} {self.year}: {self.units_per_usd.normalize():f}"

    def clean(self):
        super().clean()
        if self.currency == "USD":
            raise ValidationError(
                {"currency": _("Amounts in US dollars need no rate: leave USD out.")}
            )


class BudgetLine(Orderable):
    """One amount a case cost, as its source states it."""

    page = ParentalKey("policies.PolicyCase", on_delete=models.CASCADE, related_name="budget_lines")
    amount = models.DecimalField(
        max_digits=20,
        decimal_places=2,
        validators=[MinValueValidator(0, _("An amount cannot be negative."))],
        verbose_name=_("amount"),
    )
    currency = models.CharField(
        max_length=3, validators=[currency_code], verbose_name=_("currency")
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
        verbose_name=_("year"),
        help_text=_("The year the amount was spent or budgeted; it picks the exchange rate."),
    )
    funding_source = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("funding source"),
        help_text=_("Who paid, e.g. “City budget”, “National grant”, “Donations”."),
    )
    source = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("source of the figure"),
        help_text=_("Where the amount is published."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    panels = [
        FieldRowPanel([FieldPanel("amount"), FieldPanel("currency"), FieldPanel("year")]),
        FieldPanel("funding_source"),
        FieldPanel("source"),
    ]

    def save(self, *args, **kwargs):
        self.currency = self.currency.upper()
        super().save(*args, **kwargs)


@functools.cache
def sdg_target_codes() -> frozenset[str]:
    """The 169 SDG target codes ("11.2", "11.a"), from the shipped list."""
    return frozenset(json.loads(SDG_TARGETS_FILE.read_text(encoding="utf-8"))["targets"])


def parse_sdg_targets(text: str) -> list[str]:
    """The codes of a comma- or space-separated list, in goal and target order."""
    codes = {code.strip() for code in text.replace(",", " ").split() if code.strip()}
    return sorted(codes, key=_sdg_order)


def _sdg_order(code: str):
    goal, _dot, target = code.partition(".")
    return (int(goal) if goal.isdigit() else 99, not target.isdigit(), target.zfill(3))


def validate_sdg_targets(text: str) -> None:
    unknown = [code for code in parse_sdg_targets(text) if code not in sdg_target_codes()]
    if unknown:
        raise ValidationError(
            _("Not an SDG target: %(codes)s. Use codes such as 11.2 or 11.a."),
            params={"codes": ", ".join(unknown)},
            code="invalid",
        )
