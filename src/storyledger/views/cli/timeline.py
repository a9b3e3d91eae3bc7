"""`storyledger timeline` and `storyledger link`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storyledger.link.records import Mark
from storyledger.records import Polarity
from storyledger.store.read_models import TimelineLine
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

_MARK_STYLE = {Mark.NEW: "green", Mark.REPEATED: "dim", Mark.CHANGED: "bold yellow", Mark.CONDITION_DROPPED: "yellow",
               Mark.CONDITION_MET: "bold green", Mark.CONDITION_REFUSED: "bold red"}


def claim_text(line: TimelineLine) -> str:
    text = line.claim if line.polarity == Polarity.AFFIRMED else f"NOT {line.claim}"
    return f"{text} [if: {line.condition}]" if line.condition else text


def timeline_command(
    db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 500,
    story: Annotated[str | None, typer.Option("--story", help="Only this story (id or unique prefix).")] = None,
    query: Annotated[str | None, typer.Option("--query", help="Only lines whose matter or claim has these words.")] = None,
    actor: Annotated[str | None, typer.Option(help="Only lines whose actor matches this.")] = None,
) -> None:
    """Positions in date order: date, actor, how the position moved (new, repeated, changed,
    condition met/dropped/refused), stance, claim, matter, outlet and the sentence it came from.

    A claim first made in a later version of its article is marked correction; one a later version
    dropped is marked withdrawn."""
    with open_existing(db) as ledger:
        doc_ids = None
        if story:
            found = ledger.story(story)
            if found is None:
                err_console.print(f"[red]error:[/] no story {story!r}; `storyledger stories` lists them")
                raise typer.Exit(1)
            doc_ids = ledger.story_document_ids(found.id)
        lines = ledger.timeline_lines(doc_ids, actor=actor, query=query, limit=limit)
        if not lines and ledger.count("claims") and not ledger.n_linked():
            err_console.print("the ledger is not linked yet: run `storyledger link`")
    if json_:
        print_jsonl(lines)
        return
    if not lines:
        err_console.print("the timeline is empty: no claims match")
        return
    table = Table(title=f"timeline: {len(lines)} lines", show_lines=False)
    for col in ("date", "actor", "mark", "stance", "claim", "matter", "outlet", "source"):
        table.add_column(col, overflow="fold", no_wrap=col in ("date", "source", "from", "to", "id", "stance", "mark"))
    for line in lines:
        outlet = line.outlet or ""
        if line.also_in:
            outlet += f" (+{', '.join(line.also_in)})"
        style = _MARK_STYLE.get(line.mark, "")
        mark = f"[{style}]{line.mark}[/]" if style else str(line.mark)
        if line.revision:
            mark += f" · [bold magenta]{line.revision}[/]"
        table.add_row(line.date.isoformat() if line.date else "?", escape(line.actor), mark, line.stance,
                      escape(claim_text(line)),
                      escape(line.matter), escape(outlet), f"{line.document_id}:{line.start}-{line.end}")
    console.print(table)


def link_command(db: DbOption = DEFAULT_DB_PATH,
                 rebuild: Annotated[bool, typer.Option("--rebuild", help="Drop every link and link all again "
                                                       "(merges and splits you made are kept).")] = False) -> None:
    """Link stored documents: entities across articles, near-duplicates, stories, positions."""
    from storyledger.link.pipeline import link_new, relink

    with open_existing(db) as ledger:
        n = relink(ledger) if rebuild else link_new(ledger)
        stories = ledger.story_page(limit=1).total
    console.print(f"linked {n} documents; {stories} stories")


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_command)
    app.command("link")(link_command)
