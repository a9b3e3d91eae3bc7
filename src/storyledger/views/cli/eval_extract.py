"""`storyledger eval extract`: body, title, authors and date figures on a naeb-layout set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyledger.config import eval_root
from storyledger.views.cli.options import console, err_console


def eval_extract_command(
    data: Annotated[
        Path | None,
        typer.Option("--data", help="A set in the naeb layout: html/, text/, articles.json. [default: ../shared/eval/extract/naeb]"),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N pages (by id).")] = None,
    reference: Annotated[
        bool,
        typer.Option(
            "--reference/--no-reference",
            help="Also score the reference points: trafilatura alone on the HTML; every line, and lines of 15+ tokens, on the text.",
        ),
    ] = True,
) -> None:
    """Body P/R/F1 (4-gram shingles), title exact (and contains), authors, date, pages/second: HTML and text."""
    from storyledger.evaluation.extract import (
        LONG_LINE_TOKENS,
        evaluate,
        every_line,
        is_held_out,
        load_gold,
        long_lines,
        reference_html,
    )
    from storyledger.extract import extract

    root = data or eval_root() / "extract" / "naeb"
    if not (root / "articles.json").is_file():
        err_console.print(f"[red]error:[/] {root}: no articles.json (expected the naeb layout: html/, text/, articles.json)")
        raise typer.Exit(2)
    try:
        gold = load_gold(root)[:limit]
    except (ValueError, KeyError, TypeError) as exc:
        err_console.print(f"[red]error:[/] {root / 'articles.json'}: not in the naeb layout ({exc})")
        raise typer.Exit(2) from exc
    runs = [("html", "storyledger", evaluate(root, "html", extract, gold))]
    if reference:
        runs.append(("html", "trafilatura alone", evaluate(root, "html", reference_html, gold)))
    text = evaluate(root, "text", extract, gold)
    runs.append(("text", "storyledger, all pages", text))
    runs.append(("text", "storyledger, held-out pages", text.subset(is_held_out)))
    console.print(f"extraction on {root}")
    for kind, name, report in runs:
        console.print(
            f"{kind:<4}  {name:<28} pages {len(report.pages):>3}  body P {report.precision:.3f}  R {report.recall:.3f}  "
            f"F1 {report.f1:.3f}  title exact {report.share('title_exact'):.3f} (contains {report.share('title_contains'):.3f})  "
            f"authors {report.share('authors_ok'):.3f}  date {report.share('date_ok'):.3f}  "
            f"{report.pages_per_second:.1f} pages/s  failed {report.errors}",
            soft_wrap=True,
        )
    intervals = ", ".join(f"{kind} {name}: {low:.3f}-{high:.3f}" for kind, name, report in runs
                          for low, high in [report.f1_interval()])
    console.print(f"body F1, 95% bootstrap interval over pages: {intervals}", soft_wrap=True)
    if reference:
        ours, theirs = runs[0][2].pages_per_second, runs[1][2].pages_per_second
        console.print(f"html speed: {ours / theirs if theirs else 0.0:.2f}× trafilatura's (same pages, same process)")
        points = []
        for name, extractor in (("every line", every_line), (f"lines of {LONG_LINE_TOKENS}+ tokens", long_lines)):
            baseline = evaluate(root, "text", extractor, gold)
            training = baseline.subset(lambda page_id: not is_held_out(page_id))
            points.append(f"{name} {training.f1:.3f} / {baseline.subset(is_held_out).f1:.3f}")
        console.print(f"text reference points, body F1 on training / held-out pages: {'; '.join(points)}", soft_wrap=True)
    console.print("held-out: pages the text cleaner was neither trained nor tuned on "
                  "(storyledger.evaluation.extract.is_held_out); pages/s excludes a one-off warm-up.")


def register(app: typer.Typer) -> None:
    app.command("extract")(eval_extract_command)
