"""Options shared by several commands, so each is spelled and documented once, and the one way every
listing is printed (``print_rows``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

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

# Below this many columns a listing is printed as stacked records: a table squeezed into a narrow
# terminal wraps every column to a few characters and splits words.
WIDE = 120


def require_ledger(db: Path | str) -> None:
    """Reading commands refuse to create an empty ledger file by accident (a database is made by its server)."""
    if isinstance(db, Path) and not db.exists():
        err_console.print(f"[red]error:[/] no ledger at {db}; run `storyledger ingest PATH...` first")
        raise typer.Exit(2)


def open_existing(db: Path | str) -> Ledger:
    require_ledger(db)
    return open_ledger(db)


def print_jsonl(rows: list[Any], total: int | None = None, noun: str = "rows") -> None:
    """JSON Lines on stdout; when ``total`` says more matched than printed, a note on stderr says so
    (stdout stays pure JSON Lines for the next program)."""
    for row in rows:
        sys.stdout.write(json.dumps(to_jsonable(row), ensure_ascii=False) + "\n")
    if total is not None and total > len(rows):
        err_console.print(f"{count_title(len(rows), total, noun)}", highlight=False)


def published_option(value: str | None) -> date | None:
    """The --published option as a date; a bad one is a usage error naming the option."""
    try:
        return parse_date(value, "--published") if value else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def count_title(shown: int, total: int | None, noun: str) -> str:
    """"6 quotes", "1 story", or "200 of 2,447 quotes (use --limit)" when the listing was cut; ``noun``
    is plural ("stories", "articles matching 'x'")."""
    if total is not None and total > shown:
        return f"{shown:,} of {total:,} {noun} (use --limit)"
    if shown == 1:
        first, _, rest = noun.partition(" ")
        first = first[:-3] + "y" if first.endswith("ies") else first.removesuffix("s")
        noun = f"{first} {rest}".rstrip()
    return f"{shown:,} {noun}"


def print_wrapped(text: Text, out: Console | None = None, indent: int = 0, first: Text | None = None) -> None:
    """``text`` wrapped at word boundaries to the terminal, each line after the first indented by
    ``indent`` (``first``, if given, before the first line), with no trailing spaces."""
    out = out or console
    lead = first if first is not None else Text()
    width = max(20, out.width - indent)
    for i, line in enumerate(text.wrap(out, width, overflow="fold")):
        line.rstrip()
        out.print((lead if i == 0 else Text(" " * indent)) + line, soft_wrap=True)


@dataclass(frozen=True, slots=True)
class Col:
    """A column of a listing. ``wrap`` False keeps a value on one line (ids, dates, sources, one-word
    values); ``head`` puts it on a record's first line in the stacked layout, the others go below it
    as "name  value" lines."""

    name: str
    wrap: bool = True
    head: bool = False
    right: bool = False


def print_rows(cols: Sequence[Col], rows: Sequence[Sequence[str]], title: str, *,
               lines: bool = False, out: Console | None = None) -> None:
    """Print a listing: a table when the terminal is wide (``WIDE`` columns or more) and every word
    fits whole in its column, else one stacked record per row. Cells are rich markup (escape text
    from the ledger); a word is never split across lines, whatever the width."""
    out = out or console
    width = out.width
    texts = [[Text.from_markup(cell) for cell in row] for row in rows]
    widths = _column_widths(cols, texts, width) if width >= WIDE else None
    if widths is None:
        _print_stacked(cols, texts, title, out)
        return
    table = Table(title=title, show_lines=lines)
    for col, w in zip(cols, widths):
        table.add_column(col.name, width=w, no_wrap=not col.wrap, overflow="fold",
                         justify="right" if col.right else "left")
    for row in texts:
        table.add_row(*row)
    out.print(table)


def _words(text: Text) -> list[str]:
    return text.plain.split()


def _column_widths(cols: Sequence[Col], rows: Sequence[Sequence[Text]], width: int) -> list[int] | None:
    """Each column's width: its widest line if all fit, else at least its longest word (a one-line
    column its whole value), with what is left shared in proportion to what each would still use.
    None when even the longest words do not fit side by side."""
    natural, least = [], []
    for i, col in enumerate(cols):
        cells = [row[i] for row in rows]
        lines = [line for cell in cells for line in cell.plain.splitlines()] + [col.name]
        natural.append(max(cell_len(line) for line in lines))
        if col.wrap:
            least.append(max([cell_len(w) for cell in cells for w in _words(cell)] + [cell_len(col.name)]))
        else:
            least.append(natural[-1])
    room = width - (3 * len(cols) + 1)  # borders and padding: "│ " ... " │"
    if sum(natural) <= room:
        return natural
    spare = room - sum(least)
    if spare < 0:
        return None
    want = [n - m for n, m in zip(natural, least)]
    total_want = sum(want) or 1
    widths = [m + spare * w // total_want for m, w in zip(least, want)]
    return widths


def _print_stacked(cols: Sequence[Col], rows: Sequence[Sequence[Text]], title: str, out: Console) -> None:
    """One record per row: the head columns on its first line ("2025-08-19 · Donald Trump · indirect"),
    then one "name  value" line per other column that has a value, its value wrapped under itself."""
    out.print(Text(title, style="bold"))
    label_width = max((cell_len(c.name) for c in cols if not c.head), default=0)
    indent = " " * (2 + label_width + 2)
    for row in rows:
        out.print()
        head = Text(" · ").join(cell for col, cell in zip(cols, row) if col.head and cell.plain)
        if cols and cols[0].head:
            head.stylize("bold", 0, len(row[0].plain))
        print_wrapped(head, out, indent=2)
        for col, cell in zip(cols, row):
            if not col.head and cell.plain:
                print_wrapped(cell, out, len(indent), Text(f"  {col.name:<{label_width}}  ", style="dim"))
