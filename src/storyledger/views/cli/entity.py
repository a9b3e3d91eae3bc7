"""`storyledger entity merge|split`: users correct entity resolution; the choice survives re-ingest."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from storyledger.views.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    console,
    err_console,
    open_existing,
)

entity_app = typer.Typer(help="Merge or split ledger entities.", no_args_is_help=True)


@entity_app.command("merge")
def merge_command(
    target: Annotated[str, typer.Argument(help="Entity to keep (id or exact name).")],
    sources: Annotated[list[str], typer.Argument(help="Entities to fold into it (ids or exact names).")],
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Make several entities one; later ingests and `link --rebuild` keep them together."""
    from storyledger.link.overrides import OverrideError, merge

    with open_existing(db) as ledger:
        try:
            for source in sources:
                merged = merge(ledger, target, source)
        except OverrideError as exc:
            err_console.print(f"[red]error:[/] {escape(str(exc))}")
            raise typer.Exit(1) from exc
    console.print(f"{merged.id} {escape(merged.name)}: aliases {escape(', '.join(merged.aliases))}")


@entity_app.command("split")
def split_command(
    entity: Annotated[str, typer.Argument(help="Entity to split (id or exact name).")],
    name: Annotated[str | None, typer.Option("--name", help="Take out the mentions under this name.")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Take out the mentions in this document.")] = None,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Take a name or a document's mentions out of an entity into a new one (e.g. a namesake)."""
    from storyledger.link.overrides import OverrideError, split

    with open_existing(db) as ledger:
        try:
            new = split(ledger, entity, name=name, document_id=doc)
        except OverrideError as exc:
            err_console.print(f"[red]error:[/] {escape(str(exc))}")
            raise typer.Exit(1) from exc
    console.print(f"new entity {new.id} {escape(new.name)} ({escape(', '.join(new.aliases))})")


def register(app: typer.Typer) -> None:
    app.add_typer(entity_app, name="entity")
