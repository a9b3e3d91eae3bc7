"""Entry point: builds the typer app from the command modules."""

from __future__ import annotations

import typer

from storyledger.views.cli import (
    archive,
    bench,
    entity,
    evaluate,
    export,
    follow,
    ingest,
    inspect,
    ledger,
    serve,
    timeline,
)

app = typer.Typer(
    name="storyledger",
    help="Read news about an evolving story and keep a sourced ledger: who said what, who committed to "
    "what under which conditions, and how that changed. Every line links to its sentence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (ingest, follow, archive, inspect, ledger, timeline, entity, serve, export, evaluate, bench):
    module.register(app)


def main() -> None:
    app()
