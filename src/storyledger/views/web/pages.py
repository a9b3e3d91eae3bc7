"""Server-rendered pages: stories, a story's claims and quotes, entities, articles, search."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path as FsPath
from typing import Annotated
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from storyledger.records import Stance
from storyledger.store.interfaces import LedgerReader
from storyledger.store.read_models import DocumentFilter
from storyledger.views.versions import version_history
from storyledger.views.web.chart import layout
from storyledger.views.web.deps import ledger
from storyledger.views.web.highlight import anchor, highlight, line_href, marks_for, snippet
from storyledger.views.web.matrix import build
from storyledger.views.web.params import (
    Category, EntityId, KindParam, Limit, Offset, StanceParam, StoryParam, Text, TypeParam, Within,
    known_parameters_only,
)
from storyledger.views.web.stories import ALL, story_documents, story_page
from storyledger.views.web.volume import Volume, volume

templates = Jinja2Templates(directory=str(FsPath(__file__).parent / "templates"))
router = APIRouter(include_in_schema=False, dependencies=[Depends(known_parameters_only)])
Ledger = Annotated[LedgerReader, Depends(ledger)]
StoryPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,80}$")]
DocPath = Annotated[str, Path(pattern=r"^[0-9a-f]{4,64}$")]
EntityPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,80}$")]
MOVES = 200  # repeated and changed positions shown on a story's page


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the app: a stored javascript: or data: URL is shown as text, never linked."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def page_href(request: Request, offset: int | None) -> str | None:
    """The current URL with another offset: pagers keep every filter."""
    if offset is None:
        return None
    params = dict(request.query_params)
    params["offset"] = str(offset)
    return f"{request.url.path}?{urlencode(params)}"


templates.env.globals.update(safe_url=safe_url, line_href=line_href, anchor=anchor, page_href=page_href,
                             stances=[s.value for s in Stance])


def render(request: Request, template: str, status_code: int = 200, **context: object) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def articles_href(story: str | None = None, entity: str | None = None) -> Callable[[date, date, str | None], str]:
    """Where a bar of the volume chart leads: the articles it counts."""

    def href(first: date, last: date, outlet: str | None) -> str:
        params = {"story": story, "entity": entity, "since": first.isoformat(), "until": last.isoformat(),
                  "outlet": outlet}
        return "/documents?" + urlencode({k: v for k, v in params.items() if v})

    return href


def overview(db: LedgerReader, within: DocumentFilter, document_ids: Sequence[str] | None = None,
             story: str | None = None, entity: str | None = None) -> dict[str, object]:
    """What the top of a list page shows: counts, the articles-over-time chart, and the choices and
    values of its date and outlet filters."""
    counts = db.counts(document_ids, within, entity_id=entity)
    chart: Volume | None = volume(db.daily_counts(document_ids, within, entity_id=entity),
                                  articles_href(story if story != ALL else None, entity))
    return {"counts": counts, "volume": chart, "within": within,
            "outlet_choices": [o.outlet for o in db.outlets(document_ids)]}


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, db: Ledger, within: Within, limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
    page = db.story_page(limit, offset, within=within) if within else story_page(db, limit, offset)
    return render(request, "stories.html", page=page, title="Stories", **overview(db, within))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_view(request: Request, db: Ledger, story_id: StoryPath, within: Within, entity: EntityId = None,
               stance: StanceParam = None, category: Category = None, kind: KindParam = None,
               limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
    found = story_documents(db, story_id)
    if found is None:
        raise HTTPException(404, "No such story.")
    story, doc_ids = found
    statements = db.statement_page(limit, offset, entity_id=entity, stance=stance, category=category, kind=kind,
                                   document_ids=doc_ids, within=within)
    moves = db.timeline_lines(doc_ids, limit=MOVES, moved=True)
    return render(
        request, "story.html", title=story.label, story=story, statements=statements,
        actors=db.actors(doc_ids), categories=db.categories(doc_ids),
        chart=layout(db.chart_points(doc_ids), story.first, story.last),
        matrix=build(db.latest_positions(doc_ids), db.story_matters(doc_ids)), moves=moves,
        outlets=db.outlets(doc_ids)[:12],
        filters={"entity": entity, "stance": stance.value if stance else None, "category": category,
                 "kind": kind.value if kind else None},
        **overview(db, within, doc_ids, story=story.id),
    )


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, db: Ledger, name: Text = None, type: TypeParam = None, limit: Limit = 50,
                  offset: Offset = 0) -> HTMLResponse:
    page = db.entity_page(limit, offset, name=name, type=type)
    return render(request, "entities.html", title="Entities", page=page, name_filter=name or "",
                  type=type.value if type else "")


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, db: Ledger, entity_id: EntityPath, within: Within, limit: Limit = 50,
                offset: Offset = 0) -> HTMLResponse:
    entity = db.entity(entity_id)
    if entity is None:
        raise HTTPException(404, "No such entity.")
    return render(
        request, "entity.html", title=entity.name, entity=entity, outlets=db.entity_outlets(entity_id),
        claims=db.claim_page(limit, offset, entity_id=entity_id, within=within),
        quotes=db.quote_page(limit, offset, entity_id=entity_id, within=within),
        **overview(db, within, entity=entity_id),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, db: Ledger, within: Within, story: StoryParam = None, entity: EntityId = None,
                   limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
    found = story_documents(db, story) if story else None
    if story and found is None:
        raise HTTPException(404, "No such story.")
    doc_ids = found[1] if found else None
    return render(request, "documents.html", title="Articles",
                  page=db.document_page(limit, offset, document_ids=doc_ids, within=within, entity_id=entity),
                  outlet=within.outlet, story=found[0] if found else None, entity=db.entity(entity) if entity else None,
                  **overview(db, within, doc_ids, story=story, entity=entity))


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, db: Ledger, document_id: DocPath) -> HTMLResponse:
    doc = db.document(document_id)
    if doc is None:
        raise HTTPException(404, "No such article.")
    quotes, claims = db.document_quotes(doc.id), db.document_claims(doc.id)
    mentions = db.document_mentions(doc.id)
    body = highlight(doc.text or "", marks_for(mentions, quotes, claims))
    people: dict[str, tuple[str, str, int]] = {}
    for mention in mentions:
        if mention.entity_id:
            name, etype, n = people.get(mention.entity_id, (mention.entity_name, mention.entity_type, 0))
            people[mention.entity_id] = (name, etype, n + 1)
    entities = sorted(people.items(), key=lambda kv: (-kv[1][2], kv[1][0]))
    return render(request, "document.html", title=doc.title or doc.id, doc=doc, body=body, quotes=quotes,
                  claims=claims, entities=entities, history=version_history(db, doc.id, doc.text or ""))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, db: Ledger, within: Within, q: Text = None, limit: Limit = 20,
                offset: Offset = 0) -> HTMLResponse:
    query = (q or "").strip()
    docs = db.search(query, limit, offset, within=within) if query else None
    hits = [(h.document, snippet(h.snippet)) for h in docs.items] if docs else []
    return render(
        request, "search.html", title=f"Search: {query}" if query else "Search", q=query, docs=docs, hits=hits,
        quotes=db.quote_page(limit, offset, text=query, within=within) if query else None,
        claims=db.claim_page(limit, offset, text=query, within=within) if query else None,
        within=within, outlet_choices=[o.outlet for o in db.outlets()],
    )
