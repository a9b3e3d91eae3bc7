"""`storyledger ingest`: files, folders and globs into the ledger."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from storyledger.records import Hints
from storyledger.views.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    console,
    err_console,
    published_option,
)


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or globs of .html/.htm/.txt/.json/.jsonl, .warc(.gz) archives, .rss/.atom/.xml feeds.")],
    db: DbOption = DEFAULT_DB_PATH,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that lack one.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name for inputs that lack one.")] = None,
    format: Annotated[str | None, typer.Option("--format", help="Force the input kind: html or text.")] = None,
    raw: Annotated[bool, typer.Option("--raw", help="Inputs are already clean article text: use as is.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest articles into the ledger. Re-ingesting the same documents changes nothing."""
    from storyledger.ingest import (  # loads spaCy: only for the command that needs it
        ingest,
        iter_raw,
    )
    from storyledger.store import open_ledger

    if format not in (None, "html", "text"):
        raise typer.BadParameter("--format must be html or text")
    hints = Hints(format=format, raw=raw, default_published=published_option(published), default_outlet=outlet)
    total = sum(1 for _ in iter_raw(paths, hints))
    with open_ledger(db) as ledger, Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=err_console, disable=quiet or total < 3, transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=total)
        report = ingest(paths, ledger, hints, on_item=lambda _src: progress.advance(task))
    for failure in report.failed:
        err_console.print(f"[red]failed:[/] {failure}", highlight=False, soft_wrap=True)
    console.print(
        f"ingested {len(report.ingested)}, unchanged {len(report.unchanged)}, failed {len(report.failed)}"
        f"  → {Path(db)}",
        highlight=False,
    )
    if report.failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
