"""`storyledger timeline` and `storyledger link`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from storyledger.link.records import Mark
from storyledger.records import Polarity, Stance
from storyledger.store.read_models import EarlierLine, TimelineLine
from storyledger.views.cli.options import (
    DEFAULT_DB_PATH,
    Col,
    DbOption,
    JsonOption,
    LimitOption,
    console,
    err_console,
    open_existing,
    print_jsonl,
    print_rows,
)

_MARK_STYLE = {Mark.NEW: "green", Mark.REPEATED: "dim", Mark.CHANGED: "bold yellow",
               Mark.CONDITION_MET: "bold green", Mark.CONDITION_REFUSED: "bold red"}


def claim_text(line: TimelineLine | EarlierLine) -> str:
    """The claim, NOT-ed when negated (a refusal or ruling-out already says no)."""
    said_no = line.polarity == Polarity.NEGATED and line.stance not in (Stance.REFUSED, Stance.RULED_OUT)
    text = f"NOT {line.claim}" if said_no else line.claim
    return f"{text} [if: {line.condition}]" if line.condition else text


def _actor(line: TimelineLine) -> str:
    return f"{line.actor} (via {line.speaker})" if line.speaker else line.actor


def _earlier(line: TimelineLine) -> str:
    """The earlier line a repeated or changed one refers to, beside it: date, stance, claim, source."""
    e = line.earlier
    if e is None:
        return ""
    source = f"{e.outlet or 'outlet unknown'}, {e.document_id}:{e.start}-{e.end}"
    return f"{e.date_label} · {e.stance} · {claim_text(e)} ({source})"


def timeline_command(
    db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 500,
    story: Annotated[str | None, typer.Option("--story", help="Only this story (id or unique prefix).")] = None,
    query: Annotated[str | None, typer.Option("--query", help="Only lines whose matter or claim has these words.")] = None,
    actor: Annotated[str | None, typer.Option(help="Only lines whose actor matches this.")] = None,
    moved: Annotated[bool, typer.Option("--moved", help="Only lines that refer to an earlier one "
                                                        "(repeated, changed, a condition met or refused).")] = False,
) -> None:
    """Positions in date order: date (as precise as the text gives it), actor (and who spoke for it), how
    the position moved (new; repeated; changed: reversed, hardened, softened, condition met/dropped/added/
    changed; another party's condition met/refused), stance, claim, matter, the earlier line a repeated or
    changed one refers to, outlet and the sentence it came from.

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
        lines = ledger.timeline_lines(doc_ids, actor=actor, query=query, limit=limit, moved=moved)
        if not lines and ledger.count("claims") and not ledger.n_linked():
            err_console.print("the ledger is not linked yet: run `storyledger link`")
    if json_:
        print_jsonl(lines)
        return
    if not lines:
        err_console.print("the timeline is empty: no claims match")
        return
    cols = (Col("date", wrap=False, head=True), Col("actor", head=True), Col("mark", wrap=False, head=True),
            Col("position"), Col("source", wrap=False))
    rows = []
    for line in lines:
        outlet = line.outlet or "outlet unknown"
        if line.also_in:
            outlet += f" (+{', '.join(line.also_in)})"
        style = _MARK_STYLE.get(line.mark, "")
        mark = escape(line.mark_label)
        if line.revision:
            mark += f" [bold magenta]{line.revision}[/]"
        position = f"[bold]{line.stance}[/]: {escape(claim_text(line))}\n[dim]matter: {escape(line.matter)}[/]"
        if line.earlier:
            position += f"\n[dim]earlier: {escape(_earlier(line))}[/]"
        rows.append((line.date_label, escape(_actor(line)), f"[{style}]{mark}[/]" if style else mark, position,
                     f"{escape(outlet)}\n{line.document_id}:{line.start}-{line.end}"))
    print_rows(cols, rows, f"timeline: {len(lines)} lines", lines=True)


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
