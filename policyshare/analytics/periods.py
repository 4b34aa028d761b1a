"""The period an analytics page covers, read from the URL (`?from=&to=&compare=previous`)."""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_DAYS = 30
MAX_DAYS = 5 * 366  # "no longer than five years", leap days included
DATE_FORMAT = "%Y-%m-%d"


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # included

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def dates(self) -> list[datetime.date]:
        return [self.start + datetime.timedelta(days=n) for n in range(self.days)]

    def previous(self) -> "Period":
        """The period of the same length that ends the day before this one starts."""
        end = self.start - datetime.timedelta(days=1)
        return Period(end - datetime.timedelta(days=self.days - 1), end)


def default_period(today: datetime.date | None = None) -> Period:
    """The last 30 of the site's days (Seoul), today included."""
    today = today or timezone.localdate()
    return Period(today - datetime.timedelta(days=DEFAULT_DAYS - 1), today)


class PeriodForm(forms.Form):
    """A plain GET form. Its fields are named `from` and `to` (Python keywords, hence added
    in `__init__`)."""

    compare = forms.ChoiceField(
        label=_("Compare with"),
        required=False,
        choices=[("", _("No comparison")), ("previous", _("The previous period"))],
    )

    def __init__(self, data=None, *, today: datetime.date | None = None):
        self.today = today or timezone.localdate()
        default = default_period(self.today)
        super().__init__(
            data,
            initial={
                "from": default.start.strftime(DATE_FORMAT),
                "to": default.end.strftime(DATE_FORMAT),
            },
        )
        date_error = {"invalid": _("Enter a date as YYYY-MM-DD, for example 2026-01-31.")}
        self.fields["from"] = forms.DateField(
            label=_("From (included)"),
            required=False,
            input_formats=[DATE_FORMAT],
            error_messages=date_error,
            widget=forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
        )
        self.fields["to"] = forms.DateField(
            label=_("To (included)"),
            required=False,
            input_formats=[DATE_FORMAT],
            error_messages=date_error,
            widget=forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
        )
        self.order_fields(["from", "to", "compare"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if self.errors:
            return cleaned
        default = default_period(self.today)
        # One date alone: the other end of a default-length period.
        if start and not end:
            end = min(start + datetime.timedelta(days=DEFAULT_DAYS - 1), self.today)
        if end and not start:
            start = end - datetime.timedelta(days=DEFAULT_DAYS - 1)
        start, end = start or default.start, end or default.end
        if start > end:
            raise forms.ValidationError(_("The start date is after the end date."), code="reversed")
        if start > self.today or end > self.today:
            raise forms.ValidationError(
                _("The period is in the future: it must end today at the latest."),
                code="future",
            )
        if (end - start).days + 1 > MAX_DAYS:
            raise forms.ValidationError(
                _("The period is longer than five years: choose a shorter one."),
                code="too_long",
            )
        cleaned["period"] = Period(start, end)
        return cleaned


def shortcuts(today: datetime.date | None = None) -> dict[str, Period]:
    """The periods an editor asks for most, by key: the last 30 days, this month so far,
    last month (whole) and this year so far."""
    today = today or timezone.localdate()
    month_start = today.replace(day=1)
    last_month_end = month_start - datetime.timedelta(days=1)
    return {
        "last_30_days": default_period(today),
        "this_month": Period(month_start, today),
        "last_month": Period(last_month_end.replace(day=1), last_month_end),
        "this_year": Period(today.replace(month=1, day=1), today),
    }


def read_period(query) -> tuple[PeriodForm, Period, Period | None]:
    """The form bound to the URL's parameters, the period to show (the default one when the
    parameters are wrong: the form then carries the errors) and the comparison period."""
    data = {name: query.get(name, "") for name in ("from", "to", "compare")}
    form = PeriodForm(data if any(data.values()) else None)
    if form.is_bound and form.is_valid():
        period = form.cleaned_data["period"]
        compare = form.cleaned_data["compare"] == "previous"
        # Show the dates in use (a date left empty was filled in).
        form = PeriodForm(
            {
                "from": period.start.strftime(DATE_FORMAT),
                "to": period.end.strftime(DATE_FORMAT),
                "compare": data["compare"],
            },
            today=form.today,
        )
        form.is_valid()
    else:
        period = default_period(form.today)
        compare = form.is_bound and data["compare"] == "previous"
    return form, period, (period.previous() if compare else None)
