"""The JSON API's response shapes (pydantic, so they appear in the OpenAPI description).

Offsets index the document's clean text, as everywhere in storyledger."""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import BaseModel

from storyledger.store.browse_queries import Page, TimelineEntry
from storyledger.store.rows import ClaimRow, DocumentRow, EntityRow, QuoteRow
from storyledger.views.web.stories import StorySummary

T = TypeVar("T")


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class DocumentOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    authors: list[str]
    published: dt.date | None
    published_source: str
    language: str | None
    source: str
    text: str | None = None


class EntityOut(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    mentions: int
    documents: int


class QuoteOut(BaseModel):
    document_id: str
    id: str
    kind: str
    speaker: str | None
    speaker_entity: str | None
    speaker_name: str | None
    cue: str | None
    text: str
    start: int
    end: int
    content: list[tuple[int, int]]
    published: dt.date | None
    outlet: str | None


class ClaimOut(BaseModel):
    document_id: str
    id: str
    actor: str
    actor_entities: list[str]
    actor_names: list[str]
    action: str
    category: str
    stance: str
    polarity: str
    target: str | None
    condition: str | None
    when_text: str | None
    when_date: dt.date | None
    reported_by: str | None
    evidence_start: int
    evidence_end: int
    evidence: str
    published: dt.date | None
    outlet: str | None


class MarkOut(BaseModel):
    actor: str
    matter: str
    mark: str


class TimelineOut(BaseModel):
    kind: str
    date: dt.date | None
    document_id: str
    link: str
    claim: ClaimOut | None = None
    quote: QuoteOut | None = None
    marks: list[MarkOut] = []


class StoryOut(BaseModel):
    id: str
    label: str
    first: dt.date | None
    last: dt.date | None
    documents: int
    outlets: int


class DocumentHitOut(BaseModel):
    document: DocumentOut
    snippet: str


class SearchOut(BaseModel):
    query: str
    documents: PageOut[DocumentHitOut]
    quotes: PageOut[QuoteOut]
    claims: PageOut[ClaimOut]


def document_out(d: DocumentRow, with_text: bool = False) -> DocumentOut:
    return DocumentOut(id=d.id, title=d.title, outlet=d.outlet, url=d.url, authors=d.authors, published=d.published,
                       published_source=d.published_source, language=d.language, source=d.source,
                       text=d.text if with_text else None)


def entity_out(e: EntityRow) -> EntityOut:
    return EntityOut(id=e.id, name=e.name, type=e.type, aliases=e.aliases, roles=e.roles, mentions=e.mentions,
                     documents=e.documents)


def quote_out(q: QuoteRow) -> QuoteOut:
    return QuoteOut(document_id=q.document_id, id=q.id, kind=q.kind, speaker=q.speaker,
                    speaker_entity=q.speaker_entity, speaker_name=q.speaker_name, cue=q.cue, text=q.text,
                    start=q.start, end=q.end, content=q.content, published=q.published, outlet=q.outlet)


def claim_out(c: ClaimRow) -> ClaimOut:
    return ClaimOut(document_id=c.document_id, id=c.id, actor=c.actor, actor_entities=c.actor_entities,
                    actor_names=c.actor_names, action=c.action, category=c.category, stance=c.stance,
                    polarity=c.polarity, target=c.target, condition=c.condition, when_text=c.when_text,
                    when_date=c.when_date, reported_by=c.reported_by, evidence_start=c.evidence_start,
                    evidence_end=c.evidence_end, evidence=c.evidence, published=c.published, outlet=c.outlet)


def story_out(s: StorySummary) -> StoryOut:
    return StoryOut(id=s.id, label=s.label, first=s.first, last=s.last, documents=s.documents, outlets=s.outlets)


def timeline_out(t: TimelineEntry, link: str) -> TimelineOut:
    return TimelineOut(kind=t.kind, date=t.date, document_id=t.document_id, link=link,
                       claim=claim_out(t.claim) if t.claim else None, quote=quote_out(t.quote) if t.quote else None,
                       marks=[MarkOut(actor=m.actor, matter=m.matter, mark=m.mark) for m in t.marks])


def page_out(page: Page, convert) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return {"items": [convert(x) for x in page.items], "total": page.total, "limit": page.limit,
            "offset": page.offset, "next_offset": page.next_offset}
