"""The JSON API under /api/: every list pages (limit/offset, with the total) and filters by query
parameters; FastAPI publishes it at /openapi.json and documents it at /docs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path

from storyledger.store.sqlite import SQLiteLedger
from storyledger.views.web import api_models as m
from storyledger.views.web.deps import ledger
from storyledger.views.web.highlight import anchor
from storyledger.views.web.params import (
    Category, DocumentId, EntityId, KindParam, Limit, Offset, QuoteKindParam, SearchText, StanceParam, StoryParam,
    Text, TypeParam,
)
from storyledger.views.web.stories import story_documents, story_page

router = APIRouter(prefix="/api", tags=["ledger"])
Ledger = Annotated[SQLiteLedger, Depends(ledger)]
StoryId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,80}$")]
DocPath = Annotated[str, Path(pattern=r"^[0-9a-f]{4,64}$")]
EntityPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,80}$")]


def _scope(db: SQLiteLedger, story: str | None) -> list[str] | None:
    if story is None:
        return None
    found = story_documents(db, story)
    if found is None:
        raise HTTPException(404, f"no story {story!r}")
    return found[1]


def line_link(document_id: str, kind: str, local_id: str) -> str:
    return f"/documents/{document_id}#{anchor(kind, local_id)}"


@router.get("/stories", response_model=m.PageOut[m.StoryOut], summary="Stories: label, dates, articles, outlets")
def api_stories(db: Ledger, limit: Limit = 50, offset: Offset = 0) -> dict:
    return m.page_out(story_page(db, limit, offset), m.story_out)


@router.get("/stories/{story_id}", response_model=m.StoryOut, summary="One story")
def api_story(db: Ledger, story_id: StoryId) -> m.StoryOut:
    found = story_documents(db, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return m.story_out(found[0])


@router.get("/timeline", response_model=m.PageOut[m.TimelineOut],
            summary="Claims and quotes in date order, each linking to its sentence")
def api_timeline(db: Ledger, story: StoryParam = None, entity: EntityId = None,
                 stance: StanceParam = None, category: Category = None, kind: KindParam = None,
                 limit: Limit = 50, offset: Offset = 0) -> dict:
    page = db.timeline_page(limit, offset, entity_id=entity, stance=stance.value if stance else None,
                            category=category, kind=kind.value if kind else None, document_ids=_scope(db, story))
    return m.page_out(page, lambda t: m.timeline_out(t, line_link(t.document_id, t.kind, t.local_id)))


@router.get("/entities", response_model=m.PageOut[m.EntityOut], summary="Ledger entities, most mentioned first")
def api_entities(db: Ledger, name: Text = None, type: TypeParam = None, limit: Limit = 50,
                 offset: Offset = 0) -> dict:
    return m.page_out(db.entity_page(limit, offset, name=name, type=type.value if type else None), m.entity_out)


@router.get("/entities/{entity_id}", response_model=m.EntityOut, summary="One entity")
def api_entity(db: Ledger, entity_id: EntityPath) -> m.EntityOut:
    row = db.entity_row(entity_id)
    if row is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return m.entity_out(row)


@router.get("/quotes", response_model=m.PageOut[m.QuoteOut], summary="Quotes with speaker, cue and spans")
def api_quotes(db: Ledger, story: StoryParam = None, entity: EntityId = None,
               speaker: Text = None, q: Text = None, kind: QuoteKindParam = None, document: DocumentId = None,
               limit: Limit = 50, offset: Offset = 0) -> dict:
    scope = [document] if document else _scope(db, story)
    page = db.quote_page(limit, offset, entity_id=entity, speaker=speaker, document_ids=scope, text=q,
                         kind=kind.value if kind else None)
    return m.page_out(page, m.quote_out)


@router.get("/claims", response_model=m.PageOut[m.ClaimOut], summary="Commitments and positions")
def api_claims(db: Ledger, story: StoryParam = None, entity: EntityId = None,
               actor: Text = None, stance: StanceParam = None, category: Category = None, q: Text = None,
               document: DocumentId = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    scope = [document] if document else _scope(db, story)
    page = db.claim_page(limit, offset, entity_id=entity, actor=actor, stance=stance.value if stance else None,
                         category=category, document_ids=scope, text=q)
    return m.page_out(page, m.claim_out)


@router.get("/documents", response_model=m.PageOut[m.DocumentOut], summary="Articles, newest first")
def api_documents(db: Ledger, story: StoryParam = None, outlet: Text = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict:
    return m.page_out(db.document_page(limit, offset, outlet=outlet, document_ids=_scope(db, story)),
                      m.document_out)


@router.get("/documents/{document_id}", response_model=m.DocumentOut, summary="One article with its clean text")
def api_document(db: Ledger, document_id: DocPath) -> m.DocumentOut:
    doc = db.document(document_id)
    if doc is None:
        raise HTTPException(404, f"no document {document_id!r}")
    return m.document_out(doc, with_text=True)


@router.get("/search", response_model=m.SearchOut, summary="Search articles, quotes and claims")
def api_search(db: Ledger, q: SearchText, limit: Limit = 20, offset: Offset = 0) -> m.SearchOut:
    docs = db.search_documents(q, limit, offset)
    return m.SearchOut(
        query=q,
        documents=m.page_out(docs, lambda hit: m.DocumentHitOut(
            document=m.document_out(hit[0]), snippet=hit[1].replace("\ue000", "[").replace("\ue001", "]"))),
        quotes=m.page_out(db.quote_page(limit, offset, text=q), m.quote_out),
        claims=m.page_out(db.claim_page(limit, offset, text=q), m.claim_out),
    )
