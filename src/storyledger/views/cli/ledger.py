"""Reading the ledger: show, search, entities, quotes, claims."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storyledger.records import Polarity
from storyledger.views.versions import Edit, version_history
from storyledger.views.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    JsonOption,
    LimitOption,
    console,
    err_console,
    open_existing,
    print_jsonl,
)


def show_command(doc_id: Annotated[str, typer.Argument(help="Document id (or a unique prefix).")],
                 db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False) -> None:
    """Show one document: metadata, clean text and what was found in it."""
    with open_existing(db) as ledger:
        doc = ledger.document(doc_id)
        if doc is None:
            err_console.print(f"[red]error:[/] no document {doc_id!r} in {db}")
            raise typer.Exit(1)
        quotes = ledger.quote_page(limit=500, document_ids=[doc.id]).items
        claims = ledger.claim_page(limit=500, document_ids=[doc.id]).items
        history = version_history(ledger, doc.id, doc.text or "")
    versions, mine, changed = history.versions, history.version, history.changed
    if json_:
        print_jsonl([{"document": doc, "quotes": quotes, "claims": claims, "versions": versions,
                      "changes_from_previous": changed}])
        return
    date = doc.published.isoformat() if doc.published else "date unknown"
    console.rule(f"{doc.id}")
    console.print(f"[bold]{escape(doc.title or '(no title)')}[/]")
    console.print(escape(f"{', '.join(doc.authors) or 'author unknown'} · {doc.outlet or 'outlet unknown'} · "
                         f"{date} ({doc.published_source})"))
    console.print(escape("sources: " + ", ".join(doc.sources)), style="dim")
    console.print()
    console.print(escape(doc.text or ""))
    console.print()
    console.print(f"[bold]{len(quotes)} quotes, {len(claims)} claims[/] — `storyledger quotes`, `storyledger claims`")
    if len(versions) > 1:
        console.print()
        console.print(f"[bold]version {mine} of {len(versions)}[/] of {escape(versions[0].url)}:")
        for v in versions:
            here = "  ← this one" if v.document_id == doc.id else ""
            console.print(escape(f"  {v.version}. {v.document_id}  fetched {v.fetched_at or v.ingested_at}{here}"),
                          highlight=False)
    if changed:
        console.print(f"[bold]changed since version {mine - 1}:[/]")
        for change in changed:
            sign, style = ("+", "green") if change.edit is Edit.ADDED else ("-", "red")
            console.print(f"[{style}]{sign} {escape(change.text)}[/]", highlight=False, soft_wrap=True)


def search_command(query: Annotated[str, typer.Argument(help="Words or an FTS5 query.")],
                   db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 20) -> None:
    """Full-text search over article titles and text, with snippets."""
    with open_existing(db) as ledger:
        hits = ledger.search(query, limit=limit, snippet_tokens=16).items
    if json_:
        print_jsonl([{"document_id": h.document.id, "title": h.document.title, "outlet": h.document.outlet,
                      "published": h.document.published, "snippet": h.bracketed} for h in hits])
        return
    table = Table(title=f"{len(hits)} articles matching {query!r}", show_lines=True)
    for col in ("document", "date", "outlet", "title / snippet"):
        table.add_column(col)
    for h in hits:
        d = h.document
        table.add_row(d.id, d.published.isoformat() if d.published else "?", escape(d.outlet or ""),
                      f"[bold]{escape(d.title or '')}[/]\n{escape(h.bracketed)}")
    console.print(table)


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
        rows = ledger.entity_page(limit=limit, name=name, type=type).items
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
    table = Table(title=f"{len(found)} suspicious entities (merge or split with `storyledger entity`)")
    for col in ("id", "name", "type", "docs", "why"):
        table.add_column(col, overflow="fold")
    for e, s in found:
        table.add_row(e.id, escape(e.name), e.type, str(e.documents), escape("\n".join(s.reasons)))
    console.print(table)


def quotes_command(db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 200,
                   speaker: Annotated[str | None, typer.Option(help="Only quotes whose speaker matches this.")] = None,
                   doc: Annotated[str | None, typer.Option("--doc", help="Only quotes from this document.")] = None) -> None:
    """Who said what: quotes with their speaker, cue and source span."""
    with open_existing(db) as ledger:
        rows = ledger.quote_page(limit=limit, speaker=speaker, document_ids=[doc] if doc else None).items
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
        rows = ledger.claim_page(limit=limit, actor=actor, stance=stance, category=category,
                                 document_ids=[doc] if doc else None).items
    if json_:
        print_jsonl(rows)
        return
    table = Table(title=f"{len(rows)} claims", show_lines=True)
    for col in ("date", "actor", "stance", "category", "claim", "condition", "source"):
        table.add_column(col, overflow="fold", no_wrap=col in ("date", "source", "stance", "kind", "category"))
    for c in rows:
        day = c.date_label
        action = c.action if c.polarity == Polarity.AFFIRMED else f"NOT {c.action}"
        table.add_row(day, escape(", ".join(c.actor_names) or c.actor), c.stance, c.category, escape(action),
                      escape(c.condition or ""), f"{c.document_id}:{c.evidence_start}-{c.evidence_end}")
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("show")(show_command)
    app.command("search")(search_command)
    app.command("entities")(entities_command)
    app.command("quotes")(quotes_command)
    app.command("claims")(claims_command)
