"""`storyledger eval quotes`."""

from __future__ import annotations

import typer

from storyledger.views.cli.options import err_console


def eval_quotes_command() -> None:
    """Not built yet."""
    err_console.print("eval quotes is not built yet")
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("quotes")(eval_quotes_command)
