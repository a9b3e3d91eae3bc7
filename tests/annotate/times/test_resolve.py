"""One expression at a time, no parse: extents, TIMEX3 values and precision against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from storyledger.annotate.times.periods import Precision, value_range
from storyledger.annotate.times.resolve import resolve
from storyledger.annotate.times.tense import Tense

TUE = date(2025, 8, 19)


@pytest.mark.parametrize("text,extent,kind,value", [
    ("on Tuesday", "Tuesday", "date", "2025-08-19"),
    ("yesterday", "yesterday", "date", "2025-08-18"),
    ("this afternoon", "this afternoon", "time", "2025-08-19TAF"),
    ("next week", "next week", "date", "2025-W35"),
    ("last month", "last month", "date", "2025-07"),
    ("27 March 2025", "27 March 2025", "date", "2025-03-27"),
    ("Aug. 3, 1998", "Aug. 3, 1998", "date", "1998-08-03"),
    ("March 2025", "March 2025", "date", "2025-03"),
    ("16 days ago", "16 days ago", "date", "2025-08-03"),
    ("nearly two years ago", "nearly two years ago", "date", "2023"),
    ("at 3:30 p.m. Friday", "3:30 p.m. Friday", "time", "2025-08-22T15:30"),
    ("in the third quarter", "the third quarter", "date", "2025-Q3"),
    ("third-quarter profit", "third-quarter", "date", "2025-Q3"),
    ("the first half of 2024", "the first half of 2024", "date", "2024-H1"),
    ("fiscal 1989", "fiscal 1989", "date", "1989"),
    ("in the late 1990s", "the late 1990s", "date", "199"),
    ("the 19th century", "the 19th century", "date", "18"),
    ("last summer", "last summer", "date", "2024-SU"),
    ("earlier this month", "earlier this month", "date", "2025-08"),
    ("by year-end", "year-end", "date", "2025"),
    ("for 90 days", "90 days", "duration", "P90D"),
    ("about a decade", "about a decade", "duration", "P1DE"),
    ("a two-year contract", "two-year", "duration", "P2Y"),
    ("for 2 1/2 years", "2 1/2 years", "duration", "P2Y6M"),
    ("for several weeks", "several weeks", "duration", "PXW"),
    ("every Tuesday", "every Tuesday", "set", "XXXX-WXX-2"),
    ("twice a week", "twice a week", "set", "P1W"),
    ("now", "now", "date", "PRESENT_REF"),
    ("in recent years", "recent years", "date", "PAST_REF"),
])
def test_values(text, extent, kind, value):
    ref = resolve(text, TUE)
    assert ref is not None
    assert (ref.text, ref.kind, ref.value) == (extent, kind, value)


@pytest.mark.parametrize("text,tense,value", [
    ("Friday", Tense.PAST, "2025-08-15"),
    ("Friday", Tense.FUTURE, "2025-08-22"),
    ("Friday", Tense.UNKNOWN, "2025-08-22"),  # the nearer one
    ("Saturday", Tense.UNKNOWN, "2025-08-16"),
    ("March 4", Tense.PAST, "2025-03-04"),
    ("March 4", Tense.FUTURE, "2026-03-04"),
    ("September", Tense.PAST, "2024-09"),
    ("September", Tense.FUTURE, "2025-09"),
    ("November", Tense.UNKNOWN, "2025-11"),
    ("May", Tense.UNKNOWN, "2025-05"),
    ("the first quarter", Tense.FUTURE, "2026-Q1"),
    ("the first quarter", Tense.INTENDED, "2025-Q1"),
    ("effective June 1", Tense.PAST, "2026-06-01"),
])
def test_direction_follows_the_tense(text, tense, value):
    assert resolve(text, TUE, tense).value == value


def test_precision_and_range():
    ref = resolve("in 1830", TUE)
    assert (ref.date, ref.end_date, ref.precision) == (date(1830, 1, 1), date(1830, 12, 31), "year")
    ref = resolve("the fourth quarter of 2024", TUE)
    assert (ref.date, ref.end_date, ref.precision) == (date(2024, 10, 1), date(2024, 12, 31), "quarter")
    ref = resolve("last week", TUE)
    assert (ref.date, ref.end_date, ref.precision) == (date(2025, 8, 11), date(2025, 8, 17), "week")


@pytest.mark.parametrize("value,expected", [
    ("2024-W01-WE", (date(2024, 1, 6), date(2024, 1, 7), Precision.WEEKEND)),
    ("2024-WI", (date(2024, 12, 1), date(2025, 2, 28), Precision.SEASON)),
    ("2024-H2", (date(2024, 7, 1), date(2024, 12, 31), Precision.HALF)),
    ("20", (date(2000, 1, 1), date(2099, 12, 31), Precision.CENTURY)),
    ("2024-02-30", None),
    ("XXXX-03", None),
    ("P3Y", None),
    ("FUTURE_REF", None),
])
def test_value_range(value, expected):
    assert value_range(value) == expected


def test_nothing_to_resolve():
    assert resolve("the minister said", TUE) is None
    assert resolve("1,500 troops", TUE) is None


def test_unknown_publication_date():
    ref = resolve("on Tuesday", None)
    assert (ref.value, ref.date) == ("XXXX-WXX-2", None)
    assert resolve("March 4", None).value == "XXXX-03-04"
