"""Calendar periods: shift a date by units, write a period as a TIMEX3 value, and read a value back
as the (first day, last day, precision) it covers.

Written by hand: the TIMEX3 value grammar (ISO weeks, quarters, halves, seasons, decades, centuries,
"XXXX" for an unknown part) is TimeML's, and no Python library reads or writes it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from enum import StrEnum


class Precision(StrEnum):
    """How much of a value is known: a timeline draws a year as a year, never as its first day."""

    TIME = "time"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (a TIMEX3 unit letter: D, W, WE, M, Q, H, Y, DE, CE)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}[unit]
    return add_months(d, months * n)


def quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def value_at(d: date, precision: Precision) -> str:
    """The TIMEX3 value of the period of ``precision`` that holds ``d``."""
    if precision in (Precision.DAY, Precision.TIME):
        return d.isoformat()
    if precision in (Precision.WEEK, Precision.WEEKEND):
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if precision == Precision.WEEKEND else "")
    if precision == Precision.MONTH:
        return f"{d.year}-{d.month:02d}"
    if precision == Precision.QUARTER:
        return f"{d.year}-Q{quarter(d)}"
    if precision == Precision.HALF:
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if precision == Precision.DECADE:
        return f"{d.year // 10:03d}"
    if precision == Precision.CENTURY:
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


UNIT_PRECISION = {"D": Precision.DAY, "W": Precision.WEEK, "WE": Precision.WEEKEND, "M": Precision.MONTH,
                  "Q": Precision.QUARTER, "H": Precision.HALF, "Y": Precision.YEAR, "DE": Precision.DECADE,
                  "CE": Precision.CENTURY}

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
Range = tuple[date, date, Precision]


def _month_range(y: int, first: int, last: int) -> tuple[date, date]:
    end_year = y + 1 if last < first else y
    return date(y, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])


def value_range(value: str | None) -> Range | None:
    """The days a fully specified TIMEX3 date value covers, and its precision; None for anything
    vague or partly unknown ("PRESENT_REF", "XXXX-03", "P3Y")."""
    if not value or "X" in value:
        return None
    try:
        return _range(value)
    except ValueError:  # a malformed value (month 13) is unknown, not an error
        return None


def _range(value: str) -> Range | None:
    if m := _DAY.fullmatch(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d, Precision.TIME if m[4] else Precision.DAY
    if m := _WEEK.fullmatch(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6), Precision.WEEKEND
        return monday, monday + timedelta(days=6), Precision.WEEK
    if m := _MONTH.fullmatch(value):
        return *_month_range(int(m[1]), int(m[2]), int(m[2])), Precision.MONTH
    if m := _PART.fullmatch(value):
        y, part = int(m[1]), m[2]
        if part in _SEASON_MONTHS:
            return *_month_range(y, *_SEASON_MONTHS[part]), Precision.SEASON
        n = int(part[1])
        if part[0] == "Q":
            return *_month_range(y, 3 * n - 2, 3 * n), Precision.QUARTER
        return *_month_range(y, 6 * n - 5, 6 * n), Precision.HALF
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value), 12, 31), Precision.YEAR
    if re.fullmatch(r"\d{3}", value):
        return date(max(int(value) * 10, 1), 1, 1), date(int(value) * 10 + 9, 12, 31), Precision.DECADE
    if re.fullmatch(r"\d{2}", value):
        return date(max(int(value) * 100, 1), 1, 1), date(int(value) * 100 + 99, 12, 31), Precision.CENTURY
    return None
