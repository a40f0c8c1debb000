"""Metadata dates: one explicit day/month order per column, offsets normalised to UTC.

A date column such as ``05/06/2022, 15/06/2022`` is read with one order for the whole
column: the one given (``dayfirst=True/False``, ``--dayfirst``/``--monthfirst``), else the
one its unambiguous values show (``15/06/2022`` can only be day-first), else day-first,
the usual order in Arabic-language sources. ISO dates (``2022-06-05``) and dates with month
names are unambiguous and read as written. A time with an offset (``+03:00``, ``Z``) is
converted to UTC; a time without one is kept as written. The result is a naive
``datetime64`` column (UTC). A value that cannot be read is left empty and reported per
row; it never stops the load.

Example
-------
>>> order = detect_dayfirst(["05/06/2022", "15/06/2022"])
>>> order
DateOrder(dayfirst=True, evidence='15/06/2022')
>>> parse_dates(["05/06/2022", "2022-06-05T10:00:00+03:00", "soon"], order.dayfirst).tolist()
[Timestamp('2022-06-05 00:00:00'), Timestamp('2022-06-05 07:00:00'), NaT]
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, NamedTuple

import pandas as pd

__all__ = ["DateOrder", "detect_dayfirst", "parse_dates", "DEFAULT_DAYFIRST"]

DEFAULT_DAYFIRST = True
# a/b/year with an optional time after it: the only shape whose reading depends on the order
_NUMERIC_RE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b(.*)$", re.S)


class DateOrder(NamedTuple):
    """The day/month order of a column and the value that showed it (None: no value did)."""

    dayfirst: bool
    evidence: str | None


def detect_dayfirst(values: Iterable[object], dayfirst: bool | None = None) -> DateOrder:
    """The order for a column: ``dayfirst`` when given, else the first unambiguous value's
    (a first number above 12 means day-first, a second one above 12 month-first), else
    :data:`DEFAULT_DAYFIRST`.

    >>> detect_dayfirst(["06/15/2022"])
    DateOrder(dayfirst=False, evidence='06/15/2022')
    >>> detect_dayfirst(["01/02/2022"]).evidence is None
    True
    """
    if dayfirst is not None:
        return DateOrder(dayfirst, "set explicitly")
    for v in values:
        m = _NUMERIC_RE.match(v) if isinstance(v, str) else None
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            return DateOrder(True, v.strip())
        if b > 12 >= a:
            return DateOrder(False, v.strip())
    return DateOrder(DEFAULT_DAYFIRST, None)


def _year(y: str) -> int:
    if len(y) == 4:
        return int(y)
    yy = int(y)
    return 2000 + yy if yy <= dt.date.today().year % 100 else 1900 + yy


def _as_iso(v: str, dayfirst: bool) -> str:
    """Rewrite ``a/b/year[ time]`` as ``year-month-day[ time]`` in the column's order."""
    m = _NUMERIC_RE.match(v)
    if not m:
        return v
    a, b, y, rest = m.groups()
    day, month = (a, b) if dayfirst else (b, a)
    return f"{_year(y):04d}-{int(month):02d}-{int(day):02d}{rest}"


def parse_dates(values: Iterable[object], dayfirst: bool = DEFAULT_DAYFIRST) -> pd.Series:
    """Parse a column of dates (strings, timestamps or missing) in one day/month order.

    Returns naive UTC timestamps; unreadable values give ``NaT`` (compare with the input
    to report them).

    >>> parse_dates(["2024-05-01", "01/05/2024", "1 May 2024", None], dayfirst=True).dt.day.tolist()
    [1.0, 1.0, 1.0, nan]
    """
    prepared: list[object] = []
    for v in values:
        if isinstance(v, str):
            v = v.strip()
            prepared.append(_as_iso(v, dayfirst) if v else None)
        elif v is None or (not isinstance(v, (dt.date, pd.Timestamp)) and pd.isna(v)):
            prepared.append(None)
        elif isinstance(v, (int, float)):  # a bare year, not nanoseconds since 1970
            prepared.append(str(int(v)) if float(v).is_integer() else None)
        else:
            prepared.append(v)
    out = pd.to_datetime(pd.Series(prepared, dtype=object), format="mixed", utc=True, errors="coerce")
    return out.dt.tz_convert(None)
