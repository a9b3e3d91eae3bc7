"""`storyledger export`: the ledger as files for other tools."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyledger.views.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    console,
    err_console,
    open_existing,
)


def export_command(
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet (one file per table); "
                                       "ftm (FollowTheMoney entities as JSON lines); datasette (metadata file).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write into (created if missing).")],
    db: DbOption = DEFAULT_DB_PATH,
    bom: Annotated[bool, typer.Option("--bom", help="CSV: start each file with a UTF-8 byte order mark, so Excel "
                                                    "reads it as UTF-8 (curly quotes and accents intact).")] = False,
) -> None:
    """Export the ledger: tables as JSON Lines, CSV or Parquet, FollowTheMoney entities, or Datasette metadata."""
    from storyledger.views.export import FORMATS, export

    if format not in FORMATS:
        err_console.print(f"[red]error:[/] --format must be one of {', '.join(FORMATS)}, not {format!r}")
        raise typer.Exit(2)
    if out.exists() and not out.is_dir():
        err_console.print(f"[red]error:[/] {out} exists and is not a directory")
        raise typer.Exit(2)
    with open_existing(db) as ledger:
        try:
            files = export(ledger, format, out, bom=bom)
        except ModuleNotFoundError as exc:
            err_console.print(f"[red]error:[/] --format {format} needs the {exc.name!r} package: pip install {exc.name}")
            raise typer.Exit(2) from None
    for f in files:
        console.print(f"{f.rows:>8}  {f.path}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
