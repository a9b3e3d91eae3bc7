"""The local runner: read inputs, extract and annotate each, store, then link.

Per input it runs the per-article work of ``storyledger.process`` (extract, then annotate) with one
look at the ledger in between: an article already stored is not annotated again, the speed path
that makes re-ingesting a folder cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyledger.errors import Failure, InputError
from storyledger.extract import extract
from storyledger.link.pipeline import link_new
from storyledger.process import process
from storyledger.records import Hints, RawDocument
from storyledger.sources import iter_paths, read_path
from storyledger.store.interfaces import IngestLedger


@dataclass(slots=True)
class IngestReport:
    ingested: list[str] = field(default_factory=list)  # document ids
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def iter_raw(inputs: list[str], hints: Hints) -> Iterable[RawDocument | Failure]:
    """Every raw document (or failure) the inputs hold, in a stable order."""
    for item in iter_paths(inputs):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_path(Path(item), hints)


def ingest(
    inputs: list[str],
    ledger: IngestLedger,
    hints: Hints | None = None,
    on_item: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest inputs into the ledger. Bad inputs are reported and skipped; each document is
    stored in its own transaction, so nothing already stored is lost."""
    report = IngestReport()
    for item in iter_raw(inputs, hints or Hints()):
        if isinstance(item, Failure):
            report.failed.append(item)
        else:
            _ingest_one(item, ledger, report)
        if on_item:
            on_item(item.source)
    link_new(ledger)
    return report


def _ingest_one(raw: RawDocument, ledger: IngestLedger, report: IngestReport) -> None:
    """Extract, skip if stored, annotate, store; a failure is reported by the input's name."""
    try:
        article = extract(raw)
        if ledger.has_document(article.id):
            ledger.add_source(article.id, article.source, article.url, article.raw_sha256)
            report.unchanged.append(article.id)
            return
        annotated = process(article)
    except InputError as exc:
        report.failed.append(Failure(exc.source, exc.reason))
        return
    except Exception as exc:  # a bug on one input must not stop the batch; it is reported by name
        report.failed.append(Failure(raw.source, f"internal error: {type(exc).__name__}: {exc}"))
        return
    if ledger.add(annotated):
        report.ingested.append(article.id)
    else:
        report.unchanged.append(article.id)
