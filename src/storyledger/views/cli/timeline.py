"""`storyledger timeline` and `storyledger stories`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storyledger.views.cli.options import (
    DEFAULT_DB_PATH, DbOption, JsonOption, LimitOption, console, err_console, open_existing, print_jsonl,
)


def timeline_command(db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 500,
                     actor: Annotated[str | None, typer.Option(help="Only lines whose actor matches this.")] = None) -> None:
    """Claims in date order, each with its outlet and a reference to its sentence."""
    with open_existing(db) as ledger:
        rows = ledger.claims(actor=actor, limit=limit)
    if json_:
        print_jsonl(rows)
        return
    if not rows:
        err_console.print("the timeline is empty: no claims in the ledger yet")
    table = Table(title=f"timeline: {len(rows)} lines")
    for col in ("date", "actor", "stance", "claim", "outlet", "source"):
        table.add_column(col)
    for c in rows:
        table.add_row(c.date.isoformat() if c.date else "?", escape(", ".join(c.actor_names) or c.actor), c.stance,
                      escape(c.action), escape(c.outlet or ""), f"{c.document_id}:{c.evidence_start}-{c.evidence_end}")
    console.print(table)


def stories_command(db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False) -> None:
    """Articles grouped into stories."""
    err_console.print("story clustering is not built yet: no stories to show")
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_command)
    app.command("stories")(stories_command)
