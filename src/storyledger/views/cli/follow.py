"""`storyledger follow add|list|remove`, `storyledger watch` and `storyledger changes`."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storyledger.sources.web.records import Kind
from storyledger.sources.web.urls import BadURL, normalise
from storyledger.views.cli.fetching import (
    AllowLocalOption, NoWarcOption, Progress, UserAgentOption, VerboseOption, WarcOption, duration, make_fetcher,
    no_proxy_note, print_report,
)
from storyledger.views.cli.options import (
    DEFAULT_DB_PATH, DbOption, JsonOption, LimitOption, console, err_console, open_existing, print_jsonl,
)
from storyledger.views.cli.timeline import claim_text

follow_app = typer.Typer(help="The feeds, sitemaps and pages this ledger follows (`storyledger watch` polls them).",
                         no_args_is_help=True)


@follow_app.command("add")
def follow_add(
    urls: Annotated[list[str], typer.Argument(help="URLs of RSS/Atom feeds, XML sitemaps (news sitemaps, indexes) "
                                                   "or pages (a live blog).")],
    db: DbOption = DEFAULT_DB_PATH,
    kind: Annotated[Kind | None, typer.Option(help="What the URL serves; found out at the first poll if not given.")] = None,
) -> None:
    """Follow sources. Nothing is fetched until `storyledger watch`."""
    from storyledger.store import open_ledger

    bad = False
    with open_ledger(db) as ledger:
        for url in urls:
            try:
                key = normalise(url)
            except BadURL as exc:
                err_console.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
                bad = True
                continue
            added = ledger.follow(key, kind)
            console.print(escape(f"{'following' if added else 'already following'} {key}"), highlight=False)
    if bad:
        raise typer.Exit(1)


@follow_app.command("list")
def follow_list(db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False) -> None:
    """Followed sources: kind, when added, last fetched, articles stored from each."""
    with open_existing(db) as ledger:
        rows = ledger.followed()
    if json_:
        print_jsonl(rows)
        return
    table = Table(title=f"following {len(rows)} sources")
    for col in ("url", "kind", "added", "last checked", "articles"):
        table.add_column(col, overflow="fold")
    for f in rows:
        table.add_row(escape(f.url), f.kind or "?", f.added_at.strftime("%Y-%m-%d %H:%M"),
                      f.checked_at.strftime("%Y-%m-%d %H:%M") if f.checked_at else "", str(f.pages))
    console.print(table)


@follow_app.command("remove")
def follow_remove(urls: Annotated[list[str], typer.Argument(help="URLs to stop following.")],
                  db: DbOption = DEFAULT_DB_PATH) -> None:
    """Stop following sources; what they brought stays in the ledger."""
    missing = False
    with open_existing(db) as ledger:
        for url in urls:
            try:
                gone = ledger.unfollow(normalise(url))
            except BadURL:
                gone = False
            console.print(escape(f"{'stopped following' if gone else 'not following'} {url}"), highlight=False)
            missing = missing or not gone
    if missing:
        raise typer.Exit(1)


def watch_command(
    db: DbOption = DEFAULT_DB_PATH,
    every: Annotated[str, typer.Option(help="Time between the starts of two polls: 30s, 15m, 1h...")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and stop (for cron).")] = False,
    allow_local: AllowLocalOption = False,
    user_agent: UserAgentOption = None,
    warc_dir: WarcOption = None,
    no_warc: NoWarcOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Poll the followed sources and ingest what is new or changed.

    Only what is new or changed is fetched; it is ingested and linked. Ctrl-C stops; the next watch
    resumes where this one stopped, without fetching again what was stored."""
    from storyledger.follow import watch  # loads spaCy: only for the command that needs it
    from storyledger.sources.web import WarcRecorder

    interval = duration(every)
    no_proxy_note()
    fetcher = make_fetcher(db, allow_local, user_agent, warc_dir, no_warc)
    folder = fetcher.recorder.directory if fetcher.recorder else None
    try:
        with open_existing(db) as ledger:
            if not ledger.followed():
                err_console.print("error: this ledger follows nothing yet: `storyledger follow add URL`")
                raise typer.Exit(2)
            with Progress(verbose) as on_event:
                for poll in watch(ledger, fetcher, interval, polls=1 if once else None, on_event=on_event):
                    console.rule(f"poll {poll.number} · {poll.started:%Y-%m-%d %H:%M:%S} UTC")
                    print_report(poll.report, db, fetcher.recorder)
                    if folder is not None and fetcher.recorder is not None:  # one WARC file per poll
                        fetcher.recorder.close()
                        fetcher.recorder = WarcRecorder(folder, fetcher.settings)
    except KeyboardInterrupt:
        err_console.print("stopped; `storyledger watch` resumes where this left off")
        return
    finally:
        fetcher.close()
    if once and poll.report.failed:
        raise typer.Exit(1)


def changes_command(
    db: DbOption = DEFAULT_DB_PATH, json_: JsonOption = False, limit: LimitOption = 200,
    since: Annotated[str, typer.Option(help="How far back: 30m, 24h, 7d...")] = "24h",
) -> None:
    """What is new since then: articles, versions, positions, quotes.

    New articles and new versions of articles, new and changed positions (repeats left out) and new
    quotes, stored since --since ago."""
    start = datetime.now(timezone.utc) - duration(since)
    with open_existing(db) as ledger:
        changes = ledger.changes(start, limit=limit)
    if json_:
        print_jsonl([changes])
        return
    console.rule(f"changes since {start:%Y-%m-%d %H:%M} UTC")
    for a in changes.articles:
        d = a.document
        what = "new article" if a.version == 1 else f"version {a.version} (was {a.previous_id})"
        console.print(escape(f"{what}: {d.title or '(no title)'} · {d.outlet or '?'} · {d.id}"), highlight=False,
                      soft_wrap=True)
    if changes.positions:
        table = Table(title=f"{len(changes.positions)} new and changed positions")
        for col in ("date", "actor", "mark", "stance", "claim", "source"):
            table.add_column(col, overflow="fold", no_wrap=col in ("date", "source", "mark"))
        for line in changes.positions:
            mark = f"{line.mark} · {line.revision}" if line.revision else line.mark
            table.add_row(line.date_label, escape(line.actor), mark, line.stance,
                          escape(claim_text(line)), f"{line.document_id}:{line.start}-{line.end}")
        console.print(table)
    if changes.quotes:
        table = Table(title=f"{len(changes.quotes)} new quotes")
        for col in ("speaker", "quote", "source"):
            table.add_column(col, overflow="fold")
        for q in changes.quotes:
            table.add_row(escape(q.speaker_name or q.speaker or "?"), escape(q.text), f"{q.document_id}:{q.start}-{q.end}")
        console.print(table)
    if not (changes.articles or changes.positions or changes.quotes):
        console.print("nothing new")


def register(app: typer.Typer) -> None:
    app.add_typer(follow_app, name="follow")
    app.command("watch")(watch_command)
    app.command("changes")(changes_command)
