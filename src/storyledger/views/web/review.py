"""The review page: entities that may be several people in one, or one person and a place.

Anyone browsing sees why each is listed. When the app runs with ``serve --review`` (on this
machine only), each can be split by name or merged into another entity, after a page that says
what will change and asks to confirm; the decision is stored as an override, so it survives new
articles and a relink, exactly as ``storyledger entity merge/split`` does.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Annotated
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from storyledger.store import open_ledger
from storyledger.store.interfaces import LedgerReader
from storyledger.views.web.deps import ledger
from storyledger.views.web.pages import render
from storyledger.views.web.params import Limit, Offset

router = APIRouter(include_in_schema=False)
Ledger = Annotated[LedgerReader, Depends(ledger)]
_FIELD = 200  # longest form value taken


class Reviewer:
    """Writes the user's decisions to the ledger, one at a time (the pages read through their own
    read-only connections)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def merge(self, target: str, source: str) -> str:
        from storyledger.link.overrides import merge

        with self._lock, open_ledger(self.path) as writable:
            return merge(writable, target, source).id

    def split(self, entity: str, name: str) -> str:
        from storyledger.link.overrides import split

        with self._lock, open_ledger(self.path) as writable:
            return split(writable, entity, name=name).id


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, db: Ledger, limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
    from storyledger.link.entity_review import review

    types = db.document_types()
    everything = db.entity_page(limit=max(1, db.count("entities"))).items
    found = [(e, s) for e in everything
             if (s := review(e.id, e.name, e.type, e.aliases, e.roles, types.get(e.id, {}))) is not None]
    return render(request, "review.html", title="Review entities", found=found[offset:offset + limit],
                  total=len(found), editable=request.app.state.reviewer is not None)


@router.post("/review/merge", response_class=HTMLResponse)
async def merge_post(request: Request, db: Ledger) -> Response:
    form = await _form(request)
    target, source = form.get("target", ""), form.get("source", "")
    if form.get("confirm") != "yes":
        return _confirm(request, db, "merge", {"target": target, "source": source},
                        f"Merge “{_named(db, source)}” into “{_named(db, target)}”: every article of the first "
                        "will count as the second, now and after every relink.")
    return _done(request, lambda r: r.merge(target, source))


@router.post("/review/split", response_class=HTMLResponse)
async def split_post(request: Request, db: Ledger) -> Response:
    form = await _form(request)
    entity, name = form.get("entity", ""), form.get("name", "")
    if form.get("confirm") != "yes":
        return _confirm(request, db, "split", {"entity": entity, "name": name},
                        f"Split the articles that name “{name}” off “{_named(db, entity)}” into an entity of "
                        "their own, now and after every relink.")
    return _done(request, lambda r: r.split(entity, name))


async def _form(request: Request) -> dict[str, str]:
    """The posted fields, only from this app's own pages and only when review is on."""
    if request.app.state.reviewer is None:
        raise HTTPException(403, "Review is off: start the app with `storyledger serve --review`.")
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.url.netloc:
        raise HTTPException(403, "Changes are taken only from this app's own pages.")
    fields = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=10)
    return {k: v[0][:_FIELD] for k, v in fields.items() if v}


def _named(db: LedgerReader, ref: str) -> str:
    entity = db.entity(ref)
    return f"{entity.name} ({entity.id})" if entity else ref


def _confirm(request: Request, db: LedgerReader, action: str, fields: dict[str, str], change: str) -> HTMLResponse:
    return render(request, "review_confirm.html", title="Confirm", action=action, fields=fields, change=change)


def _done(request: Request, act) -> Response:  # type: ignore[no-untyped-def]
    from storyledger.link.overrides import OverrideError

    try:
        entity_id = act(request.app.state.reviewer)
    except OverrideError as exc:
        return render(request, "error.html", status_code=400, title="Not done", message=str(exc))
    return RedirectResponse(f"/entities/{entity_id}", status_code=303)
