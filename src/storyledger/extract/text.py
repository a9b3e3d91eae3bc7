"""Already-scraped plain text: keep the article lines, read the metadata lines around its start.

No library cleans text that has lost its markup, so a small line classifier (trained by
``python -m training.train_lines``) scores every line; two rules no data set teaches
reliably sit beside it: a caption scraped twice is dropped, and title, dateline and byline lines
are read as metadata instead of being left in the body.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from threadpoolctl import threadpool_limits

from storyledger.extract.bylines import normalise
from storyledger.extract.datelines import DATE_PREFIX, find_date
from storyledger.extract.fields import ExtractedFields
from storyledger.extract.lines import _BOILERPLATE, _BYLINE, _SENTENCE_END, _WORD, context, features, near_duplicates
from storyledger.records import DateSource
from storyledger.shipped import model_path

MODEL_PATH = model_path("text_lines.joblib")
# Chosen by `python -m training.train_lines --cv` (the whole cleaner, 5-fold by page on the training
# pages): body F1 0.9142 at 0.55/0.25, 0.9130 at 0.50/0.25, every pair in 0.45-0.60 x 0.15-0.30 within 0.912-0.914.
THRESHOLD = 0.55
# A prose line this close (in lines) to a kept line is kept from this lower score on.
NEAR_THRESHOLD = 0.25
_REACH = 2
_FALLBACK_WORDS = 12
# The title and metadata lines sit at most this many lines above the first body line.
_HEAD_REACH = 40
_TITLE_WORDS = (3, 30)
# A copy of the headline sits at most this many lines below it or below the body's first line.
_TITLE_COPY_REACH = 3
_MAX_BYLINE_WORDS = 8
# A line this long (in words) ending a sentence reads as a paragraph of prose.
_PROSE_WORDS = 12
# A sentence-ending line this long is prose even when it holds a furniture phrase.
_LONG_PROSE_WORDS = 40


@dataclass(slots=True)
class LineModel:
    """Two stages: each line on its own signals, then again with its neighbours' first-stage scores."""

    first: Any
    second: Any

    def scores(self, lines: list[str]) -> np.ndarray:
        if not lines:
            return np.zeros(0)
        x = features(lines)
        # One page is a few hundred rows: OpenMP threads only add start-up and, on a busy machine, spin-waits
        # (measured 2 vs 32 pages/s under load).
        with threadpool_limits(1, user_api="openmp"):
            p = self.first.predict_proba(x)[:, 1]
            return self.second.predict_proba(np.hstack([x, context(p)]))[:, 1]


@cache
def load_model(path: Path = MODEL_PATH) -> LineModel:
    return joblib.load(path)


def split_lines(text: str) -> list[str]:
    """Stripped non-blank lines: the units the cleaner keeps or drops."""
    return [s for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if (s := line.strip())]


def clean_text(
    text: str, model: LineModel | None = None, threshold: float = THRESHOLD, near: float = NEAR_THRESHOLD
) -> ExtractedFields:
    """The thresholds are parameters only so that cross-validation can choose them (train_lines --cv)."""
    lines = split_lines(text)
    published = None
    first = DATE_PREFIX.match(lines[0]) if lines else None
    if first:
        # A scraper's "date YYYY-MM-DD" prefix is metadata; what follows it on the line (a headline, or
        # the lead paragraph when the page had no title) is read like any other line.
        published = find_date(first.group(1))
        lines[0] = lines[0][first.end() :].strip()
        lines = [line for line in lines if line]
    if not lines:
        return ExtractedFields(text="", published=published,
                               published_source=DateSource.TEXT if published else DateSource.UNKNOWN)
    scores = (model or load_model()).scores(lines)
    doubled = near_duplicates(lines)
    seeds = [p >= threshold and not d for p, d in zip(scores, doubled, strict=True)]
    best = int(np.argmax(scores))
    if not any(seeds) and scores[best] >= near and not doubled[best] and len(lines[best].split()) >= _FALLBACK_WORDS:
        # A file handed in as an article has one: when no line is sure, the most article-like line
        # starts the body if it is a sentence of substance and as likely as a line kept for being
        # near the body ("The page you requested could not be found." stays no article).
        seeds[best] = True
    keep = _grow(lines, scores, seeds, doubled, near)
    start = next((i for i, k in enumerate(keep) if k), len(lines))
    head = range(max(0, start - _HEAD_REACH), start)
    meta_lines: set[int] = set()
    title_at = 0 if first and _headline_like(lines[0]) else _title_line(lines, head, doubled, keep, start)
    if title_at is not None:
        # The headline and its copies (scrapers often keep the <title> and the <h1>) are not body.
        title = _folded(lines[title_at])
        reach = min(len(lines), max(start, title_at) + _TITLE_COPY_REACH)
        meta_lines.update(i for i in range(reach) if i == title_at or _folded(lines[i]) == title)
    authors: list[str] = []
    for i in [*head, *range(start, min(len(lines), start + 3))]:
        line = lines[i]
        if _BYLINE.match(line) and len(line.split()) <= _MAX_BYLINE_WORDS and not authors:
            authors = normalise([line])
            meta_lines.add(i)
        elif published is None and len(line.split()) <= 12 and (day := find_date(line)):
            published = day
            meta_lines.add(i)
    lead = _lead_after_byline(lines, keep, meta_lines, start)
    if lead is not None:
        keep[lead] = True
    body = [line for i, line in enumerate(lines) if keep[i] and i not in meta_lines]
    return ExtractedFields(
        text="\n\n".join(body),
        title=lines[title_at] if title_at is not None else None,
        authors=authors,
        published=published,
        published_source=DateSource.TEXT if published else DateSource.UNKNOWN,
    )


def _folded(line: str) -> str:
    return " ".join(_WORD.findall(line.casefold()))


def _headline_like(line: str) -> bool:
    """A headline: a few words, not a sentence (a question or exclamation aside). A line that reads as a
    sentence of the article is the lead, and stays in the body even when it opens the file."""
    words = len(line.split())
    return (
        _TITLE_WORDS[0] <= words <= _TITLE_WORDS[1]
        and (not _SENTENCE_END.search(line) or line.rstrip("\"'”’").endswith(("?", "!")))
        and not _BOILERPLATE.search(line)
        and not _BYLINE.match(line)
        and find_date(line) is None
    )


def _title_line(lines: list[str], head: range, doubled: list[bool], keep: list[bool], start: int) -> int | None:
    """The headline-shaped line above the body that shares most words with the body's opening."""
    opening = {w.casefold() for line in lines[start : start + 3] for w in _WORD.findall(line)}
    best, best_score = None, -1
    for i in head:
        line = lines[i]
        if doubled[i] or not _headline_like(line):
            continue
        score = len({w.casefold() for w in _WORD.findall(line)} & opening)
        if score >= best_score:
            best, best_score = i, score
    if best is None and start < len(lines) and _headline_like(lines[0]) and start == 0:
        return 0
    return best


def _grow(lines: list[str], scores: np.ndarray, keep: list[bool], doubled: list[bool], near: float) -> list[bool]:
    """Paragraphs come in runs: a prose line within reach of a kept line needs less certainty, and a
    clean file's final paragraph has no article after it to vouch for it."""
    out = list(keep)
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for i in order:
            if out[i] or doubled[i] or scores[i] < near or not _prose(lines[i]):
                continue
            if any(out[j] for j in range(max(0, i - _REACH), min(len(lines), i + _REACH + 1)) if j != i):
                out[i] = True
    last = len(lines) - 1
    if last > 0 and out[last - 1] and not doubled[last] and _prose(lines[last]):
        out[last] = True
    return out


def _prose(line: str) -> bool:
    """A paragraph-shaped line; a furniture phrase disqualifies it only in a short line, since a long
    sentence may well say "comments" or "trending" as part of the story."""
    words = len(line.split())
    return (
        words >= _PROSE_WORDS
        and bool(_SENTENCE_END.search(line))
        and (words >= _LONG_PROSE_WORDS or not _BOILERPLATE.search(line))
    )


def _lead_after_byline(lines: list[str], keep: list[bool], meta_lines: set[int], start: int) -> int | None:
    """The prose line right after the byline or dateline opens the article, even when furniture
    ("Listen to this article") separates it from the lines the classifier is sure of."""
    header = [i for i in meta_lines if i < start]
    if not header:
        return None
    candidate = max(header) + 1
    while candidate in meta_lines:
        candidate += 1
    if candidate >= start or not _prose(lines[candidate]):
        return None
    if any(_prose(lines[i]) for i in range(candidate + 1, start)):
        return None
    return candidate
