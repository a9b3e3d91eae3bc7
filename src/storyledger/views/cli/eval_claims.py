"""`storyledger eval claims`."""

from __future__ import annotations

import typer

from storyledger.views.cli.options import err_console


def eval_claims_command() -> None:
    """Not built yet."""
    err_console.print("eval claims is not built yet")
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("claims")(eval_claims_command)
