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

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import Any

from storyledger.annotate.nlp import load_pipeline
from storyledger.errors import Failure, Notice, describe
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
    workers: int = 1,
) -> IngestReport:
    """Ingest inputs into the ledger. Bad inputs are reported and skipped; each document is
    stored in its own transaction, so nothing already stored is lost. URLs (pages, feeds, sitemaps)
    are fetched with ``fetcher`` (a polite default one if none is given) and need a ledger that
    remembers what was fetched (a CollectLedger). ``watch`` is told what is being done, for a
    progress display (``on_item`` is its ``item``, kept for callers that want only that). ``budget`` is
    the seconds one document's extraction and annotation may take (None: no limit). With ``workers`` > 1,
    files are extracted and annotated in that many processes (see store_parallel); URLs are always
    fetched and stored one by one."""
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
        if workers > 1 and not urls:
            store_parallel(items, ledger, report, workers, watch, budget)
        else:
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
    store_result(raw, *done, ledger, report)


def store_result(raw: RawDocument, article: Article, annotated: AnnotatedArticle | None, ledger: IngestLedger,
                 report: IngestReport) -> None:
    """Store one input's records (None: the ledger held the article when it was extracted, and only
    its source was noted) and note its version. The one writer, whether the work ran here or in workers."""
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
    if skip_stored(article, ledger):
        return article, None
    guard.stage = "annotate"
    if watch.step:
        watch.step(Step.ANNOTATE, raw.source)
    return article, process(article)


def skip_stored(article: Article, ledger: IngestLedger) -> bool:
    """True, with the new source noted, when the ledger already holds the article: it is not annotated again."""
    if not ledger.has_document(article.id):
        return False
    ledger.add_source(article.id, article.source, article.url, article.raw_sha256)
    return True


def _note_version(article: Article, raw: RawDocument, ledger: IngestLedger) -> None:
    if not article.url:
        return
    try:
        url = normalise(article.url)
    except BadURL:
        url = article.url
    ledger.record_version(article.id, url, raw.fetched_at)


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(slots=True)
class _Slot:
    """One input on its way through the workers; written once every earlier input is written."""

    item: RawDocument | Failure | Notice
    started: float = 0.0
    article: Article | None = None
    annotated: AnnotatedArticle | None = None
    failure: Failure | None = None
    ready: bool = False


def store_parallel(items: Iterable[RawDocument | Failure | Notice], ledger: IngestLedger, report: IngestReport,
                   workers: int, watch: Watch | None = None, budget: float | None = DEFAULT_BUDGET) -> None:
    """``store_all`` with extraction and annotation in ``workers`` processes, each loading the
    pipeline once. This process stays the one writer and writes in input order, so the ledger and
    the report are those of one worker. The ledger is looked at between extraction and annotation,
    as in ``store_all``: an article it already holds is not annotated. Inputs are read ahead (a few
    per worker), so this is for files, not for a collection run that must resume after Ctrl-C.
    Workers fork from a server that has loaded the pipeline and models once (annotate.warm)."""
    watch = watch or Watch()
    window: deque[_Slot] = deque()
    running: dict[Future, _Slot] = {}
    pending = iter(items)
    more = True
    pool = _Pool(workers)
    try:
        while more or window:
            while more and len(window) < 4 * workers:
                item = next(pending, None)
                if item is None:
                    more = False
                else:
                    window.append(_Slot(item, started=time.monotonic(), ready=not isinstance(item, RawDocument)))
                    if isinstance(item, RawDocument):
                        running[pool.submit(_extract_job, item, budget)] = window[-1]
                        if watch.step:
                            watch.step(Step.READ, item.source)
            while window and window[0].ready:
                _write(window.popleft(), ledger, report, watch)
            if not running:
                continue
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                _advance(running.pop(future), future, pool, running, ledger, budget, watch)
    finally:
        pool.close()


class _Pool:
    """The worker processes. A worker that dies (out of memory, a crash inside C code) breaks the
    whole pool: the inputs it held are reported failed (their futures fail), and a new pool takes the
    rest, so one hostile input does not end the batch."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["storyledger.annotate.warm"])
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.context, initializer=_load_in_worker)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        try:
            return self.executor.submit(fn, *args)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return self.executor.submit(fn, *args)

    def close(self) -> None:
        self.executor.shutdown(cancel_futures=True)


def _advance(slot: _Slot, future: Future, pool: _Pool, running: dict[Future, _Slot],
             ledger: IngestLedger, budget: float | None, watch: Watch) -> None:
    """A worker's job for ``slot`` is done: after extraction, annotate unless the ledger holds the
    article; after annotation, the slot is ready to write."""
    raw = slot.item
    assert isinstance(raw, RawDocument)
    stage = "extract" if slot.article is None else "annotate"
    try:
        result, slot.failure = future.result()
    except BrokenProcessPool:
        reason = "a worker process died (out of memory, or a crash in native code) while it held this input"
        slot.failure, slot.ready = Failure(raw.source, reason, stage), True
        return
    except Exception as exc:  # noqa: BLE001 - the result could not be sent back: this input fails, the batch goes on
        slot.failure, slot.ready = Failure(raw.source, f"internal error: worker: {describe(exc)}", stage), True
        return
    if slot.failure is not None or stage == "annotate":
        slot.annotated, slot.ready = result, True
        return
    slot.article = result
    storing = Guard(raw.source, stage="store")
    if storing.run(lambda: skip_stored(result, ledger)) is not False:
        slot.failure, slot.ready = storing.failure, True
        return
    left = None if budget is None else max(budget - (time.monotonic() - slot.started), 0.001)
    running[pool.submit(_annotate_job, raw.source, result, left, budget)] = slot
    if watch.step:
        watch.step(Step.ANNOTATE, raw.source)


def _write(slot: _Slot, ledger: IngestLedger, report: IngestReport, watch: Watch) -> None:
    item = slot.item
    if isinstance(item, Failure):
        report.failed.append(item)
    elif isinstance(item, Notice):
        report.notices.append(item)
    elif slot.failure is not None:
        report.failed.append(slot.failure)
    elif slot.article is not None:
        store_result(item, slot.article, slot.annotated, ledger, report)
    if watch.item:
        watch.item(item.source)


def _load_in_worker() -> None:
    load_pipeline()  # already loaded, unless the preload failed: then once per worker


def _extract_job(raw: RawDocument, budget: float | None) -> tuple[Article | None, Failure | None]:
    guard = Guard(raw.source, budget, stage="extract")
    article = guard.run(lambda: extract(raw))
    return article, None if article is not None else guard.failure or Failure(raw.source, "no result", "extract")


def _annotate_job(source: str, article: Article, seconds: float | None,
                  budget: float | None) -> tuple[AnnotatedArticle | None, Failure | None]:
    """Annotate within what is left of the input's budget; a timeout names the whole budget, as
    ``store_all`` does."""
    guard = Guard(source, seconds, stage="annotate")
    annotated = guard.run(lambda: process(article))
    failure = guard.failure
    if failure is not None and seconds is not None and failure == Guard.timeout_failure(source, seconds, "annotate"):
        failure = Guard.timeout_failure(source, budget or seconds, "annotate")
    return annotated, None if annotated is not None else failure or Failure(source, "no result", "annotate")
