"""Resolve a time expression ("on Tuesday", "this afternoon", "next week") against a reference date."""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_TODAY = re.compile(r"\b(today|this (morning|afternoon|evening)|tonight)\b", re.I)


def resolve(text: str, published: date | None) -> tuple[date | None, date | None]:
    """Return (start, end) dates, both None when the expression can't be placed in time."""
    if published is None:
        return None, None
    low = text.lower()
    if _TODAY.search(low):
        return published, published
    for i, day in enumerate(_WEEKDAYS):
        if re.search(rf"\b{day}\b", low):
            # News uses a bare weekday for the most recent such day (or the publication day itself).
            delta = (published.weekday() - i) % 7
            d = published - timedelta(days=delta)
            return d, d
    return None, None
