"""`storyledger extract` and `storyledger annotate`: run the stages on files, store nothing."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from typing import Annotated

import typer

from storyledger.errors import Failure, Notice
from storyledger.guard import DEFAULT_BUDGET, Guard
from storyledger.records import Hints
from storyledger.views.cli.options import console, err_console, published_option
from storyledger.views.cli.terminal import for_terminal
from storyledger.views.serialize import annotated_json, article_json, failure_json

Paths = Annotated[list[str], typer.Argument(help="Files, folders or globs.")]
FormatOpt = Annotated[str | None, typer.Option("--format", help="Force the input kind: html or text.")]
RawOpt = Annotated[bool, typer.Option("--raw", help="Input is clean article text: offsets index the file's own text.")]
PublishedOpt = Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that lack one.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="One JSON object per input per line.")]


def _hints(format: str | None, raw: bool, published: str | None) -> Hints:
    if format not in (None, "html", "text"):
        raise typer.BadParameter("--format must be html or text")
    return Hints(format=format, raw=raw, default_published=published_option(published))


def _run(paths: list[str], hints: Hints, as_json: bool, with_annotations: bool) -> None:
    from storyledger.extract import (
        extract,  # the stages load spaCy and trafilatura: only when run
    )
    from storyledger.ingest import iter_raw
    from storyledger.process import process

    failed = 0
    for item in iter_raw(paths, hints):
        if isinstance(item, Notice):
            err_console.print(f"[yellow]note:[/] {for_terminal(str(item))}", highlight=False, soft_wrap=True)
            continue
        if isinstance(item, Failure):
            failed += 1
            _emit(failure_json(item.source, item.reason), as_json)
            continue
        if hints.format:
            item = replace(item, hints=replace(item.hints, format=hints.format))
        doc = item
        guard = Guard(doc.source, DEFAULT_BUDGET, stage="extract")
        out = guard.run(lambda: annotated_json(doc.source, process(doc)) if with_annotations
                        else article_json(doc.source, extract(doc)))
        if guard.failure or out is None:
            failed += 1
            out = failure_json(doc.source, guard.failure.reason if guard.failure else "no result")
        _emit(out, as_json)
    if failed:
        raise typer.Exit(1)


def _emit(obj: dict, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        return
    if not obj["ok"]:
        console.print(f"[red]failed:[/] {for_terminal(obj['path'])}: {for_terminal(obj['error'])}", highlight=False)
        return
    date = obj["published"] or "date unknown"
    console.rule(for_terminal(obj["path"]))
    console.print(f"[bold]{for_terminal(obj['title'] or '(no title)')}[/]", highlight=False)
    console.print(
        for_terminal(f"{', '.join(obj['authors']) or 'author unknown'} · {obj['outlet'] or 'outlet unknown'} · {date}"
                     f" ({obj['published_source']})"),
        highlight=False,
    )
    console.print(for_terminal(obj["text"], lines=True), highlight=False)
    for key in ("entities", "quotes", "claims"):
        if key in obj:
            console.print(f"[bold]{key}:[/] {len(obj[key])}")


def extract_command(
    paths: Paths, json_: JsonOpt = False, format: FormatOpt = None, raw: RawOpt = False, published: PublishedOpt = None
) -> None:
    """Extract clean articles (body, title, authors, outlet, date) and print them; stores nothing."""
    _run(paths, _hints(format, raw, published), json_, with_annotations=False)


def annotate_command(
    paths: Paths, json_: JsonOpt = False, format: FormatOpt = None, raw: RawOpt = False, published: PublishedOpt = None
) -> None:
    """Extract and annotate (entities, quotes, claims) and print them; stores nothing."""
    _run(paths, _hints(format, raw, published), json_, with_annotations=True)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("annotate")(annotate_command)
