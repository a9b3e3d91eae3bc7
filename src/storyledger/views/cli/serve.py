"""`storyledger serve`: the local web app and JSON API over a ledger."""

from __future__ import annotations

from typing import Annotated

import typer

from storyledger.views.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    console,
    err_console,
)

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def serve_command(
    db: DbOption = DEFAULT_DB_PATH,
    host: Annotated[str, typer.Option(help="Interface to bind. Anything but localhost needs --public.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    public: Annotated[bool, typer.Option("--public", help="Allow binding a non-local interface.")] = False,
) -> None:
    """Browse the ledger in a web browser: stories, timelines, entities, articles, search; JSON under /api/."""
    import uvicorn

    from storyledger.views.web import create_app

    if not db.exists():
        err_console.print(f"[red]error:[/] no ledger at {db}; run `storyledger ingest PATH...` first")
        raise typer.Exit(2)
    if host not in LOCAL_HOSTS and not public:
        err_console.print(f"[red]error:[/] {host} is not a local address; add --public to serve the ledger beyond "
                          "this machine (it is read-only, but it shows everything in it)")
        raise typer.Exit(2)
    shown = f"[{host}]" if ":" in host else host
    console.print(f"serving {db} read-only at http://{shown}:{port}/  (API docs at /docs; Ctrl-C to stop)",
                  highlight=False, soft_wrap=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
