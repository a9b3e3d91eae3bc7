"""What the readers refuse to trust, in one place: caps no real article reaches, and the checks that
turn hostile values into named refusals instead of exceptions deep inside a later stage.

Each cap is far above what a news input needs; an input past one is named, never silently cut.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

# A file read whole (page, text, JSON): far larger than any news article, so a bigger one is almost
# surely not one, and reading it whole would cost memory for nothing.
MAX_BYTES = 50 * 1024 * 1024
# One page inside a container (a WARC record, after undoing its Content-Encoding): the same cap, checked
# while decompressing, so a small archive cannot expand to gigabytes first.
MAX_RECORD_BYTES = MAX_BYTES
# A whole archive may decompress to at most this many times its size (HTML compresses 5-10 times).
MAX_EXPANSION = 100
# Entries in one feed file: news feeds carry tens, archive exports a few thousand; parsing costs about
# a millisecond an entry, so this keeps one feed file within a few seconds.
MAX_FEED_ENTRIES = 2_000
# JSON nesting: an article row is an object of strings (depth 2, 3 with an author list).
MAX_JSON_DEPTH = 32
# Digits in a JSON number: no field of an article is a number this long (Python refuses over 4,300).
MAX_NUMBER_DIGITS = 100
# Metadata values: a title, an outlet, an author's name, a URL (the longest any browser keeps is ~8 KB).
MAX_FIELD_CHARS = {"title": 2_000, "outlet": 500, "author": 500, "url": 8_192}
MAX_AUTHORS = 100
# Publication years we accept: no news article lies outside, and dates near Python's own bounds
# (year 1 or 9999) overflow the date arithmetic of the later stages.
YEARS = range(1000, 3000)

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_JSON_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def storable(text: str) -> str:
    """``text`` with lone surrogates (which JSON escapes and broken character references can make, and
    which no UTF-8 store accepts) replaced by U+FFFD, as a decoder does with bytes it cannot read."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def display_name(path: os.PathLike[str] | str) -> str:
    """A path as text that can be stored and printed: bytes that are not UTF-8 in a file name
    (kept by Python as lone surrogates) are shown as \\xNN escapes."""
    name = os.fspath(path)
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


class JSONLimitError(ValueError):
    """JSON past one of the caps above."""


def load_json(text: str) -> Any:
    """``json.loads`` that refuses, by a JSONLimitError naming the cap, nesting deeper than
    MAX_JSON_DEPTH and numbers longer than MAX_NUMBER_DIGITS (which would otherwise end in a
    RecursionError or a ValueError from int())."""
    _check_depth(text)
    return json.loads(text, parse_int=_parse_int, parse_float=_parse_float)


def _check_depth(text: str) -> None:
    """Only text with many brackets is scanned; strings are skipped whole by the pattern."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return
    depth = 0
    for token in _JSON_TOKENS.finditer(text):
        kind = token.group()
        if kind in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise JSONLimitError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
        elif kind in "]}":
            depth -= 1


def _parse_int(digits: str) -> int:
    if len(digits) > MAX_NUMBER_DIGITS:
        raise JSONLimitError(f"a JSON number of {len(digits)} digits (limit {MAX_NUMBER_DIGITS})")
    return int(digits)


def _parse_float(digits: str) -> float:
    if len(digits) > MAX_NUMBER_DIGITS:
        raise JSONLimitError(f"a JSON number of {len(digits)} characters (limit {MAX_NUMBER_DIGITS})")
    return float(digits)


def check_year(day: date) -> date:
    """``day`` if its year is one an article can have, else ValueError."""
    if day.year not in YEARS:
        raise ValueError(f"year {day.year} is not between {YEARS.start} and {YEARS.stop - 1}")
    return day


def check_url(url: str) -> str:
    """``url`` if it parses (host, port and all), else ValueError saying why."""
    _check_field("url", url)
    urlsplit(url).port  # noqa: B018 -- raises ValueError on a bad IPv6 host or a port out of range
    return url


def check_text_field(key: str) -> Callable[[str], str]:
    """A check that a metadata string is within its cap and holds no lone surrogates."""
    return lambda value: _check_field(key, value)


def _check_field(key: str, value: str) -> str:
    limit = MAX_FIELD_CHARS[key]
    if len(value) > limit:
        raise ValueError(f"{len(value)} characters, over the {limit} limit")
    if storable(value) != value:
        raise ValueError("holds a lone surrogate (an escape that is no character)")
    return value
