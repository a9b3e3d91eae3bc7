"""Per-line signals for telling article lines from boilerplate in already-scraped text.

Features are computed on the stripped line (indentation is a quirk of some scrapers, not a signal
users' text will carry) and on its neighbours, because article paragraphs come in runs.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TOKEN = re.compile(r"\S+")
_FOLD = re.compile(r"\w+")
_BULLET = re.compile(r"^(?:[*+•·▪►-]|o)\s+")
_SENTENCE_END = re.compile(r"""[.!?…:]["'”’)\]]*$|["”’]$""")
# Phrases that mark page furniture; one signal among many, never a rule on its own.
_BOILERPLATE = re.compile(
    r"\b(?:read more|see more|listen to (?:this|the) article|loading|sign up|sign in|log in|subscribe|newsletter|"
    r"advertisement|sponsored|cookies?|privacy policy|terms of (?:use|service)|all rights reserved|copyright|"
    r"click here|follow us|share (?:this|on)|related (?:articles?|stories|content)|most (?:read|popular)|"
    r"trending|recommended|comments?|picture:|photo:|image:|getty|credit:|reuters/|ap photo|"
    r"\d+ (?:minutes?|hours?|days?|weeks?) ago|watch:|video:|download the app|skip to|menu)\b",
    re.I,
)
_DATE = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|"
    r"\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)",
    re.I,
)
_BYLINE = re.compile(r"^by\s+\S", re.I)
_STOP = frozenset(ENGLISH_STOP_WORDS)
# Neighbourhoods (in non-blank lines) over which the share of prose-like lines is taken.
_WINDOWS = (2, 5, 15)
# A line this long (in words) that ends a sentence reads as prose.
_PROSE_WORDS = 12
# Captions scraped twice (once with the photo credit) sit within this many lines of each other.
_DUPLICATE_REACH = 3
_MIN_DUPLICATE_WORDS = 5
# What the second copy may add: a photo credit ("Picture: Getty", "(AFP/Getty)"), not a sentence.
_MAX_CREDIT_CHARS = 40


@dataclass(frozen=True, slots=True)
class LineShape:
    words: int
    chars: int
    sentence_end: bool
    prose: bool


def _fold(line: str) -> str:
    return " ".join(_FOLD.findall(line.casefold()))


def near_duplicates(lines: list[str]) -> list[bool]:
    """Lines repeated next to each other, or one being the other plus a credit (a doubled caption)."""
    folded = [_fold(line) for line in lines]
    out = [False] * len(lines)
    for i, a in enumerate(folded):
        if len(a.split()) < _MIN_DUPLICATE_WORDS:
            continue
        for j in range(i + 1, min(len(lines), i + 1 + _DUPLICATE_REACH)):
            b = folded[j]
            short, long = sorted((a, b), key=len)
            if short and long.startswith(short) and len(long) - len(short) <= _MAX_CREDIT_CHARS:
                out[i] = out[j] = True
    return out


def _shape(line: str) -> LineShape:
    words = len(_TOKEN.findall(line))
    end = bool(_SENTENCE_END.search(line))
    return LineShape(words, len(line), end, end and words >= _PROSE_WORDS)


def _own(line: str, position: float, repeated: bool, duplicate: bool) -> list[float]:
    tokens = _TOKEN.findall(line)
    words = _WORD.findall(line)
    n = max(len(tokens), 1)
    chars = max(len(line), 1)
    letters = sum(ch.isalpha() for ch in line)
    punct = sum(not ch.isalnum() and not ch.isspace() for ch in line)
    return [
        math.log1p(len(tokens)),
        math.log1p(len(line)),
        float(bool(_SENTENCE_END.search(line))),
        float(line[:1].isupper() or line[:1] in "\"“‘'"),
        punct / chars,
        letters / chars,
        sum(ch.isdigit() for ch in line) / chars,
        sum(w.casefold() in _STOP for w in words) / n,
        sum(w[:1].isupper() for w in words) / n,
        line.count(",") / n,
        float(bool(_BULLET.match(line))),
        float(bool(_BOILERPLATE.search(line))),
        float(bool(_DATE.search(line)) and len(tokens) <= 12),
        float(bool(_BYLINE.match(line)) and len(tokens) <= 8),
        float("|" in line or " • " in line or " / " in line),
        float(repeated),
        float(duplicate),
        position,
    ]


def features(lines: list[str]) -> np.ndarray:
    """One row per line (lines already stripped and non-blank), for the line classifier."""
    if not lines:
        return np.zeros((0, FEATURE_COUNT))
    shapes = [_shape(line) for line in lines]
    counts: dict[str, int] = {}
    folded = [_fold(line) for line in lines]
    for f in folded:
        counts[f] = counts.get(f, 0) + 1
    dups = near_duplicates(lines)
    prose = np.array([s.prose for s in shapes], dtype=float)
    cum = np.concatenate([[0.0], np.cumsum(prose)])
    n = len(lines)
    rows = []
    for i, line in enumerate(lines):
        row = _own(line, i / n, counts[folded[i]] > 1, dups[i])
        for k in (-2, -1, 1, 2):
            j = i + k
            if 0 <= j < n:
                s = shapes[j]
                row += [math.log1p(s.words), float(s.sentence_end), 1.0]
            else:
                row += [0.0, 0.0, 0.0]
        for w in _WINDOWS:
            lo, hi = max(0, i - w), min(n, i + w + 1)
            row.append((cum[hi] - cum[lo]) / (hi - lo))
        before, after = cum[i], cum[n] - cum[i + 1]
        total = max(cum[n], 1.0)
        row += [before / total, after / total]
        rows.append(row)
    x = np.array(rows, dtype=float)
    return np.hstack([x, _relative(x[:, 0])])


def _relative(log_tokens: np.ndarray) -> np.ndarray:
    """A line's length against its own page's: pages differ in how long their paragraphs and menu
    entries are, so "one of this page's longest lines" says more than a length alone (5-fold CV on
    training pages, body F1 0.9095 -> 0.911)."""
    n = len(log_tokens)
    words = np.expm1(log_tokens)
    rank = (np.argsort(np.argsort(log_tokens, kind="stable"), kind="stable") + 0.5) / n
    order = np.sort(words)
    total = max(float(order.sum()), 1.0)
    # Share of the page's words that sit in lines no longer than this one.
    below = (np.cumsum(order) / total)[np.searchsorted(order, words, side="right") - 1]
    return np.column_stack([
        log_tokens - np.median(log_tokens),
        log_tokens - np.quantile(log_tokens, 0.9),
        rank,
        np.log(words / total + 1e-6),
        below,
    ])


def context(probabilities: np.ndarray) -> np.ndarray:
    """Second-stage signals: how article-like the neighbourhood looked to the first stage."""
    n = len(probabilities)
    if n == 0:
        return np.zeros((0, CONTEXT_COUNT))
    cum = np.concatenate([[0.0], np.cumsum(probabilities)])
    cols = [probabilities]
    for w in (1, 3, 8):
        idx = np.arange(n)
        lo, hi = np.maximum(0, idx - w), np.minimum(n, idx + w + 1)
        cols.append((cum[hi] - cum[lo]) / (hi - lo))
    before = cum[:-1] / max(cum[-1], 1e-9)
    cols += [before, 1 - before - probabilities / max(cum[-1], 1e-9)]
    return np.column_stack(cols)


FEATURE_COUNT = 18 + 4 * 3 + len(_WINDOWS) + 2 + 5
CONTEXT_COUNT = 6
