"""What an extractor returns before the stage decides on provenance and defaults."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from storyledger.records import DateSource


@dataclass(slots=True)
class ExtractedFields:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    published_source: DateSource = DateSource.METADATA
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
