"""The local runner: read inputs, extract and annotate each, store, then link.

Per input it runs the per-article work of ``storyledger.process`` (extract, then annotate) with one
look at the ledger in between: an article already stored is not annotated again, the speed path
that makes re-ingesting a folder cheap. Each input's work runs in a Guard (storyledger.guard): whatever
goes wrong becomes a Failure naming the input and the stage, and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyledger.errors import Failure, Notice
from storyledger.extract import extract
from storyledger.guard import DEFAULT_BUDGET, Guard
from storyledger.link.pipeline import link_new
from storyledger.process import process
from storyledger.records import AnnotatedArticle, Article, Hints, RawDocument
from storyledger.sources import iter_paths, read_path
from storyledger.store.interfaces import IngestLedger


@dataclass(slots=True)
class IngestReport:
    ingested: list[str] = field(default_factory=list)  # document ids
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)  # metadata dropped, symlinks skipped

    @property
    def ok(self) -> bool:
        return not self.failed


def iter_raw(inputs: list[str], hints: Hints, follow_symlinks: bool = False) -> Iterable[RawDocument | Failure | Notice]:
    """Every raw document (or failure, or notice) the inputs hold, in a stable order. Never raises."""
    for item in iter_paths(inputs, follow_symlinks):
        if isinstance(item, Path):
            yield from read_path(item, hints)
        else:
            yield item


def ingest(
    inputs: list[str],
    ledger: IngestLedger,
    hints: Hints | None = None,
    on_item: Callable[[str], None] | None = None,
    follow_symlinks: bool = False,
    budget: float | None = DEFAULT_BUDGET,
) -> IngestReport:
    """Ingest inputs into the ledger. Bad inputs are reported and skipped; each document is
    stored in its own transaction, so nothing already stored is lost. ``budget`` is the seconds one
    document's extraction and annotation may take (None: no limit)."""
    report = IngestReport()
    for item in iter_raw(inputs, hints or Hints(), follow_symlinks):
        if isinstance(item, Failure):
            report.failed.append(item)
        elif isinstance(item, Notice):
            report.notices.append(item)
        else:
            _ingest_one(item, ledger, report, budget)
        if on_item:
            on_item(item.source)
    linking = Guard("(linking the new documents)", stage="link")
    linking.run(lambda: link_new(ledger))
    if linking.failure:
        report.failed.append(linking.failure)
    return report


def _ingest_one(raw: RawDocument, ledger: IngestLedger, report: IngestReport, budget: float | None) -> None:
    """Extract, skip if stored, annotate, store; a failure is reported by the input's name and stage.
    The budget covers extraction and annotation; storing is one transaction, never cut midway."""
    work = Guard(raw.source, budget, stage="extract")
    done = work.run(lambda: _extract_and_annotate(raw, ledger, work))
    if done is None:
        report.failed.append(work.failure or Failure(raw.source, "no result", work.stage))
        return
    article, annotated = done
    if annotated is None:
        report.unchanged.append(article.id)
        return
    storing = Guard(raw.source, stage="store")
    added = storing.run(lambda: ledger.add(annotated))
    if storing.failure:
        report.failed.append(storing.failure)
    else:
        (report.ingested if added else report.unchanged).append(article.id)


def _extract_and_annotate(raw: RawDocument, ledger: IngestLedger, guard: Guard) -> tuple[Article, AnnotatedArticle | None]:
    """The article, and its annotations unless the ledger already holds it (its source is then noted)."""
    article = extract(raw)
    guard.stage = "store"
    if ledger.has_document(article.id):
        ledger.add_source(article.id, article.source, article.url, article.raw_sha256)
        return article, None
    guard.stage = "annotate"
    return article, process(article)
