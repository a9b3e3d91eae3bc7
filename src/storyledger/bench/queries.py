"""`storyledger bench queries`: the reads behind `storyledger timeline --actor` and a story page, on
synthetic ledgers of growing size, for the busiest actor and story (the worst case) and a median one.

Ledgers are built once into a folder and reused, since a large one takes minutes to link.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storyledger.bench.synthetic import SyntheticNews
from storyledger.bench.timing import build_ledger
from storyledger.store import Ledger, open_ledger


@dataclass(slots=True)
class QueryTiming:
    size: int
    query: str  # "timeline --actor" or "story page"
    which: str  # "busiest" or "median"
    ms: float  # median over repeats
    rows: int


def story_page_reads(ledger: Ledger, story_id: str) -> int:
    """The reads the web story page makes (views/web/pages.py story_view), in the same order; the
    rows read, so the work cannot be skipped."""
    doc_ids = ledger.story_document_ids(story_id)
    rows = len(ledger.statement_page(50, 0, document_ids=doc_ids).items)
    rows += len(ledger.latest_positions(doc_ids)) + len(ledger.actors(doc_ids)) + len(ledger.categories(doc_ids))
    rows += len(ledger.chart_points(doc_ids)) + len(ledger.outlets(doc_ids))
    return rows


def ledger_of(folder: Path, size: int) -> Path:
    path = folder / f"queries-{size}.db"
    if not path.exists():
        partial = path.with_suffix(".building")
        partial.unlink(missing_ok=True)
        build_ledger(partial, size, SyntheticNews())
        partial.rename(path)
    return path


def _timed(work: Callable[[], int], repeats: int) -> tuple[float, int]:
    samples, rows = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000, rows


def _busiest_and_median(counts: list[tuple[str, int]]) -> dict[str, str]:
    ranked = sorted(counts, key=lambda c: (-c[1], c[0]))
    return {"busiest": ranked[0][0], "median": ranked[len(ranked) // 2][0]}


def run_query_bench(sizes: list[int], folder: Path, repeats: int = 5) -> list[QueryTiming]:
    results = []
    for size in sizes:
        with open_ledger(ledger_of(folder, size)) as ledger:
            actors = _busiest_and_median([(a.name, a.claims) for a in ledger.actors(limit=100_000)])
            stories = _busiest_and_median([(s.id, s.documents) for s in ledger.story_page(limit=100_000).items])
            for which, name in actors.items():
                ms, rows = _timed(lambda name=name: len(ledger.timeline_lines(actor=name)), repeats)
                results.append(QueryTiming(size, "timeline --actor", which, ms, rows))
            for which, story_id in stories.items():
                ms, rows = _timed(lambda story_id=story_id: story_page_reads(ledger, story_id), repeats)
                results.append(QueryTiming(size, "story page", which, ms, rows))
    return results
