"""`storyledger spark` (annotate WARC archives on Spark into Parquet) and `storyledger load` (bring that
Parquet into a ledger and link it)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyledger.views.cli.fetching import print_report
from storyledger.views.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    console,
    err_console,
)
from storyledger.views.cli.terminal import for_terminal


def spark_command(
    inputs: Annotated[list[str], typer.Argument(help="WARC files (.warc, .warc.gz), folders or globs.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Parquet folder to write (replaced).")],
    master: Annotated[str, typer.Option(help="Spark master: local[N] on this machine, or a cluster's URL.")] = "local[*]",
    partitions: Annotated[int | None, typer.Option(min=1, help="Spark tasks (default: one per WARC file).")] = None,
) -> None:
    """Annotate the articles in WARC archives on Spark, one Parquet row per page (`storyledger load` stores them).

    Each task runs the same per-article work as `ingest` on whole WARC files, as Common Crawl's cc-pyspark
    does; needs the spark extra (pip install 'storyledger[spark]') and Java 17."""
    from storyledger.spark.job import run
    from storyledger.spark.load import archive_rows, parquet_files

    if not run(inputs, str(output), master=master, partitions=partitions):
        err_console.print("[red]error:[/] no WARC files (.warc, .warc.gz) among the inputs")
        raise typer.Exit(2)
    rows = list(archive_rows(parquet_files([output])))
    articles = sum(1 for r in rows if r.record is not None)
    console.print(for_terminal(f"annotated {articles} articles, failed {len(rows) - articles}  → {output}"),
                  highlight=False)


def load_command(
    inputs: Annotated[list[Path], typer.Argument(help="Parquet written by `storyledger spark` (its folder, or files).")],
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Store the articles a Spark job annotated (storyledger spark) in the ledger, then link them.

    Loading the same Parquet again changes nothing; the pages the job found no article in are listed."""
    from storyledger.spark.load import load
    from storyledger.store import open_ledger

    missing = [p for p in inputs if not p.exists()]
    if missing:
        err_console.print(f"[red]error:[/] no Parquet at {for_terminal(str(missing[0]))}")
        raise typer.Exit(2)
    with open_ledger(db) as ledger:
        report = load(inputs, ledger)
    print_report(report, db, None)
    if report.failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("spark")(spark_command)
    app.command("load")(load_command)
