"""Rows read back from the ledger: records plus the document they belong to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class DocumentRow:
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    authors: list[str]
    published: date | None
    published_source: str
    language: str | None
    format: str
    source: str
    ingested_at: str
    text: str = ""
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SearchHit:
    document_id: str
    title: str | None
    outlet: str | None
    published: date | None
    snippet: str


@dataclass(slots=True)
class EntityRow:
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    mentions: int
    documents: int


@dataclass(slots=True)
class QuoteRow:
    document_id: str
    id: str
    kind: str
    speaker: str | None
    speaker_entity: str | None  # ledger-wide entity id
    speaker_name: str | None  # canonical name when resolved
    cue: str | None
    text: str
    start: int
    end: int
    content: list[tuple[int, int]]
    published: date | None
    outlet: str | None


@dataclass(slots=True)
class ClaimRow:
    document_id: str
    id: str
    actor: str
    actor_entities: list[str]  # ledger-wide entity ids
    actor_names: list[str]
    action: str
    category: str
    stance: str
    polarity: str
    target: str | None
    condition: str | None
    when_text: str | None
    when_date: date | None
    reported_by: str | None
    evidence_start: int
    evidence_end: int
    evidence: str
    published: date | None
    outlet: str | None

    @property
    def date(self) -> date | None:
        """When the claim's event happens, else when it was reported."""
        return self.when_date or self.published
