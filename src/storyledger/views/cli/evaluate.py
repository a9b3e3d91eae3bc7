"""`storyledger eval ...`: each capability prints its figures on a development set."""

from __future__ import annotations

import typer

from storyledger.views.cli import eval_claims, eval_entities, eval_extract, eval_quotes, eval_time, eval_timeline

eval_app = typer.Typer(help="Measure a capability on a development set and print its figures.", no_args_is_help=True)
for module in (eval_extract, eval_quotes, eval_claims, eval_time, eval_entities, eval_timeline):
    module.register(eval_app)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
