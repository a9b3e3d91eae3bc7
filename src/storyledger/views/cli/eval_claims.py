"""`storyledger eval claims`: claims an analyst would keep (the FORMAT.md metric on hand-annotated
claims, beside the rules alone, with the abstention curve), then PLOVER category accuracy and
stance-vs-factuality, each with its floor."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from storyledger.config import eval_root
from storyledger.views.cli.options import console, err_console

CURVE = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# The claims stage as it was when the set was made, measured on the whole dev set (FORMAT.md).
BEFORE = "FORMAT.md, dev: 613 predicted, P 0.116, R 0.415, F1 0.181, stance 0.63"


def _ledger_table(title: str) -> Table:
    table = Table(title=title)
    for col in ("run", "predicted", "matched", "P", "R", "F1", "stance", "condition", "date"):
        table.add_column(col, justify="left" if col == "run" else "right")
    return table


def _row(table: Table, name: str, c) -> None:
    table.add_row(name, str(c.predicted), str(c.matched), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}",
                  f"{c.share('stance'):.3f}", f"{c.share('condition'):.3f}", f"{c.share('date'):.3f}")


def _print_ledger(nlp, claims_file: Path, limit: int | None) -> None:
    from storyledger.annotate.claims.component import RULES_THRESHOLD
    from storyledger.annotate.claims.scorer import load_scorer
    from storyledger.evaluation.claim_gold import evaluate, load_claims_gold, pipeline_predictor

    scorer = load_scorer()
    shipped = scorer.threshold if scorer is not None else RULES_THRESHOLD
    thresholds = tuple(sorted({*CURVE, shipped}))
    gold = load_claims_gold(claims_file, limit)
    report = evaluate(gold, pipeline_predictor(nlp, thresholds))
    n_gold = sum(len(a.claims) for a in gold)
    table = _ledger_table(f"claims: {claims_file.name}, {report.articles} articles, {n_gold} gold claims; claim+actor "
                          "P/R/F1 (evidence overlaps, same actor), stance/condition/date agreement over the matches")
    _row(table, f"scorer @{shipped:.2f}" if scorer else "rules (no scorer)", report.at(shipped))
    _row(table, "baseline: rules", report.baseline())
    console.print(table)
    console.print(f"before issue 24 ({BEFORE}); baseline: a candidate is kept when a stance word sets its stance, "
                  "no scorer", highlight=False)
    curve = Table(title="claims: precision/recall over the abstention threshold (the scorer's confidence)")
    for col in ("threshold", "predicted", "P", "R", "F1", "stance"):
        curve.add_column(col, justify="right")
    for t in thresholds:
        c = report.at(t)
        curve.add_row(f"{t:.2f}", str(c.predicted), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}",
                      f"{c.share('stance'):.3f}")
    console.print(curve)
    console.print(f"annotation: {report.articles / report.seconds if report.seconds else 0:.2f} articles/second "
                  f"({report.articles} articles in {report.seconds:.1f} s)")


def eval_claims_command(
    data: Annotated[Path | None, typer.Option("--data", help="The eval folder: claims/, polnear/, events/ in it. "
                                              "[default: ../shared/eval]")] = None,
    claims: Annotated[Path | None, typer.Option("--claims", help="Hand-annotated claims (FORMAT.md). "
                                                "[default: <data>/claims/dev.jsonl]")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N claims articles.")] = None,
    split: Annotated[str, typer.Option("--split", help="Factuality split: test or dev.")] = "test",
    confusion: Annotated[int, typer.Option("--confusion", help="Also list the N most frequent category "
                                                              "errors on the tuning half (gold -> predicted).")] = 0,
) -> None:
    """Claim+actor P/R/F1 with stance, condition and date agreement (FORMAT.md) beside the rules alone,
    and the abstention curve; PLOVER category accuracy on plover_gsr; stance vs factuality on UW and CB."""
    from storyledger.annotate.nlp import load_pipeline
    from storyledger.evaluation.claims import eval_categories, eval_factuality

    root = data or eval_root()
    claims_file = claims or root / "claims" / "dev.jsonl"
    if not claims_file.is_file():
        err_console.print(f"[red]error:[/] {claims_file}: no such file (hand-annotated claims, see FORMAT.md)")
        raise typer.Exit(2)
    if not (root / "events").is_dir():
        err_console.print(f"[red]error:[/] {root}: no events/ folder (expected plover_gsr/ and factuality/ in it)")
        raise typer.Exit(2)
    nlp = load_pipeline()
    _print_ledger(nlp, claims_file, limit)
    cat = eval_categories(nlp, root)
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
        r = eval_factuality(nlp, root, name, split)
        fact.add_row(name, str(r.n), f"{r.pearson:.3f}", f"{r.mae:.3f}", f"{r.majority_pearson:.3f}",
                     f"{r.majority_mae:.3f}")
    console.print(fact)


def register(app: typer.Typer) -> None:
    app.command("claims")(eval_claims_command)
