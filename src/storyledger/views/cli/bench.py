"""`storyledger bench`."""

from __future__ import annotations

import typer

from storyledger.views.cli.options import err_console


def bench_command() -> None:
    """Not built yet."""
    err_console.print("bench is not built yet")
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_command)
