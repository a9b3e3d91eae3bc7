"""Writers together on one SQLite ledger file: they take turns instead of failing."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
from pathlib import Path

from storyledger.store import open_ledger
from storyledger.store.sqlite.connection import migrations


def _open_at_once(path: str, barrier: mp.synchronize.Barrier, results: mp.Queue) -> None:  # type: ignore[name-defined]
    barrier.wait()
    try:
        with open_ledger(path) as ledger:
            results.put(("ok", ledger.count("documents")))
    except Exception as exc:  # reported to the test, which names it
        results.put(("error", f"{type(exc).__name__}: {exc}"))


def test_ten_first_opens_at_once_all_succeed(tmp_path: Path) -> None:
    ctx = mp.get_context("fork")
    for trial in range(2):
        path = tmp_path / f"new-{trial}.db"
        barrier, results = ctx.Barrier(10), ctx.Queue()
        procs = [ctx.Process(target=_open_at_once, args=(str(path), barrier, results)) for _ in range(10)]
        for p in procs:
            p.start()
        outcomes = [results.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert outcomes == [("ok", 0)] * 10
        version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
        assert version == migrations()[-1][0]
