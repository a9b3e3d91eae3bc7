"""The JSON API's response shapes (pydantic, so they appear in the OpenAPI description).

Claims, quotes, entities and position marks are the store's read models as they are; the envelopes
below add what only the API has (a page's next offset, a line's link). Offsets index the document's
clean text, as everywhere in storyledger."""

from __future__ import annotations

import datetime as dt
from dataclasses import MISSING, Field, fields
from typing import Any, Generic, TypeVar, get_type_hints

from pydantic import BaseModel
from pydantic import Field as ModelField
from pydantic import create_model

from storyledger.store.read_models import (
    ClaimView, DocumentView, Page, PositionMark, QuoteView, SearchHit, Statement, StatementKind, StoryView,
)

T = TypeVar("T")


def _default(f: Field[Any]) -> Any:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return ModelField(default_factory=f.default_factory)
    return ...


def _without(view: type, *hidden: str) -> type[BaseModel]:
    """A read model as a response model, less the fields the API has never shown."""
    hints = get_type_hints(view)
    kept: dict[str, Any] = {f.name: (hints[f.name], _default(f)) for f in fields(view) if f.name not in hidden}
    return create_model(view.__name__.replace("View", "Out"), **kept)


# The API shows where a document came from, not how it was stored.
DocumentOut = _without(DocumentView, "format", "ingested_at", "sources")


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class StatementOut(BaseModel):
    kind: StatementKind
    date: dt.date | None
    document_id: str
    link: str
    claim: ClaimView | None = None
    quote: QuoteView | None = None
    marks: list[PositionMark] = []


class StoryOut(BaseModel):
    """A story as the API has always counted it: ``documents`` counts every copy, ``outlets`` is a count."""

    id: str
    label: str
    first: dt.date | None
    last: dt.date | None
    documents: int
    outlets: int


class DocumentHitOut(BaseModel):
    document: DocumentOut  # type: ignore[valid-type]
    snippet: str


class SearchOut(BaseModel):
    query: str
    documents: PageOut[DocumentHitOut]
    quotes: PageOut[QuoteView]
    claims: PageOut[ClaimView]


def story_out(s: StoryView) -> StoryOut:
    return StoryOut(id=s.id, label=s.label, first=s.first, last=s.last, documents=s.copies, outlets=len(s.outlets))


def statement_out(s: Statement, link: str) -> StatementOut:
    return StatementOut(kind=s.kind, date=s.date, document_id=s.document_id, link=link, claim=s.claim, quote=s.quote,
                        marks=s.marks)


def document_out(d: DocumentView) -> BaseModel:
    return DocumentOut.model_validate(d, from_attributes=True)


def hit_out(hit: SearchHit) -> DocumentHitOut:
    return DocumentHitOut(document=document_out(hit.document), snippet=hit.bracketed)


def page_out(page: Page[Any], convert: Any = None) -> dict[str, Any]:
    """The page as the API's envelope; items are converted first when the API shows them otherwise."""
    items = [convert(x) for x in page.items] if convert else page.items
    return {"items": items, "total": page.total, "limit": page.limit, "offset": page.offset,
            "next_offset": page.next_offset}
