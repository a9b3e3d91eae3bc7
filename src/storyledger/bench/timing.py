"""The cost of linking one more article into a ledger of n articles: ledgers of synthetic news are
built, then linked exactly as ingest links real articles, and single additions are timed."""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from storyledger.bench.synthetic import SyntheticNews
from storyledger.link.pipeline import link_document, link_in_transaction
from storyledger.store import Ledger, open_ledger


@dataclass(slots=True)
class BenchResult:
    size: int
    samples: list[float]  # seconds to store + link one article

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples) * 1000


def build_ledger(path: Path, size: int, news: SyntheticNews, batch: int = 500) -> None:
    """Store and link ``size`` articles, ``batch`` per commit. The file is thrown away afterwards, so it
    is built without waiting for the disk; the timed additions reopen it as ingest would, durably."""
    with open_ledger(path, durable=False) as ledger:
        for lo in range(0, size, batch):
            articles = [news.article() for _ in range(min(batch, size - lo))]
            for annotated in articles:
                ledger.add(annotated)
            with ledger.transaction():
                for annotated in articles:
                    if ledger.story_of(annotated.article.id) is None:
                        link_in_transaction(ledger, annotated.article.id)


def time_additions(ledger: Ledger, news: SyntheticNews, repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        annotated = news.article()
        t0 = time.perf_counter()
        if ledger.add(annotated):
            link_document(ledger, annotated.article.id)
        samples.append(time.perf_counter() - t0)
    return samples


def run_bench(sizes: list[int], repeats: int = 30, workdir: Path | None = None) -> list[BenchResult]:
    """For each ledger size: build it, then time ``repeats`` single-article additions."""
    results = []
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        for size in sizes:
            news = SyntheticNews()
            path = Path(tmp) / f"bench-{size}.db"
            build_ledger(path, size, news)
            with open_ledger(path) as ledger:
                results.append(BenchResult(size, time_additions(ledger, news, repeats)))
    return results
