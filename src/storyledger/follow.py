"""Following a story live: the ledger's followed sources polled again and again (`storyledger watch`).

Each poll is one collection run over the followed feeds, sitemaps and pages: only what is new or
changed is fetched (conditional GET, URLs seen before skipped), then stored and linked like any input.
Ctrl-C between or during polls loses nothing: state is saved as each document is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from storyledger.ingest import IngestReport, store_all
from storyledger.link.pipeline import link_new
from storyledger.sources.web import Collector, Event, Fetcher, Source
from storyledger.sources.web.clock import utc
from storyledger.store.interfaces import CollectLedger


@dataclass(slots=True)
class Poll:
    number: int
    started: datetime
    report: IngestReport


def poll(ledger: CollectLedger, fetcher: Fetcher, on_event: Callable[[Event], None] | None = None) -> IngestReport:
    """One run over every followed source; what each source turned out to be is remembered."""
    followed = ledger.followed()
    collector = Collector(fetcher, ledger, on_event=on_event)
    report = IngestReport()
    store_all(collector.run([Source(f.url, f.kind) for f in followed]), ledger, report)
    report.fetched = collector.summary
    for f in followed:
        kind = collector.summary.kinds.get(f.url)
        if kind and kind != f.kind:
            ledger.follow(f.url, kind)
    link_new(ledger)
    return report


def watch(ledger: CollectLedger, fetcher: Fetcher, every: timedelta, polls: int | None = None,
          on_event: Callable[[Event], None] | None = None) -> Iterator[Poll]:
    """Poll now, then every ``every`` (from the start of one poll to the start of the next); stop after
    ``polls`` polls, or never. Waiting is on the fetcher's clock, so Ctrl-C ends it at once."""
    number = 0
    while polls is None or number < polls:
        number += 1
        started = utc(fetcher.clock)
        yield Poll(number, started, poll(ledger, fetcher, on_event))
        if polls is not None and number >= polls:
            return
        wait = (started + every - utc(fetcher.clock)).total_seconds()
        if fetcher.clock.wait(wait, fetcher.stopping):
            return
