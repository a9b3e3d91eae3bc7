"""Options and progress lines shared by the commands that fetch (`ingest URL`, `watch`)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from storyledger.views.cli.options import console, err_console
from storyledger.views.cli.terminal import for_terminal
from storyledger.views.durations import parse_duration

if TYPE_CHECKING:  # ingest loads spaCy, the fetch layer httpx: only the commands that fetch import them
    from storyledger.ingest import IngestReport
    from storyledger.sources.web import Event, Fetcher, WarcRecorder

AllowLocalOption = Annotated[bool, typer.Option(
    "--allow-local", help="Allow loopback and private addresses (a local test server, an intranet).")]
UserAgentOption = Annotated[str | None, typer.Option(
    "--user-agent", envvar="STORYLEDGER_USER_AGENT", help="User-Agent to send (default names storyledger).")]
WarcOption = Annotated[Path | None, typer.Option(
    "--warc-dir", help="Where each run's WARC file goes (default: <ledger>-warc/ beside the ledger).")]
NoWarcOption = Annotated[bool, typer.Option("--no-warc", help="Keep no WARC file of the run.")]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="A line for every URL fetched.")]

def duration(text: str) -> timedelta:
    """"15m", "24h", "1h30m", "2d"."""
    try:
        return parse_duration(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def make_fetcher(db: Path | str, allow_local: bool, user_agent: str | None, warc_dir: Path | None,
                 no_warc: bool) -> Fetcher:
    from storyledger.sources.web import Fetcher, WarcRecorder
    from storyledger.sources.web.settings import FetchSettings

    settings = FetchSettings(allow_local=allow_local, **({"user_agent": user_agent} if user_agent else {}))
    folder = warc_dir or (db.with_name(f"{db.stem}-warc") if isinstance(db, Path) else Path("storyledger-warc"))
    return Fetcher(settings, recorder=None if no_warc else WarcRecorder(folder, settings))


class Progress:
    """What is being fetched and from where: a status line on a terminal, every step with --verbose."""

    def __init__(self, verbose: bool, live: bool = True) -> None:
        """``live`` False: no status line (another live display owns the terminal, or --quiet)."""
        self.verbose = verbose
        self._status = (err_console.status("", spinner="dots")
                        if live and err_console.is_terminal and not verbose else None)

    def __enter__(self) -> Progress:
        if self._status:
            self._status.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._status:
            self._status.stop()

    def __call__(self, event: Event) -> None:
        from storyledger.sources.web import Step

        where = "" if event.url == event.source else f"  (from {event.source})"
        if self.verbose:
            detail = f": {event.detail}" if event.detail else ""
            err_console.print(for_terminal(f"{event.step:>9} {event.url}{detail}{where}"), highlight=False, soft_wrap=True)
        elif self._status and event.step is Step.FETCHING:
            self._status.update(for_terminal(f"fetching {event.url}{where}"))


def print_report(report: IngestReport, db: Path | str, recorder: WarcRecorder | None) -> None:
    """Per source counts, failures by URL, the totals, and where the WARC went."""
    for source, c in (report.fetched.counts.items() if report.fetched else []):
        kind = report.fetched.kinds.get(source, "?") if report.fetched else "?"
        console.print(for_terminal(f"{source} ({kind}): listed {c.listed}, new {c.queued}, fetched {c.handed}, "
                             f"unchanged {c.unchanged}, duplicates {c.duplicates}, failed {c.failed}"),
                      highlight=False, soft_wrap=True)
        for feed in report.fetched.advertised.get(source, []) if report.fetched else []:
            console.print(for_terminal(f"  it links to the feed {feed}: `storyledger follow add {feed}`"), highlight=False)
    for notice in report.notices:
        err_console.print(f"[yellow]note:[/] {for_terminal(str(notice))}", highlight=False, soft_wrap=True)
    for failure in report.failed:
        err_console.print(f"[red]failed ({failure.stage}):[/] {for_terminal(str(failure))}", highlight=False,
                          soft_wrap=True)
    console.print(f"ingested {len(report.ingested)}, unchanged {len(report.unchanged)}, failed {len(report.failed)}"
                  f"  → {for_terminal(str(db))}", highlight=False)
    if recorder and recorder.path.exists():
        console.print(for_terminal(f"raw responses kept in {recorder.path}"), highlight=False, soft_wrap=True)


def no_proxy_note() -> None:
    """Proxies from the environment are not used (the address guard must see what it connects to)."""
    if any(os.environ.get(v) for v in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")):
        err_console.print("note: HTTP(S)_PROXY is set but not used: storyledger connects directly", highlight=False)
