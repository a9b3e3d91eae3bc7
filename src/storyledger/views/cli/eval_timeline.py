"""`storyledger eval timeline`: the repetitions and changes an analyst marked, as the timeline shows them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyledger.config import eval_root
from storyledger.views.cli.options import console, err_console


def eval_timeline_command(
    data: Annotated[
        Path | None,
        typer.Option("--data", help="A folder with articles.jsonl and the analyst's marks.jsonl (the format is in "
                                    "storyledger.evaluation.timeline). [default: ../shared/eval/timeline]"),
    ] = None,
) -> None:
    """Of the repetitions and changes an analyst marked, how many the timeline shows with that mark and the
    earlier statement the analyst names; how many "changed" lines are changes the analyst marked; how many
    lines were compared with a line of their own article. Beside it, the same pipeline with matters grouped
    by shared words (no sentence model)."""
    from storyledger.evaluation.timeline import run

    path = data or eval_root() / "timeline"
    try:
        results = [("words only (baseline)", run(path, sentence_model=False)), ("storyledger", run(path))]
    except OSError as exc:
        err_console.print(f"[red]error:[/] {path}: {exc.strerror or exc} (needs articles.jsonl and marks.jsonl)")
        raise typer.Exit(2) from exc
    except (ValueError, KeyError) as exc:
        err_console.print(f"[red]error:[/] {path}: not articles.jsonl and marks.jsonl as documented ({exc})")
        raise typer.Exit(2) from exc
    console.print(f"timeline on {path}: {results[0][1].marked['repeated']} repetitions and "
                  f"{results[0][1].marked['changed']} changes marked by the analyst", highlight=False, soft_wrap=True)
    for name, s in results:
        marks = ", ".join(f"{m} {n}" for m, n in sorted(s.by_mark.items()))
        console.print(f"{name:<22} repeated found {s.found['repeated']}/{s.marked['repeated']} "
                      f"({s.recall('repeated'):.2f})  changed found {s.found['changed']}/{s.marked['changed']} "
                      f"({s.recall('changed'):.2f})  changed lines {s.changed_lines}, precision "
                      f"{s.changed_precision:.2f}  same-article comparisons {s.same_article}  "
                      f"lines {s.lines}: {marks}", soft_wrap=True, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("timeline")(eval_timeline_command)
