"""Dates written in scraped text: a "date YYYY-MM-DD" prefix, datelines like "27 March 2025, 15:21"
or "Dec 21, 2023". Only complete dates (day, month, year): a partial one is never filled in."""

from __future__ import annotations

import re
from datetime import date

DATE_PREFIX = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\b", re.I)
MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)


def _make(year: str, month: int, day: str) -> date | None:
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def find_date(line: str) -> date | None:
    """The first complete date written in ``line``, or None."""
    if m := _ISO.search(line):
        return _make(m.group(1), int(m.group(2)), m.group(3))
    if m := _DAY_MONTH.search(line):
        return _make(m.group(3), MONTHS[m.group(2).casefold()[:3]], m.group(1))
    if m := _MONTH_DAY.search(line):
        return _make(m.group(3), MONTHS[m.group(1).casefold()[:3]], m.group(2))
    return None
