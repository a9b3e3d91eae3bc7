"""`storyledger eval time`: TempEval-3 measures for time expressions, beside a simple baseline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyledger.config import eval_root
from storyledger.views.cli.options import console, err_console


def eval_time_command(
    data: Annotated[
        Path | None,
        typer.Option("--data", help="TimeML gold as JSON Lines (tbaq.jsonl's FORMAT.md). "
                                    "[default: ../shared/eval/time/tbaq.jsonl]"),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N documents (by id).")] = None,
) -> None:
    """Detection F1 (strict, relaxed), type accuracy, value accuracy and value F1 as TempEval-3's scorer
    defines them, on DATE+TIME expressions (overall and per half of the split) and on all types."""
    from storyledger.annotate.nlp import load_pipeline
    from storyledger.evaluation.time import DATE_TIME, load_gold, run

    path = data or eval_root() / "time" / "tbaq.jsonl"
    try:
        docs = load_gold(path, limit)
    except OSError as exc:
        err_console.print(f"[red]error:[/] {path}: {exc.strerror or exc}")
        raise typer.Exit(2) from exc
    except (ValueError, KeyError) as exc:
        err_console.print(f"[red]error:[/] {path}: not TimeML JSON Lines as in FORMAT.md ({exc})")
        raise typer.Exit(2) from exc
    ours, baseline = run(docs, load_pipeline())
    gold_dt = sum(t.type in DATE_TIME for d in docs for t in d.timexes)
    held = ours.held_out_documents
    console.print(f"time expressions on {path.name}: {len(docs)} documents ({held} held out), "
                  f"{ours.all_types.gold} TIMEX3 ({gold_dt} DATE/TIME); TempEval-3 measures")
    rows = (("DATE+TIME  baseline (spaCy DATE/TIME + dateparser)", baseline.date_time),
            ("DATE+TIME  storyledger", ours.date_time),
            (f"DATE+TIME  storyledger, tuning documents ({ours.documents - held})", ours.date_time_tuning),
            (f"DATE+TIME  storyledger, held-out documents ({held})", ours.date_time_held_out),
            ("all types  baseline (spaCy DATE/TIME + dateparser)", baseline.all_types),
            ("all types  storyledger", ours.all_types))
    for name, s in rows:
        console.print(f"{name:<58} gold {s.gold:4d}  found {s.system:4d}  strict F1 {s.strict_f1:.3f}  "
                      f"relaxed P {s.relaxed_precision:.3f} R {s.relaxed_recall:.3f} F1 {s.relaxed_f1:.3f}  "
                      f"type acc {s.type_accuracy:.3f}  value acc {s.value_accuracy:.3f}  value F1 {s.value_f1:.3f}",
                      soft_wrap=True, highlight=False)
    console.print(f"times component alone (parse excluded): {ours.documents / max(ours.seconds, 1e-9):.1f} "
                  f"documents/second; held-out documents were not looked at while writing the rules "
                  f"(storyledger.evaluation.time.is_held_out)")


def register(app: typer.Typer) -> None:
    app.command("time")(eval_time_command)
