"""The dates a reader would give, on made-up articles: one test per kind of error seen on real news
(future statements resolved into the past, durations turned into dates, year-only dates shown as days)."""

from __future__ import annotations

from datetime import date

import pytest

from storyledger.annotate import annotate
from storyledger.records import Article, TimeRef


def times(nlp, text: str, published: date) -> dict[str, TimeRef]:
    found = annotate(Article(source="test", text=text, published=published), nlp).times
    return {t.text: t for t in found}


def expect(ref: TimeRef, value: str | None, precision: str | None, first: date | None = None,
           last: date | None = None, kind: str = "date") -> None:
    assert (ref.kind, ref.value, ref.precision, ref.date, ref.end_date) == (kind, value, precision, first, last)


def test_future_statement_resolves_forward(nlp):
    found = times(nlp, "The new Orvald tariffs will take effect on March 4, the trade ministry said.",
                  date(2025, 2, 12))
    expect(found["March 4"], "2025-03-04", "day", date(2025, 3, 4), date(2025, 3, 4))


def test_from_a_date_in_the_coming_month(nlp):
    found = times(nlp, "Under the plan, Keldan households pay the lower rate from August 1.", date(2025, 7, 20))
    expect(found["August 1"], "2025-08-01", "day", date(2025, 8, 1), date(2025, 8, 1))


@pytest.mark.parametrize("sentence", [
    "The third season of Harrow Lane will premiere on Sept. 30, the network said on Tuesday.",
    "The third season of Harrow Lane premieres on Sept. 30 on the network.",
    "The network said the third season of Harrow Lane is set to premiere on Sept. 30.",
])
def test_premiere_two_days_ahead(nlp, sentence):
    found = times(nlp, sentence, date(2016, 9, 28))
    expect(found["Sept. 30"], "2016-09-30", "day", date(2016, 9, 30), date(2016, 9, 30))


@pytest.mark.parametrize("sentence,text,value", [
    ("The Velmar project will be on hold for 90 days while auditors review the accounts.", "90 days", "P90D"),
    ("The board voted to suspend the Velmar contract for six months.", "six months", "P6M"),
])
def test_durations_are_not_dates(nlp, sentence, text, value):
    found = times(nlp, sentence, date(2025, 3, 10))
    expect(found[text], value, None, kind="duration")


def test_upcoming_weekday_is_the_next_one(nlp):
    text = ("Finance ministers of the Aster bloc will meet on Friday to discuss the loan. "
            "The bloc's leaders met on Friday in Tarsk.")
    coming, last = annotate(Article(source="test", text=text, published=date(2025, 8, 19)), nlp).times  # a Tuesday
    expect(coming, "2025-08-22", "day", date(2025, 8, 22), date(2025, 8, 22))
    expect(last, "2025-08-15", "day", date(2025, 8, 15), date(2025, 8, 15))


@pytest.mark.parametrize("sentence,published,value", [
    ("Talks between the two Orvald factions will resume after October 7, the mediator said.", date(2025, 10, 1),
     "2025-10-07"),
    ("Border incidents have multiplied after October 7, officials in Tarsk said.", date(2024, 1, 15), "2023-10-07"),
])
def test_after_a_date(nlp, sentence, published, value):
    ref = times(nlp, sentence, published)["October 7"]
    day = date.fromisoformat(value)
    expect(ref, value, "day", day, day)


def test_year_only_keeps_its_precision(nlp):
    found = times(nlp, "The Velmar canal was dug in 1830 and widened in the 1960s.", date(2025, 5, 2))
    expect(found["1830"], "1830", "year", date(1830, 1, 1), date(1830, 12, 31))
    expect(found["the 1960s"], "196", "decade", date(1960, 1, 1), date(1969, 12, 31))


def test_month_without_year_follows_the_tense(nlp):
    found = times(nlp, "Exports to Keldan fell in November. The new port will open in March.", date(2025, 1, 20))
    expect(found["November"], "2024-11", "month", date(2024, 11, 1), date(2024, 11, 30))
    expect(found["March"], "2025-03", "month", date(2025, 3, 1), date(2025, 3, 31))


def test_vague_times_stay_vague(nlp):
    found = times(nlp, "Prices have recently risen, and the Aster bloc will review them in the near future.",
                  date(2025, 5, 2))
    expect(found["recently"], "PAST_REF", None)
    expect(found["the near future"], "FUTURE_REF", None)


def test_modal_may_is_not_a_month(nlp):
    found = times(nlp, "The Orvald council may decide on the budget in May.", date(2025, 2, 3))
    assert list(found) == ["May"]
    assert found["May"].value == "2025-05"


def test_no_publication_date_leaves_relative_times_unplaced(nlp):
    found = times(nlp, "The vote was held on Tuesday, 12 years after the 2013 referendum.", None)
    assert (found["Tuesday"].value, found["Tuesday"].date) == ("XXXX-WXX-2", None)
    assert found["2013"].value == "2013"
