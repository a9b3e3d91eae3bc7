"""Options shared by several commands, so each is spelled and documented once."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from storyledger.config import DEFAULT_DB
from storyledger.records import to_jsonable
from storyledger.sources.sidecar import parse_date
from storyledger.store import Ledger, is_server_url, open_ledger



def ledger_location(value: str | Path) -> Path | str:
    """--db: a ``postgresql://`` URL as given (a Path would fold its ``//``), else a SQLite file's path."""
    return str(value) if is_server_url(str(value)) else Path(value)


DbOption = Annotated[
    Path, typer.Option("--db", envvar="STORYLEDGER_DB", parser=ledger_location, show_default=True,
                       help="Ledger: a SQLite file, or a PostgreSQL database as postgresql://user@host/name.")
]
DEFAULT_DB_PATH = Path(DEFAULT_DB)
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON Lines instead of a table.")]
LimitOption = Annotated[int, typer.Option("--limit", min=1, help="Show at most this many rows.")]

console = Console()
err_console = Console(stderr=True)


def require_ledger(db: Path | str) -> None:
    """Reading commands refuse to create an empty ledger file by accident (a database is made by its server)."""
    if isinstance(db, Path) and not db.exists():
        err_console.print(f"[red]error:[/] no ledger at {db}; run `storyledger ingest PATH...` first")
        raise typer.Exit(2)


def open_existing(db: Path | str) -> Ledger:
    require_ledger(db)
    return open_ledger(db)


def print_jsonl(rows: list[Any]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(to_jsonable(row), ensure_ascii=False) + "\n")


def published_option(value: str | None) -> date | None:
    """The --published option as a date; a bad one is a usage error naming the option."""
    try:
        return parse_date(value, "--published") if value else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
