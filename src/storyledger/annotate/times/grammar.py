"""Find English time expressions in a text and normalise each to a TIMEX3 type and value.

A rule-based tagger in the manner of HeidelTime: each rule is a regular expression over the text
(extents as TimeML draws them: "the third quarter", "a year ago", "about a decade", never the
preposition) and a function that builds the value against the document creation time (DCT).
Overlapping matches keep the longest. Underspecified dates ("March 4", "Friday", "the fourth
quarter") take their year or week from the tense of the clause (tense.py); durations and sets stay
durations and sets (P90D, XXXX-WXX-2), never a date; vague times stay vague (PRESENT_REF).

Written by hand because no maintained Python library does this: dateparser and similar parse a
string known to be a date into one datetime (no extents in running text, no precision beyond a
guessed day, no durations/sets/vague references); HeidelTime and SUTime are Java.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from storyledger.annotate.times.lexicon import (
    DAY, DECADE_WORDS, MONTH, MONTHS, NUMBER, NUMBERS, ORDINAL, ORDINALS, PART_OF_DAY, SEASON, SEASONS,
    SHORT_YEAR, UNIT, UNIT_PLURAL, UNITS, VAGUE, WEEKDAY, WEEKDAYS, YEAR,
)
from storyledger.annotate.times.periods import (
    UNIT_PRECISION, Precision, add_months, quarter, shift, value_at, value_range,
)
from storyledger.annotate.times.tense import Tense


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3: type (DATE, TIME, DURATION, SET), value (None when it can't be placed), mod."""

    type: str
    value: str | None
    mod: str | None = None


@dataclass(slots=True)
class Context:
    """What a rule may look at besides its match: the text, the DCT, the clause's tense, the parse's
    word classes, and what the document spoke of last (a quarter, a day)."""

    text: str
    dct: date | None
    tense: Callable[[int, int], Tense]
    is_noun: Callable[[int, int], bool]
    quarter: date | None = None
    day: date | None = None
    last: tuple[date, Precision] | None = None


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    timex: Timex


Build = Callable[[re.Match, Context], Timex | None]
Accept = Callable[[re.Match, Context], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern
    build: Build
    accept: Accept | None = None


RULES: list[Rule] = []
_B = r"(?<![\w'’$#.-])"  # no match inside a word, a number or a money amount
_E = r"(?![\w]|['’]\w\w|-\w)"  # nor into one ("1990s", "May's" is fine: 's is one letter)


def rule(pattern: str, accept: Accept | None = None):
    def register(build: Build) -> Build:
        RULES.append(Rule(re.compile(_B + pattern + _E, re.IGNORECASE), build, accept))
        return build
    return register


_MOD_WORDS = {"early": "START", "earlier": "START", "beginning": "START", "start": "START", "late": "END",
              "later": "END", "end": "END", "mid": "MID", "middle": "MID"}
MODS = r"(?:early|earlier|late|later|mid|middle|(?:the\s+)?(?:end|beginning|start|middle)\s+of(?:\s+the)?)"


def _mod(m: re.Match, group: str = "mod") -> str | None:
    text = m.groupdict().get(group)
    if not text:
        return None
    word = re.sub(r"^the\s+|\s+of(\s+the)?$", "", text.lower()).strip()
    return _MOD_WORDS.get(word)


def _number(text: str) -> float | None:
    low = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    if low in NUMBERS:
        return NUMBERS[low]
    if re.fullmatch(r"\d+(\.\d+)?", low):
        return float(low)
    if m := re.fullmatch(r"(\d+) (\d)/(\d)", low):
        return int(m[1]) + int(m[2]) / int(m[3])
    parts = low.split(" ")
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


_PLURALS = {"centuries": "century", "millennia": "millennium"}


def _unit_word(word: str) -> str:
    low = word.lower()
    return _PLURALS.get(low) or (low[:-1] if low.endswith("s") else low)


def _unit(word: str) -> str:
    """The TIMEX3 letter of a unit word ("years" -> Y, "decade" -> DE)."""
    return UNITS.get(_unit_word(word), ("D", False))[0]


def _in_year(dct: date, tense: Tense, bounds: Callable[[int], tuple[date, date]]) -> int:
    """The year of a period given without one: the last such period before the DCT in a past clause,
    the next one in a future clause, otherwise the one nearest the DCT (a deadline, a plan, a report)."""
    if tense is Tense.PAST:
        return dct.year if bounds(dct.year)[0] <= dct else dct.year - 1
    if tense.forward:
        return dct.year if bounds(dct.year)[1] >= dct else dct.year + 1

    def distance(y: int) -> int:
        first, last = bounds(y)
        return max((first - dct).days, (dct - last).days, 0)
    return min((dct.year, dct.year - 1, dct.year + 1), key=distance)


def _month_bounds(month: int) -> Callable[[int], tuple[date, date]]:
    return lambda y: (date(y, month, 1), add_months(date(y, month, 1), 1) - timedelta(days=1))


def _day_bounds(month: int, day: int) -> Callable[[int], tuple[date, date]]:
    def bounds(y: int) -> tuple[date, date]:
        d = _safe_date(y, month, day) or date(y, month, 28)
        return d, d
    return bounds


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year(text: str, dct: date | None) -> int | None:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        century = (dct.year // 100 * 100) if dct else 1900
        year = century + int(digits)
        return year - 100 if dct and year > dct.year + 20 else year
    return None


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _tense(m: re.Match, ctx: Context) -> Tense:
    """The clause's tense, unless a word just before fixes the direction ("effective June 1")."""
    before = ctx.text[max(0, m.start() - 16):m.start()]
    if re.search(r"\b(?:effective|starting|beginning)\s+(?:on\s+)?$", before, re.I):
        return Tense.FUTURE
    if re.match(r"['’]s\b", ctx.text[m.end():m.end() + 3]):
        return Tense.PAST  # "Wednesday's ruling", "the March 4 vote's outcome": an event spoken of as done
    return ctx.tense(m.start(), m.end())


_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "jun", "sat", "sun", "wed", "dec", "aug"}


def _month_ok(m: re.Match, ctx: Context) -> bool:
    """A month name alone is a date unless it is a verb ("may"), a first name ("Jan Kavan": an
    abbreviation needs its period) or a title ("the March for Life")."""
    word = m.group("mon")
    if word.lower() in MONTHS and len(word) <= 4 and word.lower() not in ("may", "june", "july"):
        return False
    if re.match(r"\s+(?:for\s+[A-Z]|of\s+the|of\s+[A-Z])", ctx.text[m.end():m.end() + 8]):
        return False
    return word.lower().rstrip(".") not in _AMBIGUOUS_MONTHS or ctx.is_noun(m.start("mon"), m.end("mon"))


# ---- calendar dates -------------------------------------------------------------------------------

@rule(rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<mon>{MONTH})\s+(?P<day>{DAY})|(?:the\s+)?(?P<day2>{DAY})(?:\s+of)?\s+"
      rf"(?P<mon2>{MONTH}))(?!\d|,\d{{3}})(?:,?\s+(?P<year>{YEAR}|{SHORT_YEAR})(?!\d))?")
def _calendar_day(m: re.Match, ctx: Context) -> Timex | None:
    month = _month(m.group("mon") or m.group("mon2"))
    day = int(re.sub(r"\D", "", m.group("day") or m.group("day2")))
    if m.group("year"):
        d = _safe_date(_year(m.group("year"), ctx.dct) or 0, month, day)
        return Timex("DATE", d.isoformat() if d else None)
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-{month:02d}-{day:02d}")
    d = _safe_date(_in_year(ctx.dct, _tense(m, ctx), _day_bounds(month, day)), month, day)
    return Timex("DATE", d.isoformat() if d else None)


@rule(rf"(?:(?P<mod>{MODS})[\s-]*)?(?P<mon>{MONTH})(?:\s+of|,)?\s+(?P<year>{YEAR}|{SHORT_YEAR})(?!\d)")
def _month_year(m: re.Match, ctx: Context) -> Timex | None:
    return Timex("DATE", f"{_year(m.group('year'), ctx.dct)}-{_month(m.group('mon')):02d}", _mod(m))


@rule(rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+coming|the\s+past|the\s+previous|the\s+following)"
      rf"\s+|(?P<mod>{MODS})[\s-]*)?(?P<mon>{MONTH})(?!\s*\d)", accept=_month_ok)
def _month_alone(m: re.Match, ctx: Context) -> Timex | None:
    month = _month(m.group("mon"))
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-{month:02d}", _mod(m))
    rel = (m.group("rel") or "").lower()
    tense = Tense.PAST if re.search(r"last|past|previous", rel) else Tense.FUTURE if re.search(
        r"next|coming|following", rel) else Tense.PRESENT if rel == "this" else _tense(m, ctx)
    year = ctx.dct.year if rel == "this" else _in_year(ctx.dct, tense, _month_bounds(month))
    if rel == "last" and year == ctx.dct.year and month >= ctx.dct.month:
        year -= 1
    if rel == "next" and year == ctx.dct.year and month <= ctx.dct.month:
        year += 1
    return Timex("DATE", f"{year}-{month:02d}", _mod(m))


@rule(r"(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d\d)(?![/\d])")
def _us_numeric(m: re.Match, ctx: Context) -> Timex | None:
    d = _safe_date(_year(m.group("y"), ctx.dct) or 0, int(m.group("m")), int(m.group("d")))
    return Timex("DATE", d.isoformat()) if d else None


@rule(r"(?P<y>(?:19|20)\d\d)-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])")
def _iso_date(m: re.Match, ctx: Context) -> Timex | None:
    d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return Timex("DATE", d.isoformat()) if d else None


def _weekday_date(anchor: date, weekday: int, tense: Tense, rel: str) -> date:
    ahead = (weekday - anchor.isoweekday()) % 7
    behind = (anchor.isoweekday() - weekday) % 7
    if rel in ("last", "previous") or "past" in rel:
        return anchor - timedelta(days=behind or 7)
    if rel in ("next", "following") or "coming" in rel:
        return anchor + timedelta(days=ahead or 7)
    if rel == "this":
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    if tense.forward:
        return anchor + timedelta(days=ahead)
    if tense is Tense.PAST or behind <= ahead:
        return anchor - timedelta(days=behind)
    return anchor + timedelta(days=ahead)


@rule(rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|early|late|earlier|later|the\s+previous|the\s+following)\s+)?(?P<wd>{WEEKDAY})"
      rf"(?:\s+(?P<part>{PART_OF_DAY}))?", accept=lambda m, ctx: _weekday_ok(m, ctx))
def _weekday(m: re.Match, ctx: Context) -> Timex | None:
    weekday = WEEKDAYS[m.group("wd").lower().rstrip(".")]
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-WXX-{weekday}")
    rel = (m.group("rel") or "").lower()
    if rel.startswith("the "):
        d = _weekday_date(ctx.day or ctx.dct, weekday, Tense.UNKNOWN, rel[4:])
    else:
        d = _weekday_date(ctx.dct, weekday, _tense(m, ctx), rel)
    ctx.day = d
    return Timex("DATE", d.isoformat())


def _weekday_ok(m: re.Match, ctx: Context) -> bool:
    word = m.group("wd").lower().rstrip(".")
    return word not in ("sat", "sun", "wed") or ctx.is_noun(m.start("wd"), m.end("wd"))


_HOLIDAYS = {"christmas day": (12, 25), "christmas": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "independence day": (7, 4), "valentine's day": (2, 14),
             "halloween": (10, 31), "veterans day": (11, 11), "boxing day": (12, 26)}
_NTH_WEEKDAY_HOLIDAYS = {"thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
                         "memorial day": (5, 1, -1), "election day": (11, 2, 0), "mother's day": (5, 7, 2),
                         "father's day": (6, 7, 3), "martin luther king day": (1, 1, 3)}


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    """The n-th ``weekday`` (1=Monday) of a month; n=-1 the last; n=0 the Tuesday after the first Monday."""
    if n == 0:
        return _nth_weekday(y, month, 1, 1) + timedelta(days=1)
    if n < 0:
        last = add_months(date(y, month, 1), 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(y, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


_HOLIDAY_NAMES = "|".join(re.escape(h).replace("'", "['’]").replace(r"\ ", r"\s+")
                          for h in sorted({**_HOLIDAYS, **_NTH_WEEKDAY_HOLIDAYS}, key=len, reverse=True))


@rule(rf"(?:(?P<rel>last|this|next)\s+)?(?P<h>{_HOLIDAY_NAMES})"
      rf"(?:,?\s+(?P<year>{YEAR}))?", accept=lambda m, ctx: m.group("h")[0].isupper())
def _holiday(m: re.Match, ctx: Context) -> Timex | None:
    name = re.sub(r"\s+", " ", m.group("h").lower().replace("’", "'"))

    def on(y: int) -> date:
        if name in _HOLIDAYS:
            return date(y, *_HOLIDAYS[name])
        month, weekday, n = _NTH_WEEKDAY_HOLIDAYS[name]
        return _nth_weekday(y, month, weekday, n)

    if m.group("year"):
        return Timex("DATE", on(int(m.group("year"))).isoformat())
    if ctx.dct is None:
        return Timex("DATE", None)
    rel = (m.group("rel") or "").lower()
    tense = {"last": Tense.PAST, "next": Tense.FUTURE}.get(rel) or _tense(m, ctx)
    return Timex("DATE", on(_in_year(ctx.dct, tense, lambda y: (on(y), on(y)))).isoformat())


# ---- years, decades, centuries, seasons ------------------------------------------------------------

def _year_ok(m: re.Match, ctx: Context) -> bool:
    """A bare four-digit number is a year unless it counts something ("1990 troops", "in 2000 cases")."""
    if m.group("fiscal") or m.group("mod") or m.group("the"):
        return True
    after = ctx.text[m.end(): m.end() + 12]
    if re.match(r"\s*(%|percent|per\s+cent|to\s+\d|-\d|[.,]\d|\s*(?:[a-z]+s|people|men|women)\b)", after):
        return False
    return not re.search(r"(?:\$|#|No\.|number|page|rule|flight|route|about|some|over|than)\s*$",
                         ctx.text[max(0, m.start() - 10): m.start()], re.I)


@rule(rf"(?P<the>the\s+year\s+)?(?:(?P<mod>{MODS})[\s-]*)?(?P<fiscal>(?:fiscal|calendar)(?:\s+year)?\s+|FY\s*)?"
      rf"(?P<year>{YEAR}|(?<=fiscal\s){SHORT_YEAR})(?!\d|['’]?s\b)", accept=_year_ok)
def _year_alone(m: re.Match, ctx: Context) -> Timex | None:
    return Timex("DATE", str(_year(m.group("year"), ctx.dct)), _mod(m))


@rule(rf"(?:the\s+)?(?:(?P<mod>early|mid|late|middle)[\s-]*)?(?:(?P<dec>(?:1[5-9]|20)\d0)['’]?s|['’](?P<dec2>\d0)['’]?s|"
      rf"(?P<decw>{'|'.join(DECADE_WORDS)}))")
def _decade(m: re.Match, ctx: Context) -> Timex | None:
    if m.group("dec"):
        return Timex("DATE", m.group("dec")[:3], _mod(m))
    if m.group("dec2"):
        return Timex("DATE", str((_year(m.group("dec2"), ctx.dct) or 1900) // 10), _mod(m))
    return Timex("DATE", f"19{DECADE_WORDS[m.group('decw').lower()]}", _mod(m))


@rule(rf"(?:the\s+)?(?:(?P<mod>early|mid|late|middle)[\s-]*)?(?:(?P<ord>{ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))|"
      rf"(?P<rel>this|last|next|the\s+last|the\s+past|the\s+current))[\s-]+century")
def _century(m: re.Match, ctx: Context) -> Timex | None:
    if m.group("ord"):
        n = ORDINALS.get(m.group("ord").lower()) or int(re.sub(r"\D", "", m.group("ord")) or 0)
        return Timex("DATE", f"{n - 1:02d}", _mod(m)) if n > 0 else None
    if ctx.dct is None:
        return Timex("DATE", None)
    rel = m.group("rel").lower()
    if "past" in rel or rel == "the last":
        return Timex("DURATION", "P100Y")
    shift_by = {"this": 0, "the current": 0, "last": -1, "next": 1}[rel]
    return Timex("DATE", f"{ctx.dct.year // 100 + shift_by:02d}", _mod(m))


def _season_ok(m: re.Match, ctx: Context) -> bool:
    if m.group("rel") or m.group("year") or m.group("mod"):
        return ctx.is_noun(m.start("season"), m.end("season"))
    before = ctx.text[max(0, m.start() - 12): m.start()].lower()
    preposition = r"\b(in|during|by|until|till|since|through|this|last|next|early|late|of)\s+(the\s+)?$"
    return bool(re.search(preposition, before)
                ) and ctx.is_noun(m.start("season"), m.end("season"))


@rule(rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+coming|the\s+past|the)\s+)?"
      rf"(?:(?P<mod>early|late|mid|middle)[\s-]*)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR}))?",
      accept=_season_ok)
def _season(m: re.Match, ctx: Context) -> Timex | None:
    code = SEASONS[m.group("season").lower()]
    if m.group("year"):
        return Timex("DATE", f"{m.group('year')}-{code}", _mod(m))
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-{code}", _mod(m))
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    rel = (m.group("rel") or "").lower()
    tense = Tense.PAST if re.search(r"last|past", rel) else Tense.FUTURE if re.search(
        r"next|coming", rel) else Tense.PRESENT if rel.startswith("this") else _tense(m, ctx)
    def bounds(y: int) -> tuple[date, date]:
        return date(y, first, 1), add_months(date(y, first, 1), 3) - timedelta(days=1)
    year = _in_year(ctx.dct, tense, bounds)
    if re.search(r"last|past", rel) and bounds(year)[1] >= ctx.dct:
        year -= 1  # "last summer" said in August: the summer before this one
    if re.search(r"next|coming", rel) and bounds(year)[0] <= ctx.dct:
        year += 1
    return Timex("DATE", f"{year}-{code}", _mod(m))


# ---- quarters and halves ---------------------------------------------------------------------------

_QORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
_YEAR_REF = rf"(?:(?:fiscal|calendar)\s+)?(?:{YEAR}|this\s+year|last\s+year|next\s+year|the\s+year)"


def _year_ref(text: str | None, ctx: Context) -> int | None:
    if not text:
        return None
    low = text.lower()
    if m := re.search(YEAR, text):
        return int(m.group(0))
    if ctx.dct is None:
        return None
    return ctx.dct.year + (-1 if "last" in low else 1 if "next" in low else 0)


@rule(rf"(?:the\s+(?!\w+-(?:quarter|half)))?(?:(?:comparable\s+|same\s+)?(?P<ago>year-ago|year-earlier|year\s+earlier|prior-year|"
      rf"previous-year)\s+|(?P<yr1>{_YEAR_REF})(?:['’]s)?\s+)?{_QORD}(?:\s+fiscal)?[\s-]+(?P<unit>quarter|half|period)"
      rf"(?:\s+of\s+(?P<yr2>{_YEAR_REF})|,?\s+(?P<yr3>{YEAR}))?")
def _ordinal_quarter(m: re.Match, ctx: Context) -> Timex | None:
    unit = m.group("unit").lower()
    if unit == "period":
        return None
    n = {"final": 4 if unit == "quarter" else 2, "last": 4 if unit == "quarter" else 2}.get(
        m.group("ord").lower()) or ORDINALS[m.group("ord").lower()]
    letter = "Q" if unit == "quarter" else "H"
    if letter == "H" and n > 2:
        return None
    year = _year_ref(m.group("yr1") or m.group("yr2") or m.group("yr3"), ctx)
    if year is None:
        if ctx.dct is None:
            return Timex("DATE", f"XXXX-{letter}{n}")
        months = 3 if letter == "Q" else 6
        first = months * (n - 1) + 1
        # A quarter or half is mostly spoken of once it has begun (results are reported after it
        # ends: "expects to report third-quarter profit"), so the latest begun, unless the clause is
        # in the future tense ("will open in the third quarter").
        tense = Tense.FUTURE if _tense(m, ctx) is Tense.FUTURE else Tense.PAST
        year = _in_year(ctx.dct, tense,
                        lambda y: (date(y, first, 1), add_months(date(y, first, 1), months) - timedelta(days=1)))
        if m.group("ago"):
            year = (ctx.quarter.year if ctx.quarter else year) - 1
    if letter == "Q" and not m.group("ago"):
        ctx.quarter = date(year, 3 * n - 2, 1)
    return Timex("DATE", f"{year}-{letter}{n}")


_QWHICH = (r"(?P<which>latest|current|previous|past|last|next|coming|this|year-earlier|year-ago|year\s+earlier|"
           r"same|comparable|recent|prior|just-ended|just\s+ended|most\s+recent|(?:19|20)\d\d)")


@rule(rf"(?:the\s+)?(?:(?:comparable|same)\s+)?(?:{_QWHICH}(?:\s+|-))?(?:fiscal\s+)?(?P<unit>quarter|period)(?:\s+a\s+year\s+(?P<ago>earlier|ago))?")
def _named_quarter(m: re.Match, ctx: Context) -> Timex | None:
    which = re.sub(r"\s+", "-", (m.group("which") or "").lower())
    text = m.group(0).lower()
    if m.group("unit").lower() == "period" and not which:
        return None
    if ctx.dct is None:
        return Timex("DATE", None)
    last_done = add_months(date(ctx.dct.year, 3 * quarter(ctx.dct) - 2, 1), -3)
    reporting = ctx.quarter or last_done
    if which in ("current", "this"):
        q = date(ctx.dct.year, 3 * quarter(ctx.dct) - 2, 1)
    elif which in ("next", "coming"):
        q = add_months(date(ctx.dct.year, 3 * quarter(ctx.dct) - 2, 1), 3)
    elif which in ("latest", "just-ended", "most-recent", "recent", "last", "past"):
        q = last_done
    elif which in ("previous", "prior"):
        q = add_months(reporting, -3)
    elif which in ("year-earlier", "year-ago", "same", "comparable") or m.group("ago"):
        q = add_months(reporting, -12)
    elif which.isdigit():
        q = date(int(which), reporting.month, 1)
    elif not text.startswith("the"):
        return None
    else:
        q = reporting
    if not which.startswith("year") and which not in ("same", "comparable") and not which.isdigit():
        ctx.quarter = q
    return Timex("DATE", value_at(q, Precision.QUARTER))


@rule(r"(?:the\s+)?(?:first|1st)\s+(?:two|2)\s+quarters(?:\s+of\s+(?P<yr>(?:19|20)\d\d))?")
def _first_two_quarters(m: re.Match, ctx: Context) -> Timex | None:
    year = int(m.group("yr")) if m.group("yr") else ctx.dct.year if ctx.dct else None
    return Timex("DATE", f"{year}-H1" if year else None)


# ---- relative to the DCT ---------------------------------------------------------------------------

_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


@rule(rf"(?:(?P<mod>early|earlier|late|later)\s+)?(?:(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>{PART_OF_DAY}))?"
      rf"|(?P<this>this|last|tomorrow|yesterday)\s+(?P<part2>{PART_OF_DAY})|the\s+day\s+(?P<ba>before|after)\s+"
      rf"(?P<word2>yesterday|tomorrow))")
def _day_word(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.dct is None:
        return Timex("DATE", None)
    if m.group("word2"):
        offset = 2 * _DAY_WORDS[m.group("word2").lower()]
    elif m.group("word"):
        offset = _DAY_WORDS[m.group("word").lower()]
    else:
        offset = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[m.group("this").lower()]
    d = ctx.dct + timedelta(days=offset)
    ctx.day = d
    part = m.group("part2") or m.group("part")
    if m.group("this") and m.group("this").lower() == "this" and part:
        return Timex("TIME", f"{d.isoformat()}T{_part_code(part)}")
    return Timex("DATE", d.isoformat(), _mod(m))


def _part_code(word: str) -> str:
    return {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}[word.lower()]


_REL_SHIFT = {"last": -1, "past": -1, "previous": -1, "prior": -1, "this": 0, "current": 0, "next": 1,
              "coming": 1, "following": 1, "latest": 0}


@rule(rf"(?:(?P<mod>{MODS})\s+)?(?P<rel>(?:the\s+)?(?:last|past|previous|prior|this|current|next|coming|following))"
      rf"\s+(?P<unit>week|month|year|weekend|decade)")
def _relative_period(m: re.Match, ctx: Context) -> Timex | None:
    rel = m.group("rel").lower()
    unit = _unit(m.group("unit"))
    word = rel.split()[-1]
    if rel.startswith("the") and word in ("past", "last", "next", "coming") and not m.group("mod"):
        before = ctx.text[max(0, m.start() - 12): m.start()].lower()
        if re.search(r"\b(over|during|for|within|throughout|in)\s+$", before) and unit != "WE":
            return Timex("DURATION", f"P1{unit}")
    if ctx.dct is None:
        return Timex("DATE", None, _mod(m))
    d = shift(ctx.dct, unit, _REL_SHIFT[word])
    if word in ("following", "previous", "prior") and rel.startswith("the"):
        if ctx.last is None:
            return Timex("DATE", None, _mod(m))
        d = shift(ctx.last[0], unit, 1 if word == "following" else -1)
    return Timex("DATE", value_at(d, UNIT_PRECISION[unit]), _mod(m))


@rule(rf"(?P<ye>year-end|year\s+end|month-end)|(?P<mod>{MODS})\s+(?:the\s+)?(?P<unit>week|month|year)|"
      r"(?P<mod2>earlier|later)\s+in\s+the\s+year|(?P<whole>the\s+(?:full\s+|current\s+|fiscal\s+|calendar\s+)?year)",
      accept=lambda m, ctx: not m.group("whole") or bool(re.search(
          r"\b(?:for|of|in|during|through|throughout)\s+$", ctx.text[max(0, m.start() - 12):m.start()], re.I)))
def _this_period(m: re.Match, ctx: Context) -> Timex | None:
    """The DCT's year, month or week, or a part of it: "year-end", "the end of the month", "for the year"."""
    word = (m.group("ye") or m.group("unit") or "year").lower()
    mod = "END" if m.group("ye") else _mod(m) or _mod(m, "mod2")
    if ctx.dct is None:
        return Timex("DATE", None, mod)
    unit = "M" if word.startswith("month") else "W" if word == "week" else "Y"
    return Timex("DATE", value_at(ctx.dct, UNIT_PRECISION[unit]), mod)


@rule(r"(?:the\s+)?weekend", accept=lambda m, ctx: bool(re.search(
    r"\b(?:over|during|on|at|for|through|since|until|before|after|of|by|this)\s+$",
    ctx.text[max(0, m.start() - 10):m.start()],
    re.I)))
def _weekend(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.dct is None:
        return Timex("DATE", None)
    weekday = ctx.dct.isoweekday()
    if _tense(m, ctx).forward and weekday < 6:
        d = ctx.dct + timedelta(days=6 - weekday)
    else:
        d = ctx.dct - timedelta(days=(weekday - 6) % 7)
    return Timex("DATE", value_at(d, Precision.WEEKEND))


@rule(r"that\s+(?P<unit>year|month|week|quarter)")
def _that_period(m: re.Match, ctx: Context) -> Timex | None:
    unit = m.group("unit").lower()
    if unit == "quarter":
        return Timex("DATE", value_at(ctx.quarter, Precision.QUARTER) if ctx.quarter else None)
    precision = UNIT_PRECISION[_unit(unit)]
    if ctx.last is None or _PRECISION_ORDER.index(ctx.last[1]) > _PRECISION_ORDER.index(precision):
        return Timex("DATE", None)
    return Timex("DATE", value_at(ctx.last[0], precision))


_PRECISION_ORDER = [Precision.TIME, Precision.DAY, Precision.WEEKEND, Precision.WEEK, Precision.MONTH, Precision.SEASON,
                    Precision.QUARTER, Precision.HALF, Precision.YEAR, Precision.DECADE, Precision.CENTURY]


@rule(rf"(?:(?P<mod>{MODS})\s+)(?P<rel>this|last|next)\s+(?P<unit>week|month|year|decade|century)|"
      rf"(?P<mod2>earlier|later)\s+(?:in\s+)?(?P<rel2>this|that)\s+(?P<unit2>day|week|month|year)")
def _part_of_period(m: re.Match, ctx: Context) -> Timex | None:
    if m.group("mod2"):
        unit = _unit(m.group("unit2"))
        rel = m.group("rel2").lower()
        mod = _MOD_WORDS[m.group("mod2").lower()]
        if rel == "that" and ctx.day is None:
            return Timex("DATE", None, mod)
        anchor = ctx.day if rel == "that" else ctx.dct
        return Timex("DATE", value_at(anchor, UNIT_PRECISION[unit]) if anchor else None, mod)
    if ctx.dct is None:
        return Timex("DATE", None, _mod(m))
    unit = _unit(m.group("unit"))
    d = shift(ctx.dct, unit, _REL_SHIFT[m.group("rel").lower()])
    return Timex("DATE", value_at(d, UNIT_PRECISION[unit]), _mod(m))


_APPROX = (r"(?:about|nearly|almost|some|roughly|approximately|around|more\s+than|less\s+than|fewer\s+than|"
           r"at\s+least|at\s+most|over|under|up\s+to|only|just|barely|well\s+over)")
_APPROX_MOD = {"about": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "some": "APPROX",
               "roughly": "APPROX", "approximately": "APPROX", "around": "APPROX", "more than": "MORE_THAN",
               "less than": "LESS_THAN", "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE",
               "at most": "EQUAL_OR_LESS", "over": "MORE_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
               "well over": "MORE_THAN"}


def _approx(m: re.Match) -> str | None:
    text = m.groupdict().get("approx")
    return _APPROX_MOD.get(re.sub(r"\s+", " ", text.lower())) if text else None


@rule(rf"(?:(?P<approx>{_APPROX})\s+)?(?P<num>{NUMBER}|{VAGUE})\s+(?P<unit>{UNIT}|{UNIT_PLURAL})\s+"
      r"(?P<dir>ago|earlier|later|from\s+now|hence|back|previously)")
def _offset(m: re.Match, ctx: Context) -> Timex | None:
    unit = _unit(m.group("unit"))
    n = _number(m.group("num"))
    back = m.group("dir").lower() in ("ago", "earlier", "back", "previously")
    if n is None:
        return Timex("DATE", "PAST_REF" if back else "FUTURE_REF")
    if unit in ("H", "M", "S") and m.group("unit").lower().startswith(("hour", "minute", "second")):
        return Timex("DATE", (ctx.dct.isoformat() if ctx.dct else None), _approx(m))
    anchor = ctx.dct if m.group("dir").lower() in ("ago", "from now", "hence", "back") else (ctx.day or ctx.dct)
    if anchor is None:
        return Timex("DATE", None)
    steps = int(n) if n == int(n) else n
    if not isinstance(steps, int):
        return Timex("DATE", None, _approx(m))
    if back and unit == "Y" and steps == 1 and ctx.quarter is not None:
        # "profit rose to $5 million from $4 million a year earlier": the same quarter, a year before
        return Timex("DATE", value_at(add_months(ctx.quarter, -12), Precision.QUARTER), _approx(m))
    d = shift(anchor, unit, -steps if back else steps)
    return Timex("DATE", value_at(d, UNIT_PRECISION[unit]), _approx(m))


@rule(r"(?P<adj>year-earlier|year-ago|a\s+year\s+(?:earlier|ago))")
def _year_earlier(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.dct is None:
        return Timex("DATE", None)
    if ctx.quarter is not None:
        return Timex("DATE", value_at(add_months(ctx.quarter, -12), Precision.QUARTER))
    return Timex("DATE", str(ctx.dct.year - 1))


@rule(r"(?:the\s+)?(?P<rel>next|following|previous|prior|same)\s+(?P<unit>day|morning|night|evening|week|month|year)|"
      r"(?P<that>that|the)\s+(?P<unit2>same\s+day|day|morning|night|evening)")
def _anaphoric(m: re.Match, ctx: Context) -> Timex | None:
    anchor = ctx.day
    if m.group("that"):
        if m.group("that").lower() == "the" and not m.group("unit2").lower().startswith("same"):
            return None
        return Timex("DATE", anchor.isoformat() if anchor else None)
    if anchor is None:
        return None
    unit = _unit(m.group("unit")) if m.group("unit").lower() in ("day", "week", "month", "year") else "D"
    rel = m.group("rel").lower()
    step = 0 if rel == "same" else -1 if rel in ("previous", "prior") else 1
    d = shift(anchor, unit, step)
    return Timex("DATE", value_at(d, UNIT_PRECISION[unit]))


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF", "at present": "PRESENT_REF",
         "these days": "PRESENT_REF", "nowadays": "PRESENT_REF", "the present": "PRESENT_REF", "current": "PRESENT_REF",
         "right now": "PRESENT_REF", "at the moment": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
         "lately": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF",
         "the future": "FUTURE_REF", "soon": "FUTURE_REF", "the near future": "FUTURE_REF",
         "a later date": "FUTURE_REF", "recent years": "PAST_REF", "recent months": "PAST_REF",
         "recent weeks": "PAST_REF", "recent days": "PAST_REF", "coming years": "FUTURE_REF",
         "coming months": "FUTURE_REF", "coming weeks": "FUTURE_REF", "coming days": "FUTURE_REF",
         "the coming years": "FUTURE_REF", "the coming months": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
         "the coming days": "FUTURE_REF", "the years ahead": "FUTURE_REF", "the months ahead": "FUTURE_REF",
         "the weeks ahead": "FUTURE_REF", "the days ahead": "FUTURE_REF", "the recent past": "PAST_REF",
         "the distant past": "PAST_REF", "the distant future": "FUTURE_REF", "the short term": "FUTURE_REF",
         "the near term": "FUTURE_REF", "the long term": "FUTURE_REF", "coming quarters": "FUTURE_REF",
         "the coming quarters": "FUTURE_REF", "recent quarters": "PAST_REF"}
_REF_NAMES = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(_REFS, key=len, reverse=True))


def _ref_ok(m: re.Match, ctx: Context) -> bool:
    word = re.sub(r"\s+", " ", m.group("ref").lower())
    if word in ("current", "recent"):
        return not ctx.is_noun(m.start("ref"), m.end("ref"))
    if word == "soon":
        return not re.search(r"\bas\s+$", ctx.text[max(0, m.start() - 4):m.start()])
    return True


_Q = "[\"“”'‘’]?"


@rule(rf"(?:the\s+)?(?P<which>coming|next\s+few|recent|ensuing){_Q}\s*{_Q}(?:days|weeks|months|years|quarters|decades)"
      rf"(?:\s+(?:and|or)\s+(?:days|weeks|months|years|decades))?{_Q}")
def _vague_span(m: re.Match, ctx: Context) -> Timex | None:
    """"In the coming days", "in recent “weeks and months”": vague, and kept so (no invented range)."""
    return Timex("DATE", "PAST_REF" if m.group("which").lower() == "recent" else "FUTURE_REF")


@rule(rf"(?P<ref>{_REF_NAMES})", accept=_ref_ok)
def _reference(m: re.Match, ctx: Context) -> Timex | None:
    return Timex("DATE", _REFS[re.sub(r"\s+", " ", m.group("ref").lower())])


# ---- times of day ----------------------------------------------------------------------------------

_ZONE = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|EET|local\s+time)"
_AMPM = r"(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m)"
_CLOCK = (rf"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>{_AMPM})|"
          r"(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)|(?P<noon>noon|midnight|midday))")


@rule(rf"(?:(?P<wd1>{WEEKDAY}|today|yesterday|tomorrow)(?:,?\s+at)?\s+)?{_CLOCK}(?:\s+(?P<zone>{_ZONE}))?"
      rf"(?:,?\s+(?:on\s+)?(?P<wd2>{WEEKDAY}|today|yesterday|tomorrow))?")
def _clock(m: re.Match, ctx: Context) -> Timex | None:
    if m.group("noon"):
        hh, mm = (0 if m.group("noon").lower() == "midnight" else 12), 0
    elif m.group("h24") is not None:
        hh, mm = int(m.group("h24")), int(m.group("min24"))
    else:
        hh = int(m.group("h")) % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
        mm = int(m.group("min") or 0)
    day_word = (m.group("wd1") or m.group("wd2") or "").lower().rstrip(".")
    if ctx.dct is None:
        return Timex("TIME", None)
    if day_word in _DAY_WORDS:
        d = ctx.dct + timedelta(days=_DAY_WORDS[day_word])
    elif day_word:
        d = _weekday_date(ctx.dct, WEEKDAYS[day_word], _tense(m, ctx), "")
    else:
        d = ctx.day or ctx.dct
    ctx.day = d
    return Timex("TIME", f"{d.isoformat()}T{hh:02d}:{mm:02d}")


# ---- durations and sets ----------------------------------------------------------------------------

# A fraction of a unit in the next smaller one: (per unit, letter, whether a time-of-day unit).
_FRACTIONS = {("Y", False): (12, "M", False), ("M", False): (30, "D", False), ("W", False): (7, "D", False),
              ("D", False): (24, "H", True), ("H", True): (60, "M", True), ("M", True): (60, "S", True)}


def _duration_value(n: float | None, unit_word: str) -> str:
    """The TIMEX3 duration: "2 1/2 years" P2Y6M, "a minute and a half" PT1M30S, "several years" PXY."""
    letter, clock = UNITS.get(_unit_word(unit_word), ("D", False))
    if letter == "Q":
        letter, n = "M", None if n is None else 3 * n
    if n is None:
        return f"PTX{letter}" if clock else f"PX{letter}"
    parts = [(int(n), letter, clock)] if int(n) else []
    if n != int(n):
        if (letter, clock) not in _FRACTIONS:
            return f"P{'T' if clock else ''}{n:g}{letter}"
        per, sub, sub_clock = _FRACTIONS[(letter, clock)]
        parts.append((round((n - int(n)) * per), sub, sub_clock))
    day_part = "".join(f"{v}{u}" for v, u, c in parts if not c)
    time_part = "".join(f"{v}{u}" for v, u, c in parts if c)
    return f"P{day_part}" + (f"T{time_part}" if time_part else "")


_DUR_LEAD = r"(?:the\s+)?(?:(?:past|last|next|first|final|coming|previous|following|remaining|another|additional)\s+)?"


@rule(rf"(?:(?P<approx>{_APPROX})\s+)?{_DUR_LEAD}(?P<num>{NUMBER}|{VAGUE})(?:\s+more|\s+additional)?"
      rf"(?:\s+|-)(?P<unit>{UNIT}|{UNIT_PLURAL})(?P<adj>-long|-old)?(?P<half>\s+and\s+a\s+half)?",
      accept=lambda m, ctx: _duration_ok(m, ctx))
def _duration(m: re.Match, ctx: Context) -> Timex | None:
    n = _number(m.group("num"))
    if n is not None and m.group("half"):
        n += 0.5
    return Timex("DURATION", _duration_value(n, m.group("unit")), _approx(m))


def _duration_ok(m: re.Match, ctx: Context) -> bool:
    num = m.group("num").lower()
    if num in ("a", "an"):
        before = ctx.text[max(0, m.start() - 24): m.start()]
        # "$5 a year", "twice a day" are rates (sets), "a year ago" an offset rule's match
        return not re.search(r"(\d|cents?|dollars?|times|twice|once|percent|%)\s*$", before, re.I)
    if num == "some":
        return False
    return True


@rule(rf"(?:(?P<num>\d+(?:\.\d+)?|{NUMBER})(?P<sep>-|\s+)(?P<unit>year|month|week|day|hour|minute)(?P<old>-old)?|"
      r"(?P<long>year|month|week|day|hour|decade|century)-long)",
      accept=lambda m, ctx: bool(m.group("long")) or m.group("sep") == "-")
def _duration_adjective(m: re.Match, ctx: Context) -> Timex | None:
    """"a two-year contract", "a year-long inquiry"; an age ("a 30-year-old") is not a time."""
    if m.group("old"):
        return None
    if m.group("long"):
        return Timex("DURATION", _duration_value(1, m.group("long")))
    return Timex("DURATION", _duration_value(_number(m.group("num")), m.group("unit")))


@rule(r"(?:(?<=for\s)|(?<=over\s)|(?<=within\s))(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)"
      r"(?!\s+(?:of|to|ago|later|earlier))")
def _bare_duration(m: re.Match, ctx: Context) -> Timex | None:
    """"for years", "within days": a duration of unknown length."""
    return Timex("DURATION", _duration_value(None, m.group("unit")))


@rule(r"(?:(?P<times>once|twice|\d+\s+times|(?:three|four|five|six)\s+times)\s+)?(?P<q>every|each|per|a)\s+"
      rf"(?:(?P<other>other)\s+)?(?P<what>{WEEKDAY}|day|week|month|year|quarter|hour|minute|morning|night|evening|"
      r"afternoon|weekend|decade|summer|winter|spring|fall)",
      accept=lambda m, ctx: m.group("q").lower() != "a" or bool(m.group("times")) or bool(
          re.search(r"(\d|cents?|dollars?)\s*$", ctx.text[max(0, m.start() - 12): m.start()], re.I)))
def _set(m: re.Match, ctx: Context) -> Timex | None:
    what = m.group("what").lower().rstrip(".")
    every = "2" if m.group("other") else "1"
    if what in WEEKDAYS:
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS[what]}")
    if what in ("morning", "night", "evening", "afternoon"):
        return Timex("SET", f"TXX{_part_code(what)}")
    if what in SEASONS:
        return Timex("SET", f"XXXX-{SEASONS[what]}")
    return Timex("SET", _duration_value(float(every), what))


_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W"}


@rule(r"(?P<adv>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly)",
      accept=lambda m, ctx: not ctx.is_noun(m.start("adv"), m.end("adv")))
def _adverb_set(m: re.Match, ctx: Context) -> Timex | None:
    return Timex("SET", _ADVERB_SETS[m.group("adv").lower()])


# ---- selection -------------------------------------------------------------------------------------

def find(ctx: Context) -> list[Found]:
    """Every expression in ``ctx.text``, longest first where matches overlap, in text order."""
    candidates = []
    for order, r in enumerate(RULES):
        for m in r.pattern.finditer(ctx.text):
            if m.end() > m.start():
                candidates.append((-(m.end() - m.start()), order, m.start(), m, r))
    candidates.sort(key=lambda c: c[:3])
    taken = bytearray(len(ctx.text))
    chosen = []
    for _, _, start, m, r in candidates:
        end = m.end()
        if any(taken[start:end]) or (r.accept is not None and not r.accept(m, ctx)):
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((start, m, r))
    found = []
    for start, m, r in sorted(chosen, key=lambda c: c[0]):
        timex = r.build(m, ctx)
        if timex is None:
            continue
        found.append(Found(start, m.end(), timex))
        covered = value_range(timex.value) if timex.type in ("DATE", "TIME") else None
        if covered is not None and covered[2] in (Precision.DAY, Precision.TIME):
            ctx.day = covered[0]
        if covered is not None:
            ctx.last = covered[0], covered[2]
    return found
