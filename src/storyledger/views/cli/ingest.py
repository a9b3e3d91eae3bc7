"""`storyledger ingest`: files, folders, globs and URLs into the ledger."""

from __future__ import annotations

from typing import Annotated

import typer

from storyledger.guard import DEFAULT_BUDGET
from storyledger.records import Hints
from storyledger.views.cli.fetching import (
    AllowLocalOption, NoWarcOption, Progress as FetchProgress, UserAgentOption, VerboseOption, WarcOption, make_fetcher,
    no_proxy_note, print_report,
)
from storyledger.views.cli.options import DEFAULT_DB_PATH, DbOption, err_console, published_option


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or globs of .html/.htm/.txt/.json/.jsonl, .warc(.gz) archives, .rss/.atom/.xml feeds; or http(s) URLs of pages, RSS/Atom feeds and XML sitemaps.")],
    db: DbOption = DEFAULT_DB_PATH,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that lack one.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name for inputs that lack one.")] = None,
    format: Annotated[str | None, typer.Option("--format", help="Force the input kind: html or text.")] = None,
    raw: Annotated[bool, typer.Option("--raw", help="Inputs are already clean article text: use as is.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    allow_local: AllowLocalOption = False,
    user_agent: UserAgentOption = None,
    warc_dir: WarcOption = None,
    no_warc: NoWarcOption = False,
    verbose: VerboseOption = False,
    follow_symlinks: Annotated[bool, typer.Option("--follow-symlinks", help="In folders, read symlinks that lead out of the folder.")] = False,
    time_limit: Annotated[float, typer.Option("--time-limit", min=0, help="Processor seconds one article's extraction and annotation may use before it is named and skipped (0: no limit).")] = DEFAULT_BUDGET,
    workers: Annotated[int | None, typer.Option("--workers", "-j", min=1, help="Processes that extract and annotate files at once (default: the machine's cores; URLs are fetched one by one).", show_default=False)] = None,
) -> None:
    """Ingest articles into the ledger: files, or URLs of pages, feeds and sitemaps.

    Re-ingesting the same documents changes nothing; a URL fetched again is asked for with a
    conditional GET, and a changed text is stored as the article's next version."""
    from storyledger.ingest import default_workers, ingest, is_url, iter_raw  # loads spaCy: only for the command that needs it
    from storyledger.store import open_ledger
    from storyledger.views.cli.progress import IngestProgress, model_loaded

    if format not in (None, "html", "text"):
        raise typer.BadParameter("--format must be html or text")
    hints = Hints(format=format, raw=raw, default_published=published_option(published), default_outlet=outlet)
    total = sum(1 for _ in iter_raw(paths, hints, follow_symlinks))
    # A worker costs a pipeline load: never more workers than inputs.
    workers = min(workers or default_workers(), max(total, 1))
    fetcher = make_fetcher(db, allow_local, user_agent, warc_dir, no_warc) if any(map(is_url, paths)) else None
    if fetcher:
        no_proxy_note()
    try:
        with open_ledger(db) as ledger, FetchProgress(verbose, live=fetcher is not None and not quiet) as on_event, \
                IngestProgress(total, err_console, disable=quiet or total < 3 or fetcher is not None,
                               loaded=model_loaded if workers == 1 else lambda: True) as progress:
            # With workers, the model loads once before they start, not with the first article annotated.
            report = ingest(paths, ledger, hints, fetcher=fetcher, on_event=on_event, watch=progress.watch,
                            follow_symlinks=follow_symlinks, budget=time_limit or None, workers=workers)
    finally:
        if fetcher:
            fetcher.close()
    print_report(report, db, fetcher.recorder if fetcher else None)
    if report.failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
