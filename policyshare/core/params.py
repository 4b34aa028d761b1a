"""Strict reading of integers from query parameters and form values.

`int()` and `str.isdigit()` accept digits of every script: `"²".isdigit()` is true but
`int("²")` raises, and `int("١٢")` is 12. And a number larger than the database's integer
column overflows on SQLite. What reaches a query is ASCII digits within that range.
"""

import re

# The largest value every database we run on stores in an integer column (PostgreSQL's
# `integer`, which also holds page ids); anything larger can match nothing.
MAX_DB_INTEGER = 2**31 - 1

_ASCII_DIGITS = re.compile(r"[0-9]{1,10}")


def parse_int(value, *, default=None, low: int = 0, high: int = MAX_DB_INTEGER):
    """`value` as an int if it is ASCII digits within `low`..`high`, otherwise `default`."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _ASCII_DIGITS.fullmatch(value):
        number = int(value)
    else:
        return default
    return number if low <= number <= high else default
