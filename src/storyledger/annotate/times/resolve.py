"""Resolve a time expression ("on Tuesday", "this afternoon", "next week") against a reference date.

News writes relative times: a bare weekday means the most recent such day (or the day itself),
"this afternoon" the publication day, "in the coming days" a short stretch after it. Those rules
are written here because dateparser reads bare weekdays as "last week's" day and knows no vague
ranges; absolute and calendar-relative dates ("27 March 2025", "16 days ago", "next month") go to
dateparser, whose period (day, week, month, year) becomes a range.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_TODAY = re.compile(r"\b(today|this (morning|afternoon|evening)|tonight|earlier today|later today)\b", re.I)
_YESTERDAY = re.compile(r"\b(yesterday|last night)\b", re.I)
_TOMORROW = re.compile(r"\btomorrow\b", re.I)
_COMING = re.compile(r"\b(?:the )?(coming|next (?:few|couple of)|following) [\"“”']?(days?|weeks?|months?)\b", re.I)
_THIS_PERIOD = re.compile(r"\b(this|next|last|past) (week|month|year)\b", re.I)
_VAGUE = re.compile(r"^\W*(?:(?:the )?(?:days?|weeks?|months?|years?|hours?|decades?)|recent(?:ly)?|now|soon|"
                    r"currently|the (?:future|past)|\d[\d,]*-(?:year|day|month|week)-old|\d+ (?:hours|minutes))\W*$", re.I)
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:am|pm|GMT|BST|CET|ET|UTC)?|\d{1,2}\s*(?:am|pm)", re.I)
_SPAN_DAYS = {"day": 7, "days": 7, "week": 14, "weeks": 21, "month": 62, "months": 92}
Range = tuple[date | None, date | None]


@lru_cache(maxsize=64)
def _parser(published: date) -> DateDataParser:
    base = datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                                                      "RELATIVE_BASE": base})


def _weekday(low: str, published: date, future: bool) -> date | None:
    for i, day in enumerate(_WEEKDAYS):
        if re.search(rf"\b{day}\b", low):
            if future or re.search(rf"\bnext {day}\b", low):
                return published + timedelta(days=(i - published.weekday()) % 7)
            return published - timedelta(days=(published.weekday() - i) % 7)
    return None


def _period(low: str, published: date) -> Range:
    m = _THIS_PERIOD.search(low)
    if m is None:
        return None, None
    which, unit = m.group(1).lower(), m.group(2).lower()
    shift = {"this": 0, "next": 1, "last": -1, "past": -1}[which]
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        y, mo = divmod(published.year * 12 + published.month - 1 + shift, 12)
        return date(y, mo + 1, 1), date(y, mo + 1, calendar.monthrange(y, mo + 1)[1])
    return date(published.year + shift, 1, 1), date(published.year + shift, 12, 31)


def _dateparser(text: str, published: date) -> Range:
    clean = re.sub(r"^(on|in|at|by|since|from|until|as soon as|as early as)\s+", "", text.strip(), flags=re.I)
    clean = re.sub(r"['’]s$", "", clean)
    if _CLOCK.fullmatch(clean):
        return published, published
    if not re.search(r"[a-z]", clean, re.I) and not re.fullmatch(r"\d{4}", clean) and "/" not in clean:
        return None, None
    try:
        data = _parser(published).get_date_data(clean)
    except (ValueError, OverflowError, TypeError):
        return None, None
    if data is None or data.date_obj is None:
        return None, None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year" or re.fullmatch(r"\d{4}", clean):
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if period == "month":
        return date(d.year, d.month, 1), date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
    if period == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)
    return d, d


def resolve(text: str, published: date | None, future: bool = False) -> Range:
    """Return (start, end) dates, both None when the expression can't be placed in time.

    ``future`` says the expression modifies an event still to come ("will meet on Friday"), so a
    bare weekday is the next such day rather than the last one."""
    if published is None or not text.strip():
        return None, None
    low = text.lower().strip()
    if _TODAY.search(low):
        return published, published
    if _YESTERDAY.search(low):
        d = published - timedelta(days=1)
        return d, d
    if _TOMORROW.search(low):
        d = published + timedelta(days=1)
        return d, d
    coming = _COMING.search(low)
    if coming:
        return published, published + timedelta(days=_SPAN_DAYS.get(coming.group(2).lower(), 7))
    if _VAGUE.match(low):
        return None, None
    day = _weekday(low, published, future)
    if day is not None:
        return day, day
    start, end = _period(low, published)
    if start is not None:
        return start, end
    return _dateparser(text, published)
