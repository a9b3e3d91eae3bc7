"""Reading the ledger: show, search, entities, quotes, claims, stories. Every listing prints through
``options.print_rows`` and says when it was cut short."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from storyledger.records import Polarity
from storyledger.store.interfaces import DocumentReader
from storyledger.views.cli.options import (
    DEFAULT_DB_PATH,
    Col,
    DbOption,
    JsonOption,
    LimitOption,
    count_title,
    err_console,
    open_existing,
    print_jsonl,
    print_rows,
)
from storyledger.views.cli.show import find_document, show_command

DocOption = Annotated[str | None, typer.Option("--doc", help="Only this document (id or unique prefix).")]


def _day(d: object) -> str:
    return d.isoformat() if d else "?"  # type: ignore[attr-defined]


def _scope(ledger: DocumentReader, doc: str | None, db: Path) -> list[str] | None:
    return [find_document(ledger, doc, db).id] if doc else None


def search_command(query: Annotated[str, typer.Argument(help="Words or an FTS5 query.")],
                   db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 20) -> None:
    """Full-text search over article titles and text, with snippets."""
    with open_existing(db) as ledger:
        page = ledger.search(query, limit=limit, snippet_tokens=16)
    hits = page.items
    noun = f"articles matching {query!r}"
    if json_:
        print_jsonl([{"document_id": h.document.id, "title": h.document.title, "outlet": h.document.outlet,
                      "published": h.document.published, "snippet": h.bracketed} for h in hits], page.total, noun)
        return
    cols = (Col("date", wrap=False, head=True), Col("outlet", head=True), Col("document", wrap=False, head=True),
            Col("title"), Col("snippet"))
    rows = [(_day(h.document.published), escape(h.document.outlet or ""), h.document.id,
             f"[bold]{escape(h.document.title or '')}[/]", escape(h.bracketed)) for h in hits]
    print_rows(cols, rows, count_title(len(hits), page.total, escape(noun)), lines=True)


def entities_command(db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 100,
                     name: Annotated[str | None, typer.Option(help="Only entities whose name or alias contains this.")] = None,
                     type: Annotated[str | None, typer.Option(help="person, organisation, place or group.")] = None,
                     suspicious: Annotated[bool, typer.Option("--suspicious", help="Only entities that may be "
                                                              "several in one, with why.")] = False) -> None:
    """People, organisations, places and groups in the ledger, with aliases and roles."""
    if suspicious:
        _suspicious(db, json_, limit, name, type)
        return
    with open_existing(db) as ledger:
        page = ledger.entity_page(limit=limit, name=name, type=type)
    if json_:
        print_jsonl(page.items, page.total, "entities")
        return
    cols = (Col("name", head=True), Col("type", wrap=False, head=True), Col("id", wrap=False, head=True),
            Col("aliases"), Col("roles"), Col("mentions", wrap=False, right=True), Col("docs", wrap=False, right=True))
    rows = [(escape(e.name), e.type, e.id, escape(", ".join(a for a in e.aliases if a != e.name)),
             escape("; ".join(e.roles)), str(e.mentions), str(e.documents)) for e in page.items]
    print_rows(cols, rows, count_title(len(rows), page.total, "entities"))


def _suspicious(db: Path, json_: bool, limit: int, name: str | None, type: str | None) -> None:
    """Entities holding names of different people, tagged a person and a place, or with many titles."""
    from storyledger.link.entity_review import review

    with open_existing(db) as ledger:
        types = ledger.document_types()
        page = ledger.entity_page(limit=ledger.count("entities") or 1, name=name, type=type).items
    found = [(e, s) for e in page
             if (s := review(e.id, e.name, e.type, e.aliases, e.roles, types.get(e.id, {}))) is not None][:limit]
    if json_:
        print_jsonl([s for _, s in found])
        return
    cols = (Col("name", head=True), Col("type", wrap=False, head=True), Col("id", wrap=False, head=True),
            Col("docs", wrap=False, right=True), Col("why"))
    rows = [(escape(e.name), e.type, e.id, str(e.documents), escape("\n".join(s.reasons))) for e, s in found]
    print_rows(cols, rows, f"{len(found)} suspicious entities (merge or split with `storyledger entity`)", lines=True)


def quotes_command(db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 200,
                   speaker: Annotated[str | None, typer.Option(help="Only quotes whose speaker matches this.")] = None,
                   doc: DocOption = None) -> None:
    """Who said what: quotes with their speaker, cue and source span."""
    with open_existing(db) as ledger:
        page = ledger.quote_page(limit=limit, speaker=speaker, document_ids=_scope(ledger, doc, db))
        if not page.items and ledger.count("quotes") == 0 and ledger.count("documents") > 0:
            err_console.print("no quotes in the ledger: quote extraction found none in these documents")
    if json_:
        print_jsonl(page.items, page.total, "quotes")
        return
    cols = (Col("date", wrap=False, head=True), Col("speaker", head=True), Col("kind", wrap=False, head=True),
            Col("quote"), Col("source", wrap=False))
    rows = []
    for q in page.items:
        who = q.speaker_name or q.speaker or "?"
        if q.speaker and q.speaker_name and q.speaker != q.speaker_name:
            who = f"{q.speaker_name} ({q.speaker})"
        rows.append((_day(q.published), escape(who), q.kind, escape(q.text), f"{q.document_id}:{q.start}-{q.end}"))
    print_rows(cols, rows, count_title(len(rows), page.total, "quotes"), lines=True)


def claims_command(db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 200,
                   actor: Annotated[str | None, typer.Option(help="Only claims whose actor matches this.")] = None,
                   stance: Annotated[str | None, typer.Option(help="committed, preparing, willing, considering, demanded, ruled_out, refused or reported.")] = None,
                   category: Annotated[str | None, typer.Option(help="PLOVER category, e.g. AID, SUPPORT, REJECT.")] = None,
                   doc: DocOption = None) -> None:
    """Commitments and positions: actor, stance, action, condition, time and evidence."""
    with open_existing(db) as ledger:
        page = ledger.claim_page(limit=limit, actor=actor, stance=stance, category=category,
                                 document_ids=_scope(ledger, doc, db))
    if json_:
        print_jsonl(page.items, page.total, "claims")
        return
    cols = (Col("date", wrap=False, head=True), Col("actor", head=True), Col("stance", wrap=False, head=True),
            Col("category", wrap=False, head=True), Col("claim"), Col("condition"), Col("said by"),
            Col("source", wrap=False))
    rows = []
    for c in page.items:
        action = c.action if c.polarity == Polarity.AFFIRMED else f"NOT {c.action}"
        rows.append((c.date_label, escape(", ".join(c.actor_names) or c.actor), c.stance, c.category,
                     escape(action), escape(c.condition or ""), escape(c.reported_by or ""),
                     f"{c.document_id}:{c.evidence_start}-{c.evidence_end}"))
    print_rows(cols, rows, count_title(len(rows), page.total, "claims"), lines=True)


def stories_command(db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 100) -> None:
    """Articles grouped into stories, latest first; near-duplicates are counted once."""
    with open_existing(db) as ledger:
        page = ledger.story_page(limit=limit)
        if not page.items and ledger.count("documents"):
            err_console.print("no stories yet: run `storyledger link`")
    if json_:
        print_jsonl(page.items, page.total, "stories")
        return
    cols = (Col("id", wrap=False, head=True), Col("from", wrap=False, head=True), Col("to", wrap=False, head=True),
            Col("label"), Col("articles", wrap=False, right=True), Col("copies", wrap=False, right=True),
            Col("outlets"))
    rows = [(s.id, _day(s.first), _day(s.last), escape(s.label), str(s.documents), str(s.copies),
             escape(", ".join(s.outlets))) for s in page.items]
    print_rows(cols, rows, count_title(len(rows), page.total, "stories"))


def register(app: typer.Typer) -> None:
    app.command("show")(show_command)
    app.command("search")(search_command)
    app.command("entities")(entities_command)
    app.command("quotes")(quotes_command)
    app.command("claims")(claims_command)
    app.command("stories")(stories_command)
