"""Resolve one time expression ("next Friday", "the third quarter", "for 90 days") against a publication
date, and turn the grammar's TIMEX3 into the TimeRef record the other stages read."""

from __future__ import annotations

from datetime import date

from storyledger.annotate.times.grammar import Context, Found, find
from storyledger.annotate.times.periods import value_range
from storyledger.annotate.times.tense import Tense
from storyledger.records import TimeRef


def to_time_ref(found: Found, text: str) -> TimeRef:
    """The record for one expression: its days and precision only when its value names a period
    (never for a duration, a set or a vague reference)."""
    covered = value_range(found.timex.value) if found.timex.type in ("DATE", "TIME") else None
    first, last, precision = covered if covered else (None, None, None)
    return TimeRef(text[found.start:found.end], found.start, found.end, first, last, kind=found.timex.type.lower(),
                   value=found.timex.value, precision=precision.value if precision else None, mod=found.timex.mod)


def resolve(text: str, published: date | None, tense: Tense = Tense.UNKNOWN) -> TimeRef | None:
    """The longest time expression in ``text``, resolved as if its clause had ``tense`` (no parse:
    every capitalised month name counts as a month); None when there is none."""
    ctx = Context(text, published, tense=lambda start, end: tense, is_noun=lambda start, end: True)
    found = find(ctx)
    if not found:
        return None
    return to_time_ref(max(found, key=lambda f: f.end - f.start), text)
