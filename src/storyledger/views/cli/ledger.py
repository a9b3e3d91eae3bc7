"""Reading the ledger: show, search, entities, quotes, claims."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storyledger.views.cli.options import (
    DEFAULT_DB_PATH, DbOption, JsonOption, LimitOption, console, err_console, open_existing, print_jsonl,
)


def show_command(doc_id: Annotated[str, typer.Argument(help="Document id (or a unique prefix).")],
                 db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False) -> None:
    """Show one document: metadata, clean text and what was found in it."""
    with open_existing(db) as ledger:
        doc = ledger.document(doc_id)
        if doc is None:
            err_console.print(f"[red]error:[/] no document {doc_id!r} in {db}")
            raise typer.Exit(1)
        quotes = ledger.quotes(document_id=doc.id)
        claims = ledger.claims(document_id=doc.id)
    if json_:
        print_jsonl([{"document": doc, "quotes": quotes, "claims": claims}])
        return
    date = doc.published.isoformat() if doc.published else "date unknown"
    console.rule(f"{doc.id}")
    console.print(f"[bold]{escape(doc.title or '(no title)')}[/]")
    console.print(escape(f"{', '.join(doc.authors) or 'author unknown'} · {doc.outlet or 'outlet unknown'} · "
                         f"{date} ({doc.published_source})"))
    console.print(escape("sources: " + ", ".join(doc.sources)), style="dim")
    console.print()
    console.print(escape(doc.text))
    console.print()
    console.print(f"[bold]{len(quotes)} quotes, {len(claims)} claims[/] — `storyledger quotes`, `storyledger claims`")


def search_command(query: Annotated[str, typer.Argument(help="Words or an FTS5 query.")],
                   db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 20) -> None:
    """Full-text search over article titles and text, with snippets."""
    with open_existing(db) as ledger:
        hits = ledger.search(query, limit=limit)
    if json_:
        print_jsonl(hits)
        return
    table = Table(title=f"{len(hits)} articles matching {query!r}", show_lines=True)
    for col in ("document", "date", "outlet", "title / snippet"):
        table.add_column(col)
    for h in hits:
        table.add_row(h.document_id, h.published.isoformat() if h.published else "?", escape(h.outlet or ""),
                      f"[bold]{escape(h.title or '')}[/]\n{escape(h.snippet)}")
    console.print(table)


def entities_command(db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 100,
                     name: Annotated[str | None, typer.Option(help="Only entities whose name or alias contains this.")] = None,
                     type: Annotated[str | None, typer.Option(help="person, organisation, place or group.")] = None) -> None:
    """People, organisations, places and groups in the ledger, with aliases and roles."""
    with open_existing(db) as ledger:
        rows = ledger.entities(name=name, type=type, limit=limit)
    if json_:
        print_jsonl(rows)
        return
    table = Table(title=f"{len(rows)} entities")
    for col in ("id", "name", "type", "aliases", "roles", "mentions", "docs"):
        table.add_column(col)
    for e in rows:
        aliases = ", ".join(a for a in e.aliases if a != e.name)
        table.add_row(e.id, escape(e.name), e.type, escape(aliases), escape("; ".join(e.roles)), str(e.mentions),
                      str(e.documents))
    console.print(table)


def quotes_command(db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 200,
                   speaker: Annotated[str | None, typer.Option(help="Only quotes whose speaker matches this.")] = None,
                   doc: Annotated[str | None, typer.Option("--doc", help="Only quotes from this document.")] = None) -> None:
    """Who said what: quotes with their speaker, cue and source span."""
    with open_existing(db) as ledger:
        rows = ledger.quotes(speaker=speaker, document_id=doc, limit=limit)
        if not rows and ledger.count("quotes") == 0 and ledger.count("documents") > 0:
            err_console.print("no quotes in the ledger: quote extraction found none in these documents")
    if json_:
        print_jsonl(rows)
        return
    table = Table(title=f"{len(rows)} quotes", show_lines=True)
    for col in ("date", "speaker", "kind", "quote", "source"):
        table.add_column(col, overflow="fold", no_wrap=col in ("date", "source", "stance", "kind", "category"))
    for q in rows:
        who = q.speaker_name or q.speaker or "?"
        if q.speaker and q.speaker_name and q.speaker != q.speaker_name:
            who = f"{q.speaker_name} ({q.speaker})"
        table.add_row(q.published.isoformat() if q.published else "?", escape(who), q.kind, escape(q.text),
                      f"{q.document_id}:{q.start}-{q.end}")
    console.print(table)


def claims_command(db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 200,
                   actor: Annotated[str | None, typer.Option(help="Only claims whose actor matches this.")] = None,
                   stance: Annotated[str | None, typer.Option(help="committed, preparing, willing, considering, demanded, ruled_out, refused or reported.")] = None,
                   category: Annotated[str | None, typer.Option(help="PLOVER category, e.g. AID, SUPPORT, REJECT.")] = None,
                   doc: Annotated[str | None, typer.Option("--doc", help="Only claims from this document.")] = None) -> None:
    """Commitments and positions: actor, stance, action, condition, time and evidence."""
    with open_existing(db) as ledger:
        rows = ledger.claims(actor=actor, stance=stance, category=category, document_id=doc, limit=limit)
    if json_:
        print_jsonl(rows)
        return
    table = Table(title=f"{len(rows)} claims", show_lines=True)
    for col in ("date", "actor", "stance", "category", "claim", "condition", "reported by", "source"):
        table.add_column(col, overflow="fold", no_wrap=col in ("date", "source", "stance", "kind", "category"))
    for c in rows:
        day = c.date.isoformat() if c.date else "?"
        action = c.action if c.polarity == "affirmed" else f"NOT {c.action}"
        table.add_row(day, escape(", ".join(c.actor_names) or c.actor), c.stance, c.category, escape(action),
                      escape(c.condition or ""), escape(c.reported_by or ""),
                      f"{c.document_id}:{c.evidence_start}-{c.evidence_end}")
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("show")(show_command)
    app.command("search")(search_command)
    app.command("entities")(entities_command)
    app.command("quotes")(quotes_command)
    app.command("claims")(claims_command)
