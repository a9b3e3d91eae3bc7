"""The JSON API under /api/: every list pages (limit/offset, with the total) and filters by query
parameters; FastAPI publishes it at /openapi.json and documents it at /docs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel

from storyledger.store.interfaces import LedgerReader
from storyledger.store.read_models import ClaimView, EntityView, QuoteView, TimelineLine
from storyledger.views.web import api_models as m
from storyledger.views.web.deps import ledger
from storyledger.views.web.highlight import line_href
from storyledger.views.web.params import (
    Category, DocumentId, EntityId, KindParam, Limit, Offset, QuoteKindParam, SearchText, StanceParam, StoryParam,
    Text, TypeParam, Within, known_parameters_only, passes_query_on,
)
from storyledger.views.web.stories import story_documents, story_page

router = APIRouter(prefix="/api", tags=["ledger"], dependencies=[Depends(known_parameters_only)],
                   responses={422: {"description": "A parameter is not valid, or the endpoint does not take it"}})
Ledger = Annotated[LedgerReader, Depends(ledger)]
StoryId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,80}$")]
DocPath = Annotated[str, Path(pattern=r"^[0-9a-f]{4,64}$")]
EntityPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,80}$")]


def _scope(db: LedgerReader, story: str | None) -> list[str] | None:
    if story is None:
        return None
    found = story_documents(db, story)
    if found is None:
        raise HTTPException(404, f"no story {story!r}")
    return found[1]


@router.get("/stories", response_model=m.PageOut[m.StoryOut], summary="Stories: label, dates, articles, outlets")
def api_stories(db: Ledger, within: Within, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """With ``since``, ``until`` or ``outlet``: the stories with an article they select."""
    page = db.story_page(limit, offset, within=within) if within else story_page(db, limit, offset)
    return m.page_out(page, m.story_out)


@router.get("/stories/{story_id}", response_model=m.StoryOut, summary="One story")
def api_story(db: Ledger, story_id: StoryId) -> m.StoryOut:
    found = story_documents(db, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return m.story_out(found[0])


@router.get("/stories/{story_id}/timeline", response_model=list[TimelineLine],
            summary="The story's positions in date order, each repeated or changed one with the earlier line")
def api_story_timeline(db: Ledger, story_id: StoryId, actor: Text = None, q: Text = None, moved: bool = False,
                       limit: Limit = 500) -> list[TimelineLine]:
    return db.timeline_lines(_scope(db, story_id), actor=actor, query=q, limit=limit, moved=moved)


@router.get("/statements", response_model=m.PageOut[m.StatementOut],
            summary="Claims and quotes in date order, each linking to its sentence")
def api_statements(db: Ledger, within: Within, story: StoryParam = None, entity: EntityId = None,
                   stance: StanceParam = None, category: Category = None, kind: KindParam = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    page = db.statement_page(limit, offset, entity_id=entity, stance=stance, category=category, kind=kind,
                             document_ids=_scope(db, story), within=within)
    return m.page_out(page, lambda s: m.statement_out(s, line_href(s.document_id, s.kind, s.local_id)))


@router.get("/timeline", include_in_schema=False)
@passes_query_on
def api_timeline(request: Request) -> RedirectResponse:
    """The old name of /api/statements (the CLI's timeline is positions)."""
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(f"/api/statements{query}", status_code=308)


@router.get("/entities", response_model=m.PageOut[EntityView], summary="Ledger entities, most mentioned first")
def api_entities(db: Ledger, name: Text = None, type: TypeParam = None, limit: Limit = 50,
                 offset: Offset = 0) -> dict[str, Any]:
    return m.page_out(db.entity_page(limit, offset, name=name, type=type))


@router.get("/entities/{entity_id}", response_model=EntityView, summary="One entity")
def api_entity(db: Ledger, entity_id: EntityPath) -> EntityView:
    found = db.entity(entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return found


@router.get("/quotes", response_model=m.PageOut[QuoteView], summary="Quotes with speaker, cue and spans")
def api_quotes(db: Ledger, within: Within, story: StoryParam = None, entity: EntityId = None,
               speaker: Text = None, q: Text = None, kind: QuoteKindParam = None, document: DocumentId = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    scope = [document] if document else _scope(db, story)
    return m.page_out(db.quote_page(limit, offset, entity_id=entity, speaker=speaker, document_ids=scope, text=q,
                                    kind=kind, within=within))


@router.get("/claims", response_model=m.PageOut[ClaimView], summary="Commitments and positions")
def api_claims(db: Ledger, within: Within, story: StoryParam = None, entity: EntityId = None,
               actor: Text = None, stance: StanceParam = None, category: Category = None, q: Text = None,
               document: DocumentId = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    scope = [document] if document else _scope(db, story)
    return m.page_out(db.claim_page(limit, offset, entity_id=entity, actor=actor, stance=stance, category=category,
                                    document_ids=scope, text=q, within=within))


@router.get("/documents", response_model=m.PageOut[m.DocumentOut],  # type: ignore[valid-type]
            summary="Articles, newest first")
def api_documents(db: Ledger, within: Within, story: StoryParam = None, entity: EntityId = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return m.page_out(db.document_page(limit, offset, document_ids=_scope(db, story), within=within,
                                       entity_id=entity), m.document_out)


@router.get("/documents/{document_id}", response_model=m.DocumentOut, summary="One article with its clean text")
def api_document(db: Ledger, document_id: DocPath) -> BaseModel:
    doc = db.document(document_id)
    if doc is None:
        raise HTTPException(404, f"no document {document_id!r}")
    return m.document_out(doc)


@router.get("/search", response_model=m.SearchOut, summary="Search articles, quotes and claims")
def api_search(db: Ledger, q: SearchText, within: Within, limit: Limit = 20, offset: Offset = 0) -> m.SearchOut:
    return m.SearchOut.model_validate({
        "query": q,
        "documents": m.page_out(db.search(q, limit, offset, within=within), m.hit_out),
        "quotes": m.page_out(db.quote_page(limit, offset, text=q, within=within)),
        "claims": m.page_out(db.claim_page(limit, offset, text=q, within=within)),
    })
