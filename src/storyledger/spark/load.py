"""`storyledger load`: the Parquet a Spark job wrote, into a ledger, then linked.

Rows are read a batch at a time, in the job's order (part files in name order: the WARC files in the
order they were given), so memory stays flat whatever the archive's size and the ledger is the one a
local ingest of the same WARC files builds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq

from storyledger.errors import Failure
from storyledger.ingest import IngestReport
from storyledger.link.pipeline import link_new
from storyledger.spark.rows import ArchiveRow, decode
from storyledger.store.interfaces import IngestLedger

BATCH = 256


def parquet_files(inputs: Iterable[Path]) -> list[Path]:
    """Parquet files given, and those in given folders (a Spark output folder), in name order."""
    out: list[Path] = []
    for item in inputs:
        out += sorted(item.glob("*.parquet")) if item.is_dir() else [item]
    return out


def archive_rows(files: Iterable[Path]) -> Iterator[ArchiveRow]:
    for path in files:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH):
            for values in batch.to_pylist():
                yield ArchiveRow(**values)


def load(inputs: Iterable[Path], ledger: IngestLedger, on_item: Callable[[str], None] | None = None) -> IngestReport:
    """Store every article the rows hold (each in its own transaction), note the failures, then link."""
    report = IngestReport()
    for row in archive_rows(parquet_files(inputs)):
        if row.record is None:
            report.failed.append(Failure(row.source, row.error or "no article", row.stage or "read"))
        else:
            annotated = decode(row.record)
            (report.ingested if ledger.add(annotated) else report.unchanged).append(annotated.article.id)
            if row.version_url:
                fetched = datetime.fromisoformat(row.fetched_at) if row.fetched_at else None
                ledger.record_version(annotated.article.id, row.version_url, fetched)
        if on_item:
            on_item(row.source)
    link_new(ledger)
    return report
