"""What is new since a time: a page, and Atom feeds per story and per actor that any feed reader
can subscribe to (each entry links to its sentence)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from storyledger.store.read_models import Changes
from storyledger.views.durations import parse_duration
from storyledger.views.web.pages import EntityPath, Ledger, StoryPath, render, templates
from storyledger.views.web.stories import story_documents

router = APIRouter(include_in_schema=False)
Since = Annotated[str, Query(max_length=20, description="How far back: 30m, 24h, 7d...")]
ATOM = "application/atom+xml; charset=utf-8"


def _since(text: str) -> datetime:
    try:
        return datetime.now(timezone.utc) - parse_duration(text)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/changes", response_class=HTMLResponse)
def changes_page(request: Request, db: Ledger, since: Since = "24h") -> HTMLResponse:
    return render(request, "changes.html", title="What changed", changes=db.changes(_since(since)), since=since,
                  feed=None)


@router.get("/stories/{story_id}/changes.atom")
def story_feed(request: Request, db: Ledger, story_id: StoryPath, since: Since = "7d") -> Response:
    found = story_documents(db, story_id)
    if found is None:
        raise HTTPException(404, "No such story.")
    story, doc_ids = found
    return _atom(request, f"storyledger: {story.label}", db.changes(_since(since), document_ids=doc_ids))


@router.get("/entities/{entity_id}/changes.atom")
def entity_feed(request: Request, db: Ledger, entity_id: EntityPath, since: Since = "7d") -> Response:
    entity = db.entity(entity_id)
    if entity is None:
        raise HTTPException(404, "No such entity.")
    return _atom(request, f"storyledger: {entity.name}", db.changes(_since(since), entity_id=entity_id))


def _atom(request: Request, title: str, changes: Changes) -> Response:
    stamps = [a.document.ingested_at for a in changes.articles]
    body = templates.get_template("changes.atom").render(
        title=title, changes=changes, base=str(request.base_url).rstrip("/"), self_url=str(request.url),
        updated=max(stamps) if stamps else changes.since.isoformat(timespec="seconds"),
        ingested={a.document.id: a.document.ingested_at for a in changes.articles},
    )
    return Response(body, media_type=ATOM)

