"""`storyledger serve`: the local web app and JSON API over a ledger."""

from __future__ import annotations

from typing import Annotated

import typer

from storyledger.views.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    console,
    err_console,
    require_ledger,
)

WILDCARDS = {"0.0.0.0", "::", ""}


def serve_command(
    db: DbOption = DEFAULT_DB_PATH,
    host: Annotated[str, typer.Option(help="Interface to bind. Anything but localhost needs --public.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    public: Annotated[bool, typer.Option("--public", help="Allow binding a non-local interface.")] = False,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="Another name the server answers to in the Host header (repeatable; '*' for any). "
        "It always answers to the address it binds and, for an address of every interface, this machine's names.",
    )] = None,
    review: Annotated[bool, typer.Option("--review", help="Let the review page (/review) merge and split "
                                                          "entities; local use only.")] = False,
) -> None:
    """Browse the ledger in a web browser: stories, timelines, entities, articles, search; JSON under /api/."""
    import socket

    import uvicorn

    from storyledger.views.web import create_app
    from storyledger.views.web.security import LOCAL_HOSTS

    require_ledger(db)
    if host not in LOCAL_HOSTS and not public:
        err_console.print(f"[red]error:[/] {host} is not a local address; add --public to serve the ledger beyond "
                          "this machine (it is read-only, but it shows everything in it)")
        raise typer.Exit(2)
    allowed = {*LOCAL_HOSTS, host, *(allowed_host or [])}
    if host in WILDCARDS:
        allowed |= {socket.gethostname(), socket.getfqdn()}
    if review and host not in LOCAL_HOSTS:
        err_console.print("[red]error:[/] --review changes the ledger: it is for this machine only (no --public)")
        raise typer.Exit(2)
    shown = f"[{host}]" if ":" in host else host
    mode = "with entity review (merge/split at /review)" if review else "read-only"
    console.print(f"serving {db} {mode} at http://{shown}:{port}/  (API docs at /docs; Ctrl-C to stop)",
                  highlight=False, soft_wrap=True)
    uvicorn.run(create_app(db, allowed, review_changes=review), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
