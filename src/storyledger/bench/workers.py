"""`storyledger bench workers`: ingest throughput with 1 and with N workers on the same corpus, each
run a fresh process into a fresh ledger, rounds alternating which goes first. Wall time is what workers
improve, so wall time is compared: for the whole run (start-up included, as a user sees it) and in
steady state (from the first article stored to the last, start-up excluded).

On a shared machine the workers may not get the cores: Linux's autogroup scheduler gives all the
processes of one session one share of the CPU, so with other sessions busy, two processes of one session
run no faster than one. The bench therefore also measures what the machine gives right now: the same
pure-Python loop in 1 and in N processes (``parallel_capacity``); the speedup is to be read against it."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
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
    capacity: list[float] = field(default_factory=list)  # parallel_capacity, per round

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
    result = WorkersResult(articles, {1: [], workers: []}, [])
    for i in range(rounds):
        for n in ((1, workers) if i % 2 == 0 else (workers, 1)):
            result.runs[n].append(ingest_run(corpus, workdir / f"workers-{n}-{i}.db", n))
        result.capacity.append(parallel_capacity(workers))
    return result


def _spin(n: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - start


def parallel_capacity(workers: int, loops: int = 5_000_000) -> float:
    """How many times the work of one process ``workers`` processes get done in the same wall time,
    right now: ``workers`` on idle cores, 1.0 when the session gets one core's share."""
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_spin, [1000] * workers))  # start the processes
        one = min(pool.map(_spin, [loops]))
        started = time.perf_counter()
        list(pool.map(_spin, [loops] * workers))
        return workers * one / (time.perf_counter() - started)
