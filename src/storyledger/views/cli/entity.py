"""`storyledger entity merge|split`: users correct entity resolution; the choice survives re-ingest."""

from __future__ import annotations

import typer

from storyledger.views.cli.options import err_console

entity_app = typer.Typer(help="Merge or split ledger entities.", no_args_is_help=True)


@entity_app.command("merge")
def merge_command() -> None:
    """Not built yet."""
    err_console.print("entity merge is not built yet")
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.add_typer(entity_app, name="entity")
