"""`storyledger eval claims`: PLOVER category accuracy and stance-vs-factuality, each with its floor."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from storyledger.config import eval_root
from storyledger.views.cli.options import console, err_console


def eval_claims_command(
    data: Annotated[Path | None, typer.Option(
        "--data", help="The eval folder; reads events/ in it. [default: ../shared/eval]")] = None,
    split: Annotated[str, typer.Option("--split", help="Factuality split: test or dev.")] = "test",
    confusion: Annotated[int, typer.Option("--confusion", help="Also list the N most frequent category "
                                                              "errors on the tuning half (gold -> predicted).")] = 0,
) -> None:
    """PLOVER category accuracy on plover_gsr; stance vs factuality (Pearson r, MAE) on UW and CB."""
    from storyledger.annotate.nlp import load_pipeline
    from storyledger.evaluation.claims import eval_categories, eval_factuality

    data = data or eval_root()
    if not (data / "events").is_dir():
        err_console.print(f"[red]error:[/] {data}: no events/ folder (expected plover_gsr/ and factuality/ in it)")
        raise typer.Exit(2)
    nlp = load_pipeline()
    cat = eval_categories(nlp, data)
    table = Table(title="claims: PLOVER category (plover_gsr, old labels mapped)")
    for col in ("records", "accuracy", "tuning half (even)", "held-out half (odd)",
                f"always-majority ({cat.majority_label})"):
        table.add_column(col, justify="right")
    table.add_row(str(cat.n), f"{cat.accuracy:.3f}", f"{cat.tuning_accuracy:.3f}", f"{cat.heldout_accuracy:.3f}",
                  f"{cat.majority_accuracy:.3f}")
    console.print(table)
    if confusion > 0:
        errors = Table(title="claims: most frequent PLOVER category errors (tuning half)")
        for col in ("gold", "predicted", "records"):
            errors.add_column(col, justify="right" if col == "records" else "left")
        for gold, pred, n in cat.confusion[:confusion]:
            errors.add_row(gold, pred, str(n))
        console.print(errors)
    fact = Table(title=f"claims: stance vs factuality ({split}; stance mapped to -3..+3)")
    for col in ("set", "targets", "Pearson r", "MAE", "majority r", "majority MAE"):
        fact.add_column(col, justify="right" if col != "set" else "left")
    for name in ("UW", "CB"):
        r = eval_factuality(nlp, data, name, split)
        fact.add_row(name, str(r.n), f"{r.pearson:.3f}", f"{r.mae:.3f}", f"{r.majority_pearson:.3f}",
                     f"{r.majority_mae:.3f}")
    console.print(fact)


def register(app: typer.Typer) -> None:
    app.command("claims")(eval_claims_command)
