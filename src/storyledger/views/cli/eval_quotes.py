"""`storyledger eval quotes`: quote and speaker figures on PolNeAR-style JSON Lines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyledger.config import eval_root
from storyledger.views.cli.options import console, err_console


def eval_quotes_command(
    data: Annotated[Path | None, typer.Option(
        "--data", help="PolNeAR-style JSON Lines [default: polnear/dev.jsonl under the eval data folder].")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N articles (by id).")] = None,
) -> None:
    """Content and speaker+content P/R/F1, all attributions and direct quotes; how pronoun speakers resolve;
    articles per second."""
    from storyledger.annotate import annotate
    from storyledger.annotate.nlp import load_pipeline
    from storyledger.evaluation.quotes import evaluate, load_gold

    data = data if data is not None else eval_root() / "polnear" / "dev.jsonl"
    if not data.is_file():
        err_console.print(f"[red]error:[/] {data}: no such file")
        raise typer.Exit(2)
    try:
        gold = load_gold(data, limit)
    except (ValueError, KeyError) as exc:
        err_console.print(f"[red]error:[/] {data}: not PolNeAR-style JSON Lines ({exc})")
        raise typer.Exit(2) from exc
    nlp = load_pipeline()
    report = evaluate(gold, lambda article: annotate(article, nlp))
    console.print(f"quotes on {data.name}: {report.articles} articles")
    for name, counts in (("all attributions", report.all), ("direct quotes", report.direct)):
        cp, cr, cf = counts.content_prf
        sp, sr, sf = counts.speaker_prf
        console.print(f"{name}: gold {counts.gold}, predicted {counts.predicted}\n"
                      f"  content          P {cp:.3f}  R {cr:.3f}  F1 {cf:.3f}\n"
                      f"  speaker+content  P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}\n"
                      f"  pronoun/title speakers resolved to a named entity: {counts.resolved_share:.3f} "
                      f"({counts.resolved}/{counts.referring})\n"
                      f"  he/she sources resolved to the right name: {counts.pronoun_right_share:.3f} "
                      f"({counts.pronoun_right}/{counts.pronouns}; {counts.pronoun_wrong} to someone else, "
                      f"{counts.pronouns - counts.pronoun_right - counts.pronoun_wrong} left unresolved)")
    console.print(f"annotation: {report.articles_per_second:.2f} articles/second "
                  f"({report.articles} articles in {report.seconds:.1f} s)")


def register(app: typer.Typer) -> None:
    app.command("quotes")(eval_quotes_command)
