"""`storyledger bench workers`: ingest throughput with 1 and with N workers on the same corpus, each
run a fresh process into a fresh ledger, rounds alternating which goes first. Wall time is what workers
improve, so wall time is compared: for the whole run (start-up included, as a user sees it) and in
steady state (from the first article stored to the last, start-up excluded)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# Run in a fresh process: ingest the corpus, printing when it started and when each input was stored.
_RUN = """
import json, sys, time
start = time.perf_counter()
from storyledger.ingest import ingest
from storyledger.store import open_ledger
stored = []
with open_ledger(sys.argv[2]) as ledger:
    report = ingest([sys.argv[1]], ledger, on_item=lambda _: stored.append(time.perf_counter()), workers=int(sys.argv[3]))
print(json.dumps({"start": start, "stored": stored, "end": time.perf_counter(), "failed": len(report.failed)}))
"""


@dataclass(slots=True)
class Run:
    total: float  # seconds, whole process
    steady: float  # seconds from the first input stored to the last
    inputs: int


@dataclass(slots=True)
class WorkersResult:
    articles: int
    runs: dict[int, list[Run]] = field(default_factory=dict)  # workers -> one Run per round

    def per_second(self, workers: int) -> float:
        return self.articles / statistics.median(r.total for r in self.runs[workers])

    def steady_per_second(self, workers: int) -> float:
        return statistics.median((r.inputs - 1) / r.steady for r in self.runs[workers])

    def speedup(self, workers: int) -> float:
        return self.per_second(workers) / self.per_second(1)

    def steady_speedup(self, workers: int) -> float:
        return self.steady_per_second(workers) / self.steady_per_second(1)


def ingest_run(corpus: Path, db: Path, workers: int) -> Run:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _RUN, str(corpus), str(db), str(workers)], check=True,
                         capture_output=True, text=True).stdout
    ended = time.perf_counter()
    times = json.loads(out.splitlines()[-1])
    return Run(ended - started, times["stored"][-1] - times["stored"][0], len(times["stored"]))


def run_workers_bench(corpus: Path, articles: int, workdir: Path, workers: int = 2, rounds: int = 3) -> WorkersResult:
    result = WorkersResult(articles, {1: [], workers: []})
    for i in range(rounds):
        for n in ((1, workers) if i % 2 == 0 else (workers, 1)):
            result.runs[n].append(ingest_run(corpus, workdir / f"workers-{n}-{i}.db", n))
    return result
