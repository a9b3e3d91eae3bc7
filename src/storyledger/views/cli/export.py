"""`storyledger export`."""

from __future__ import annotations

import typer

from storyledger.views.cli.options import err_console


def export_command() -> None:
    """Not built yet."""
    err_console.print("export is not built yet")
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
