"""The period from the URL: the default, the comparison, and every kind of bad input."""

import datetime

from django.http import QueryDict
from django.test import SimpleTestCase
from django.utils import timezone, translation

from policyshare.analytics.periods import Period, PeriodForm, default_period, read_period

TODAY = datetime.date(2026, 11, 26)


def read(query: str):
    return read_period(QueryDict(query))


class PeriodTests(SimpleTestCase):
    def test_length_dates_and_previous(self):
        period = Period(datetime.date(2026, 3, 1), datetime.date(2026, 3, 10))
        self.assertEqual(period.days, 10)
        self.assertEqual(len(period.dates()), 10)
        self.assertEqual(
            period.previous(), Period(datetime.date(2026, 2, 19), datetime.date(2026, 2, 28))
        )

    def test_default_is_the_last_thirty_days_today_included(self):
        period = default_period(TODAY)
        self.assertEqual((period.start, period.end), (datetime.date(2026, 10, 28), TODAY))
        self.assertEqual(period.days, 30)


class FormTests(SimpleTestCase):
    def form(self, **data):
        return PeriodForm({"from": "", "to": "", "compare": "", **data}, today=TODAY)

    def test_a_valid_period(self):
        form = self.form(**{"from": "2026-01-01", "to": "2026-01-31", "compare": "previous"})
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(
            form.cleaned_data["period"],
            Period(datetime.date(2026, 1, 1), datetime.date(2026, 1, 31)),
        )

    def test_one_day_and_five_years_are_allowed(self):
        self.assertTrue(self.form(**{"from": "2026-11-26", "to": "2026-11-26"}).is_valid())
        self.assertTrue(self.form(**{"from": "2021-11-27", "to": "2026-11-26"}).is_valid())

    def test_only_one_end(self):
        form = self.form(**{"from": "2026-01-01"})
        self.assertTrue(form.is_valid())
        self.assertEqual(form.cleaned_data["period"].days, 30)
        form = self.form(to="2026-01-31")
        self.assertTrue(form.is_valid())
        self.assertEqual(form.cleaned_data["period"].start, datetime.date(2026, 1, 2))

    def test_bad_input_is_a_form_error(self):
        cases = {
            "reversed": ({"from": "2026-02-01", "to": "2026-01-01"}, "after the end date"),
            "future end": ({"from": "2026-11-01", "to": "2026-11-27"}, "in the future"),
            "future start": ({"from": "2027-01-01", "to": "2027-01-02"}, "in the future"),
            "too long": ({"from": "2020-01-01", "to": "2026-01-01"}, "longer than five years"),
            "unparseable": ({"from": "yesterday", "to": "2026-01-01"}, "YYYY-MM-DD"),
            "not a day": ({"from": "2026-02-30", "to": "2026-03-01"}, "YYYY-MM-DD"),
            "wrong format": ({"from": "01/02/2026", "to": "2026-03-01"}, "YYYY-MM-DD"),
            "bad compare": ({"compare": "next"}, "Select a valid choice"),
        }
        with translation.override("en"):
            for name, (data, message) in cases.items():
                with self.subTest(name):
                    form = self.form(**data)
                    self.assertFalse(form.is_valid())
                    self.assertIn(message, str(form.errors))


class ReadPeriodTests(SimpleTestCase):
    def test_no_parameters_give_the_default_without_errors(self):
        form, period, compare = read("")
        self.assertFalse(form.is_bound)
        self.assertEqual(period, default_period())
        self.assertIsNone(compare)

    def test_comparison_with_the_previous_period(self):
        today = timezone.localdate()
        start = today - datetime.timedelta(days=9)
        _form, period, compare = read(f"from={start}&to={today}&compare=previous")
        self.assertEqual(period, Period(start, today))
        self.assertEqual(compare, period.previous())

    def test_the_form_shows_the_dates_in_use(self):
        form, period, _compare = read("compare=previous")
        self.assertEqual(period, default_period())
        self.assertEqual(form["from"].value(), period.start.isoformat())
        self.assertEqual(form["to"].value(), period.end.isoformat())
        self.assertEqual(form["compare"].value(), "previous")

    def test_bad_input_falls_back_to_the_default_period(self):
        for query in (
            "from=2026-02-01&to=2026-01-01",
            "from=2999-01-01&to=2999-01-02",
            "from=1990-01-01&to=2026-01-01",
            "from=abc&to=def",
            "from=%00&to=2026-13-45",
        ):
            with self.subTest(query):
                form, period, _compare = read(query)
                self.assertTrue(form.errors)
                self.assertEqual(period, default_period())
