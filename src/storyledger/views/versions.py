"""What changed between two versions of an article, sentence by sentence (difflib), for `show` and
the web app."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

_SENTENCE_END = re.compile(r"(?<=[.!?…”\"])\s+(?=\S)|\n+")


class Edit(StrEnum):
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class SentenceChange:
    edit: Edit
    text: str


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def text_changes(old: str, new: str) -> list[SentenceChange]:
    """Sentences removed from ``old`` and added in ``new``, in text order (a rewritten sentence is
    one removed and one added)."""
    a, b = sentences(old), sentences(new)
    out: list[SentenceChange] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            out += [SentenceChange(Edit.REMOVED, s) for s in a[i1:i2]]
        if tag in ("replace", "insert"):
            out += [SentenceChange(Edit.ADDED, s) for s in b[j1:j2]]
    return out
