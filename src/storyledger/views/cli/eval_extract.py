"""`storyledger eval extract`."""

from __future__ import annotations

import typer

from storyledger.views.cli.options import err_console


def eval_extract_command() -> None:
    """Not built yet."""
    err_console.print("eval extract is not built yet")
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("extract")(eval_extract_command)
