"""The local runner: read inputs (files, or URLs through the fetch layer), extract and annotate each,
store, then link.

Per input it runs the per-article work of ``storyledger.process`` (extract, then annotate) with one
look at the ledger in between: an article already stored is not annotated again, the speed path
that makes re-ingesting a folder cheap. Each input's work runs in a Guard (storyledger.guard): whatever
goes wrong becomes a Failure naming the input and the stage, and the batch goes on. A document with a
URL is noted as a version of the article at that URL, so the same page fetched again with another text
is its next version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import chain
from pathlib import Path

from storyledger.errors import Failure, Notice
from storyledger.extract import extract
from storyledger.guard import DEFAULT_BUDGET, Guard
from storyledger.link.pipeline import link_new
from storyledger.process import process
from storyledger.records import AnnotatedArticle, Article, Hints, RawDocument
from storyledger.sources import iter_paths, read_path
from storyledger.sources.web import BadURL, Collector, Event, Fetcher, RunSummary, Source, normalise
from storyledger.store.interfaces import CollectLedger, IngestLedger


@dataclass(slots=True)
class IngestReport:
    ingested: list[str] = field(default_factory=list)  # document ids
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)  # metadata dropped, symlinks skipped
    fetched: RunSummary | None = None  # what was fetched, per source, when inputs held URLs

    @property
    def ok(self) -> bool:
        return not self.failed


class Step(StrEnum):
    """What the runner starts on an input, for a progress display."""

    READ = "reading"  # extracting the article
    ANNOTATE = "annotating"  # a new article: the NLP pipeline runs (and loads, the first time)


@dataclass(frozen=True, slots=True)
class Watch:
    """Callbacks a progress display gets: ``step`` as work on an input starts, ``item`` when it is
    done, ``linked(done, total)`` as documents are linked at the end."""

    step: Callable[[Step, str], None] | None = None
    item: Callable[[str], None] | None = None
    linked: Callable[[int, int], None] | None = None


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def iter_raw(inputs: list[str], hints: Hints, follow_symlinks: bool = False) -> Iterable[RawDocument | Failure | Notice]:
    """Every raw document (or failure, or notice) the file inputs hold, in a stable order. Never raises."""
    for item in iter_paths([i for i in inputs if not is_url(i)], follow_symlinks):
        if isinstance(item, Path):
            yield from read_path(item, hints)
        else:
            yield item


def ingest(
    inputs: list[str],
    ledger: CollectLedger,
    hints: Hints | None = None,
    on_item: Callable[[str], None] | None = None,
    fetcher: Fetcher | None = None,
    on_event: Callable[[Event], None] | None = None,
    watch: Watch | None = None,
    follow_symlinks: bool = False,
    budget: float | None = DEFAULT_BUDGET,
) -> IngestReport:
    """Ingest inputs into the ledger. Bad inputs are reported and skipped; each document is
    stored in its own transaction, so nothing already stored is lost. URLs (pages, feeds, sitemaps)
    are fetched with ``fetcher`` (a polite default one if none is given) and need a ledger that
    remembers what was fetched (a CollectLedger). ``watch`` is told what is being done, for a
    progress display (``on_item`` is its ``item``, kept for callers that want only that). ``budget`` is
    the seconds one document's extraction and annotation may take (None: no limit)."""
    hints = hints or Hints()
    watch = watch or Watch(item=on_item)
    report = IngestReport()
    items: Iterable[RawDocument | Failure | Notice] = iter_raw(inputs, hints, follow_symlinks)
    urls = [i for i in inputs if is_url(i)]
    own = fetcher is None and bool(urls)
    if urls:
        fetcher = fetcher or Fetcher()
        # Lazily: a page's state is saved only once the page is stored (see store_all).
        items = chain(items, _fetched(urls, ledger, fetcher, hints, report, on_event))
    try:
        store_all(items, ledger, report, watch, budget)
    finally:
        if own and fetcher is not None:
            fetcher.close()
    linking = Guard("(linking the new documents)", stage="link")
    linking.run(lambda: link_new(ledger, watch.linked))
    if linking.failure:
        report.failed.append(linking.failure)
    return report


def _fetched(urls: list[str], ledger: CollectLedger, fetcher: Fetcher, hints: Hints, report: IngestReport,
             on_event: Callable[[Event], None] | None) -> Iterator[RawDocument | Failure]:
    """The documents behind URLs given once (not followed): pages, and the new entries of feeds and sitemaps."""
    sources = []
    for url in urls:
        try:
            sources.append(Source(normalise(url)))
        except BadURL as exc:
            yield Failure(url, str(exc))
    collector = Collector(fetcher, ledger, on_event=on_event)
    for item in collector.run(sources, follow_up=False):
        yield item if isinstance(item, Failure) else _with_defaults(item, hints)
    report.fetched = collector.summary


def _with_defaults(raw: RawDocument, hints: Hints) -> RawDocument:
    """The command line's --published and --outlet fill what a fetched page lacks."""
    return replace(raw, hints=replace(raw.hints, default_published=hints.default_published,
                                      default_outlet=hints.default_outlet))


def store_all(items: Iterable[RawDocument | Failure | Notice], ledger: IngestLedger, report: IngestReport,
              watch: Watch | None = None, budget: float | None = DEFAULT_BUDGET) -> None:
    """Store every raw document; the next item is asked for only once this one is stored, which is
    what lets a collection run resume after Ctrl-C without losing or repeating anything."""
    watch = watch or Watch()
    for item in items:
        if isinstance(item, Failure):
            report.failed.append(item)
        elif isinstance(item, Notice):
            report.notices.append(item)
        else:
            _ingest_one(item, ledger, report, watch, budget)
        if watch.item:
            watch.item(item.source)


def _ingest_one(raw: RawDocument, ledger: IngestLedger, report: IngestReport, watch: Watch,
                budget: float | None) -> None:
    """Extract, skip if stored, annotate, store; a failure is reported by the input's name and stage.
    The budget covers extraction and annotation; storing is one transaction, never cut midway."""
    work = Guard(raw.source, budget, stage="extract")
    done = work.run(lambda: _extract_and_annotate(raw, ledger, work, watch))
    if done is None:
        report.failed.append(work.failure or Failure(raw.source, "no result", work.stage))
        return
    article, annotated = done
    if annotated is not None:
        storing = Guard(raw.source, stage="store")
        added = storing.run(lambda: ledger.add(annotated))
        if storing.failure:
            report.failed.append(storing.failure)
            return
        (report.ingested if added else report.unchanged).append(article.id)
    else:
        report.unchanged.append(article.id)
    _note_version(article, raw, ledger)


def _extract_and_annotate(raw: RawDocument, ledger: IngestLedger, guard: Guard,
                          watch: Watch) -> tuple[Article, AnnotatedArticle | None]:
    """The article, and its annotations unless the ledger already holds it (its source is then noted)."""
    if watch.step:
        watch.step(Step.READ, raw.source)
    article = extract(raw)
    guard.stage = "store"
    if ledger.has_document(article.id):
        ledger.add_source(article.id, article.source, article.url, article.raw_sha256)
        return article, None
    guard.stage = "annotate"
    if watch.step:
        watch.step(Step.ANNOTATE, raw.source)
    return article, process(article)


def _note_version(article: Article, raw: RawDocument, ledger: IngestLedger) -> None:
    if not article.url:
        return
    try:
        url = normalise(article.url)
    except BadURL:
        url = article.url
    ledger.record_version(article.id, url, raw.fetched_at)
