"""Times keep their precision in the store: kind, TimeML value, precision and modifier, for the times
table and a claim's date, read back as the views and exports see them."""

from __future__ import annotations

from datetime import date

from storyledger.records import (
    ActorRef, AnnotatedArticle, Article, Claim, DateSource, Polarity, Span, Stance, TimeRef,
)
from storyledger.store import Ledger
from storyledger.store.read_models import date_label

TEXT = "Kestrel Mining will reopen the Arlo plant in early 2027, first built in the 1830s, within 90 days."


def _time(needle: str, **kw: object) -> TimeRef:
    at = TEXT.index(needle)
    return TimeRef(needle, at, at + len(needle), **kw)  # type: ignore[arg-type]


def _article() -> AnnotatedArticle:
    early = _time("in early 2027", date=date(2027, 1, 1), end_date=date(2027, 4, 30), value="2027",
                  precision="year", mod="START")
    decade = _time("the 1830s", date=date(1830, 1, 1), end_date=date(1839, 12, 31), value="183", precision="decade")
    within = _time("within 90 days", kind="duration", value="P90D")
    art = Article("kestrel.txt", TEXT, published=date(2025, 3, 18), published_source=DateSource.USER, outlet="Gazette")
    claim = Claim("c1", ActorRef("Kestrel Mining", 0, 14), "reopen the Arlo plant", "COOPERATE", Stance.COMMITTED,
                  Polarity.AFFIRMED, Span(0, len(TEXT)), when=early)
    return AnnotatedArticle(art, claims=[claim], times=[early, decade, within])


def test_times_keep_kind_value_precision_and_modifier(ledger: Ledger) -> None:
    ledger.add(_article())
    names = [c.name for c in ledger.table_columns("times")]
    rows = [dict(zip(names, row)) for batch in ledger.table_rows("times") for row in batch]
    assert [(r["text"], r["date"], r["date_end"], r["kind"], r["value"], r["precision"], r["mod"]) for r in rows] == [
        ("in early 2027", "2027-01-01", "2027-04-30", "date", "2027", "year", "START"),
        ("the 1830s", "1830-01-01", "1839-12-31", "date", "183", "decade", None),
        ("within 90 days", None, None, "duration", "P90D", None, None),
    ]


def test_a_claims_date_reads_back_as_precisely_as_it_was_given(ledger: Ledger) -> None:
    ledger.add(_article())
    (claim,) = ledger.claim_page().items
    assert (claim.when_date, claim.when_date_end, claim.when_value, claim.when_precision, claim.when_mod) == (
        date(2027, 1, 1), date(2027, 4, 30), "2027", "year", "START")
    assert claim.date_label == "early 2027"


def test_date_labels_never_invent_a_day() -> None:
    assert [date_label(date(1830, 1, 1), "year", "1830"), date_label(date(2025, 3, 1), "month", "2025-03"),
            date_label(date(2025, 7, 1), "quarter", "2025-Q3"), date_label(date(1830, 1, 1), "decade", "183"),
            date_label(date(2025, 3, 4), "day", "2025-03-04", "APPROX"), date_label(None, text="in the coming days"),
            date_label(date(2025, 3, 4))] == [
        "1830", "March 2025", "2025-Q3", "1830s", "about 2025-03-04", "“in the coming days”", "2025-03-04"]
