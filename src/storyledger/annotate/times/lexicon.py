"""Words of English time expressions, and the regular-expression pieces built from them."""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4, "thu": 4,
    "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "half a": 0.5, "a half": 0.5, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "one and a half": 1.5,
}
# Quantities that give no number: the value keeps the unit with an X ("several years" -> PXY).
VAGUE_QUANTITIES = ("several", "a few", "few", "many", "some", "a number of", "numerous", "countless")
# Unit word -> (TIMEX3 duration letter, whether it is a time-of-day unit).
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "weekend": ("WE", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
    "millennium": ("ML", False),
}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first so a prefix never wins ("Sept" before "Sep")."""
    return "|".join(sorted((w.replace(" ", r"\s+").replace(".", r"\.") for w in words), key=len, reverse=True))


def _cap(words) -> list[str]:
    return [w.capitalize() for w in words] + [w.upper() for w in words]


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
# Month names are capitalised in running text: "march" or "may" in lower case are the verbs.
MONTH = rf"(?-i:{alternation(_cap(_FULL_MONTHS))}|(?:{alternation(_cap(_ABBR_MONTHS))})\.?)"
_FULL_DAYS = [d for d in WEEKDAYS if d.endswith("day")]
_ABBR_DAYS = [d for d in WEEKDAYS if d not in _FULL_DAYS]
WEEKDAY = rf"(?-i:{alternation(_cap(_FULL_DAYS))}|(?:{alternation(_cap(_ABBR_DAYS))})\.)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
SHORT_YEAR = r"(?:['’]\d\d)"
ORDINAL = rf"(?:{alternation(ORDINALS)})"
_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)"
NUMBER = rf"(?:\d+(?:\.\d+)?|\d+\s+\d/\d|{alternation(NUMBERS)}|{_TENS})"
VAGUE = rf"(?:{alternation(VAGUE_QUANTITIES)})"
UNIT = rf"(?:{alternation(UNITS)})"
UNIT_PLURAL = (r"(?:seconds|minutes|hours|days|weeks|weekends|fortnights|months|quarters|years|decades|centuries|"
               r"millennia)")
SEASON = rf"(?:{alternation(SEASONS)})"
PART_OF_DAY = rf"(?:{alternation(PARTS_OF_DAY)})"
