"""Outcome indicators: achieved values as a structured field, and whether a target was met.

An indicator's achieved values are a list of (year, value) pairs. Wagtail cannot nest an
InlinePanel inside the indicators' InlinePanel, so editors type them in one text box, a
pair a line ("2019: 2.6"); the field stores them as JSON
(`[{"year": 2019, "value": "2.6"}]`) and refuses a line it cannot read, naming it.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# The same bounds as the indicator's decimal columns (max_digits=18, decimal_places=3).
MAX_ABS_VALUE = Decimal("999999999999999.999")
MAX_DECIMAL_PLACES = 3
MIN_YEAR = 1900
MAX_YEAR = 2100

_LINE = re.compile(r"^\s*(?P<year>\d{4})\s*[:=]\s*(?P<value>\S+)\s*$")


def check_value(value: Decimal) -> None:
    """Refuse what a decimal column of the indicator cannot hold, or is not a number."""
    if not value.is_finite():
        raise ValidationError(_("Enter a number."), code="invalid")
    if abs(value) > MAX_ABS_VALUE:
        raise ValidationError(_("This number is too large."), code="too_large")
    if -value.as_tuple().exponent > MAX_DECIMAL_PLACES and value != value.quantize(
        Decimal("0.001")
    ):
        raise ValidationError(
            _("Use at most three decimal places."), code="too_many_decimal_places"
        )


def check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            _("Enter a year between %(min)s and %(max)s."),
            code="year_out_of_range",
            params={"min": MIN_YEAR, "max": MAX_YEAR},
        )


def normalise(entries) -> list[dict]:
    """Stored achieved values, checked and sorted by year: `[{"year": int, "value": str}]`.
    Raises ValidationError on anything else (a JSON value from an archive, say)."""
    if entries in (None, ""):
        return []
    if not isinstance(entries, list):
        raise ValidationError(_("Achieved values must be a list."), code="invalid")
    result = {}
    for entry in entries:
        if not isinstance(entry, dict) or set(entry) != {"year", "value"}:
            raise ValidationError(
                _("Each achieved value needs a year and a value."), code="invalid"
            )
        year, raw = entry["year"], entry["value"]
        if not isinstance(year, int) or isinstance(year, bool):
            raise ValidationError(_("Each achieved value needs a year."), code="invalid")
        check_year(year)
        try:
            value = Decimal(str(raw)) if isinstance(raw, str | int) else None
        except InvalidOperation:
            value = None
        if value is None:
            raise ValidationError(_("Enter a number."), code="invalid")
        check_value(value)
        if year in result:
            raise ValidationError(
                _("The year %(year)s has two achieved values."),
                code="duplicate_year",
                params={"year": year},
            )
        result[year] = format(value.normalize(), "f")
    return [{"year": year, "value": result[year]} for year in sorted(result)]


def as_text(entries) -> str:
    """The editor's text for stored values: one `year: value` a line."""
    if isinstance(entries, str):
        return entries
    return "\n".join(f"{entry['year']}: {entry['value']}" for entry in entries or [])


def parse_text(text: str) -> list[dict]:
    """The editor's lines as stored values; the error names every line it cannot read."""
    entries, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line.replace(",", ""))
        if match is None:
            errors.append(
                ValidationError(
                    _('Line %(number)s, "%(line)s", is not "year: value" (e.g. 2019: 2.6).'),
                    code="invalid_line",
                    params={"number": number, "line": line.strip()[:40]},
                )
            )
            continue
        entries.append({"year": int(match["year"]), "value": match["value"]})
    if errors:
        raise ValidationError(errors)
    return normalise(entries)


class AchievedValuesFormField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 3, "cols": 20, "dir": "ltr"})

    def prepare_value(self, value):
        return as_text(value)

    def to_python(self, value):
        return parse_text(super().to_python(value) or "")

    def has_changed(self, initial, data):
        try:
            return normalise(initial) != self.to_python(data)
        except ValidationError:
            return True


class AchievedValuesField(models.JSONField):
    """A list of `{"year": int, "value": "decimal"}`, sorted by year (see the module)."""

    def formfield(self, **kwargs):
        # Not JSONField's form field: editors type lines, not JSON.
        return models.Field.formfield(self, **{"form_class": AchievedValuesFormField, **kwargs})

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        normalise(value)


class Status(models.TextChoices):
    MET = "met", _("Target met")
    NOT_MET = "not_met", _("Target not met")
    IN_PROGRESS = "in_progress", _("In progress")
    NO_TARGET = "no_target", _("No target set")
    # The target year is over and no achieved value up to it was entered: not a failure
    # the page may claim, only missing data.
    NO_RESULT = "no_result", _("No result reported")


@dataclass(frozen=True)
class Assessment:
    """Whether the target was met, and the achieved value that says so (if any)."""

    status: str
    value: Decimal | None = None
    year: int | None = None

    @property
    def label(self) -> str:
        return str(Status(self.status).label)


def achieved_pairs(entries) -> list[tuple[int, Decimal]]:
    return [(entry["year"], Decimal(entry["value"])) for entry in entries or []]


def assess(
    *,
    target_value: Decimal | None,
    target_year: int | None,
    achieved: list[tuple[int, Decimal]],
    lower_is_better: bool,
    today: datetime.date | None = None,
) -> Assessment:
    """Compare the latest achieved value up to the target year (any year when the target
    has none) with the target, in the indicator's direction. The target year counts as
    due once it is over: a 2021 target is judged from 2022 on, on the value of 2021 or
    the last one before it; without any such value, no result was reported."""
    if target_value is None:
        return Assessment(Status.NO_TARGET)
    current_year = (today or datetime.date.today()).year
    counted = [pair for pair in achieved if target_year is None or pair[0] <= target_year]
    if counted:
        year, value = max(counted)
        reached = value <= target_value if lower_is_better else value >= target_value
        if reached:
            return Assessment(Status.MET, value, year)
    else:
        year = value = None
    if target_year is None or current_year <= target_year:
        return Assessment(Status.IN_PROGRESS, value, year)
    if value is None:
        return Assessment(Status.NO_RESULT)
    return Assessment(Status.NOT_MET, value, year)


def _exact(value) -> Decimal | None:
    """A stored value without its column's trailing zeros: 3.700 → 3.7, 1000.000 → 1000."""
    if value is None:
        return None
    return Decimal(format(Decimal(value).normalize(), "f"))


def indicator_record(indicator) -> dict:
    """An indicator as the API publishes it (`/api/v1/policies/{id}` and the pages API's
    `outcome_indicators`). The note for editors is not published."""
    achieved = indicator.achieved_values
    latest = achieved[-1] if achieved else None
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "baseline": (
            {"value": _exact(indicator.baseline_value), "year": indicator.baseline_year}
            if indicator.baseline_value is not None
            else None
        ),
        "target": (
            {"value": _exact(indicator.target_value), "year": indicator.target_year}
            if indicator.target_value is not None
            else None
        ),
        "achieved": [{"year": year, "value": _exact(value)} for year, value in achieved],
        "status": str(indicator.assessment.status),
        "source": indicator.source,
        "source_url": indicator.source_url,
        # Version 1's fields, kept for its clients: "after" is now the latest achieved value
        # (never a target), "year" its year.
        "value_before": _exact(indicator.baseline_value),
        "value_after": _exact(latest[1]) if latest else None,
        "year": latest[0] if latest else None,
    }
