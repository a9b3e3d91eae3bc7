from datetime import date

import pytest

from storyledger.annotate.times.resolve import resolve

TUE = date(2025, 8, 19)


@pytest.mark.parametrize("text,expected", [
    ("on Tuesday", (TUE, TUE)),
    ("Monday's", (date(2025, 8, 18), date(2025, 8, 18))),
    ("this afternoon", (TUE, TUE)),
    ("in the coming days", (TUE, date(2025, 8, 26))),
    ("next week", (date(2025, 8, 25), date(2025, 8, 31))),
    ("27 March 2025", (date(2025, 3, 27), date(2025, 3, 27))),
    ("March 2025", (date(2025, 3, 1), date(2025, 3, 31))),
    ("16 days ago", (date(2025, 8, 3), date(2025, 8, 3))),
    ("15:30", (TUE, TUE)),
    ("weeks", (None, None)),
    ("20", (None, None)),
])
def test_resolve(text, expected):
    assert resolve(text, TUE) == expected


def test_future_weekday_is_the_next_one():
    assert resolve("Friday", TUE) == (date(2025, 8, 15), date(2025, 8, 15))
    assert resolve("Friday", TUE, future=True) == (date(2025, 8, 22), date(2025, 8, 22))


def test_unknown_without_publication_date():
    assert resolve("on Tuesday", None) == (None, None)
