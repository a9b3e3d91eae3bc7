"""`storyledger eval extract`: body figures on every labelled set at --data, beside trafilatura alone and
keeping every line, run in the same process; title, authors and date where the set has them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyledger.config import eval_root
from storyledger.views.cli.options import console, err_console


def eval_extract_command(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="A labelled set or a folder of them: the naeb layout (html/, text/, articles.json) or "
            "<set>.jsonl(.gz) of {id, html, gold_text}. [default: ../shared/eval/extract, every set under it]",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N pages (by id) of each set.")] = None,
    reference: Annotated[
        bool,
        typer.Option(
            "--reference/--no-reference",
            help="Also score the reference points: trafilatura alone on the HTML; every line, and lines of 15+ tokens, on the text.",
        ),
    ] = True,
) -> None:
    """Per set: body P/R/F1 (4-gram shingles), gold sentences with words missing, title, authors, date, pages/second."""
    from storyledger.evaluation.extract import (
        LONG_LINE_TOKENS,
        Report,
        evaluate,
        every_line,
        is_held_out,
        load_sets,
        long_lines,
        reference_html,
    )
    from storyledger.extract import extract

    root = data or eval_root() / "extract"
    try:
        sets = load_sets(root) if root.exists() else []
    except (ValueError, KeyError, TypeError, OSError) as exc:
        err_console.print(f"[red]error:[/] {root}: not a labelled set ({exc})")
        raise typer.Exit(2) from exc
    if not sets:
        err_console.print(f"[red]error:[/] {root}: no labelled set (expected the naeb layout or <set>.jsonl.gz files)")
        raise typer.Exit(2)

    def line(kind: str, name: str, report: Report, metadata: bool) -> None:
        fields = (f"  title exact {report.share('title_exact'):.3f} (contains {report.share('title_contains'):.3f})  "
                  f"authors {report.share('authors_ok'):.3f}  date {report.share('date_ok'):.3f}") if metadata else ""
        console.print(
            f"  {kind:<4}  {name:<28} pages {len(report.pages):>4}  body P {report.precision:.3f}  R {report.recall:.3f}  "
            f"F1 {report.f1:.3f}{fields}  words missing {report.clipped_sentences}/{report.kept_sentences}  "
            f"{report.pages_per_second:.1f} pages/s  failed {report.errors}",
            soft_wrap=True,
        )

    console.print(f"extraction on {root}")
    summary = []
    speed = [0.0, 0.0]  # seconds: storyledger and trafilatura on the same HTML pages
    for labelled in sets:
        gold = labelled.pages[:limit]
        held = sum(is_held_out(g.id) for g in gold)
        console.print(f"{labelled.name}: {len(gold)} pages, {held} of them held out from the text cleaner")
        ours = evaluate(labelled, "html", extract, gold)
        text = evaluate(labelled, "text", extract, gold)
        meta = labelled.has_metadata
        runs = [("html", "storyledger", ours, meta)]
        row = {"html": ours.f1}
        if reference:
            theirs = evaluate(labelled, "html", reference_html, gold)
            runs.append(("html", "trafilatura alone", theirs, meta))
            speed[0] += ours.seconds
            speed[1] += theirs.seconds
            row["trafilatura"] = theirs.f1
        held_out = text.subset(is_held_out)
        runs += [("text", "storyledger, all pages", text, meta), ("text", "storyledger, held-out pages", held_out, meta)]
        row["text held-out"] = held_out.f1
        if reference:
            for name, extractor in (("every line", every_line), (f"lines of {LONG_LINE_TOKENS}+ tokens", long_lines)):
                baseline = evaluate(labelled, "text", extractor, gold)
                runs.append(("text", name, baseline, False))
                row.setdefault("every line", baseline.f1)
        for kind, name, report, metadata in runs:
            line(kind, name, report, metadata)
        intervals = ", ".join(f"{kind} {name}: {low:.3f}-{high:.3f}" for kind, name, report, _ in runs[:4]
                              for low, high in [report.f1_interval()])
        console.print(f"  body F1, 95% bootstrap interval over pages: {intervals}", soft_wrap=True)
        summary.append((labelled.name, len(gold), row))
    columns = list(summary[0][2])
    console.print(f"body F1 by set {'pages':>13}" + "".join(f"  {c:>13}" for c in columns), soft_wrap=True)
    for name, pages, row in summary:
        console.print(f"  {name:<20} {pages:>5}" + "".join(f"  {row[c]:>13.3f}" for c in columns), soft_wrap=True)
    if len(summary) > 1:
        means = (sum(r[c] for _, _, r in summary) / len(summary) for c in columns)
        console.print(f"  {'mean of the sets':<26}" + "".join(f"  {m:>13.3f}" for m in means), soft_wrap=True)
    if reference:
        console.print(f"html speed: {speed[1] / speed[0] if speed[0] else 0.0:.2f}× trafilatura's (same pages, same process)")
    console.print("held-out: pages the text cleaner was neither trained nor tuned on (storyledger.evaluation.extract."
                  "is_held_out); words missing: gold sentences of 8+ words kept with some words missing, of those kept; "
                  "pages/s excludes a one-off warm-up.", soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("extract")(eval_extract_command)
