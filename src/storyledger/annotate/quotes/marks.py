"""Quoted stretches of text found from their marks, paragraph by paragraph.

Written by hand because no library pairs quote marks the way news text needs: curly and straight
double marks, a quote with no closing mark runs to the end of its paragraph (never past it), an
inner quote of the other kind stays inside the outer one, and apostrophes and single marks are
never quote marks (they are too often possessives, elisions or headline scare quotes) unless doubled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARA = re.compile(r"[^\n]+")
_OPENERS = " \t([{—–-/:\u00a0"


@dataclass(frozen=True, slots=True)
class Quoted:
    start: int  # at the opening mark (or the paragraph start when there is none)
    end: int  # after the closing mark (or the paragraph end when there is none)
    closed: bool
    opened: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + (1 if self.opened else 0), self.end - (1 if self.closed else 0)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines: news text breaks paragraphs with newlines, so a line is a paragraph."""
    return [(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]


def _is_opening(text: str, i: int, lo: int) -> bool:
    if text[i] == "“" or text[i] == "„" or text[i] == "«":
        return True
    if text[i] == "”" or text[i] == "»":
        # A right mark used as an opener: preceded by space and followed by a word.
        return (i == lo or text[i - 1] in _OPENERS) and i + 1 < len(text) and text[i + 1].isalnum()
    if i + 1 >= len(text) or text[i + 1] in " \t\n\u00a0.,;!?)":
        return False  # "the term 'outreach,' " he said": a straight mark before a space closes
    return i == lo or text[i - 1] in _OPENERS


def _pairs_as_marks(text: str, lo: int, hi: int) -> str:
    """``text`` with each doubled apostrophe ('', the typewriter double quote some archives use) read
    as one straight mark on its second character, the first taking the look of the character before
    so the mark still reads as opening or closing; offsets stay those of ``text``."""
    if "''" not in text[lo:hi]:
        return text
    chars = list(text)
    i = lo
    while i + 1 < hi:
        if chars[i] == "'" and chars[i + 1] == "'":
            chars[i] = chars[i - 1] if i > lo else " "
            chars[i + 1] = '"'
            i += 2
        else:
            i += 1
    return "".join(chars)


def quoted_in(text: str, lo: int, hi: int) -> list[Quoted]:
    """Top-level quoted stretches of text[lo:hi] (one paragraph)."""
    read = _pairs_as_marks(text, lo, hi)
    found = _quoted_in(read, lo, hi)
    if read is text:
        return found
    return [Quoted(q.start - 1, q.end, q.closed, q.opened)
            if q.opened and q.start > lo and text[q.start - 1:q.start + 1] == "''" else q for q in found]


def _quoted_in(text: str, lo: int, hi: int) -> list[Quoted]:
    marks = [i for i in range(lo, hi) if text[i] in "\"“”«»„"]
    out: list[Quoted] = []
    k = 0
    while k < len(marks):
        i = marks[k]
        if not _is_opening(text, i, lo):
            if not out and k == 0 and text[i] in "\"”»":
                # A closing mark with no opener: the paragraph continues a quote begun before it.
                out.append(Quoted(lo, i + 1, closed=True, opened=False))
            k += 1
            continue
        straight = text[i] == '"'
        j = k + 1
        depth = 0
        close = None
        while j < len(marks):
            m = marks[j]
            if straight:
                if text[m] in '"”' and not _is_opening(text, m, lo):
                    close = m
                    break
            elif text[m] in "“„«":
                depth += 1
            elif text[m] in "”»" or (text[m] == '"' and not _is_opening(text, m, lo)):
                if depth:
                    depth -= 1
                else:
                    close = m
                    break
            j += 1
        if close is None:
            end = hi
            while end > i + 1 and text[end - 1].isspace():
                end -= 1
            out.append(Quoted(i, end, closed=False))
            break
        out.append(Quoted(i, close + 1, closed=True))
        k = j + 1
    return [q for q in out if q.end - q.start > 2]


def quoted_spans(text: str) -> list[Quoted]:
    spans: list[Quoted] = []
    for lo, hi in paragraphs(text):
        spans.extend(quoted_in(text, lo, hi))
    return spans
