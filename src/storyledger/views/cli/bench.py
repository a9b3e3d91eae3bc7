"""`storyledger bench`: what one more article costs to link, on a small and a large ledger."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from storyledger.views.cli.options import JsonOption, console, print_jsonl


def bench_command(
    sizes: Annotated[list[int] | None, typer.Option("--size", help="Ledger sizes to compare (repeatable).")] = None,
    repeats: Annotated[int, typer.Option("--repeats", min=3, help="Articles added and timed per size.")] = 30,
    json_: JsonOption = False,
) -> None:
    """Build synthetic ledgers of each size, then time adding (store + link) one article at a
    time; reports the median and the ratio to the smallest ledger. Takes a few minutes at 10,000."""
    from storyledger.bench import run_bench

    results = run_bench(sorted(sizes or [100, 10_000]), repeats=repeats)
    base = results[0].median_ms
    if json_:
        print_jsonl([{"size": r.size, "median_ms": round(r.median_ms, 2), "ratio": round(r.median_ms / base, 2),
                      "repeats": len(r.samples)} for r in results])
        return
    table = Table(title="adding one article (store + link), synthetic ledgers")
    for col in ("ledger size", "median ms", "ratio"):
        table.add_column(col, justify="right")
    for r in results:
        table.add_row(f"{r.size:,}", f"{r.median_ms:.1f}", f"{r.median_ms / base:.2f}")
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_command)
