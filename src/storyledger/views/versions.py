"""What changed between two versions of an article, sentence by sentence (difflib), for `show` and
the web app."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from enum import StrEnum

from storyledger.store.interfaces import LedgerReader
from storyledger.store.read_models import ArticleVersion

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


@dataclass(slots=True)
class VersionHistory:
    """A document among the versions of its article, and what changed since the version before it."""

    versions: list[ArticleVersion] = field(default_factory=list)  # empty: a document never versioned
    version: int = 0
    changed: list[SentenceChange] = field(default_factory=list)


def version_history(ledger: LedgerReader, document_id: str, text: str) -> VersionHistory:
    versions = ledger.versions(document_id)
    version = next((v.version for v in versions if v.document_id == document_id), 0)
    before = next((v for v in versions if v.version == version - 1), None)
    previous = ledger.document(before.document_id) if before else None
    return VersionHistory(versions, version, text_changes(previous.text or "", text) if previous else [])
