"""Several processes opening one ledger at the same moment (a barrier), for the first-open tests."""

from __future__ import annotations

import multiprocessing as mp

from storyledger.store import open_ledger


def _open(location: str, barrier: mp.synchronize.Barrier, results: mp.Queue) -> None:  # type: ignore[name-defined]
    barrier.wait()
    try:
        with open_ledger(location) as ledger:
            results.put(("ok", ledger.count("documents")))
    except Exception as exc:  # reported to the test, which names it
        results.put(("error", f"{type(exc).__name__}: {exc}"))


def open_at_once(location: str, processes: int) -> list[tuple[str, object]]:
    """What each process got: ("ok", documents in the ledger) or ("error", what was raised)."""
    ctx = mp.get_context("fork")
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    procs = [ctx.Process(target=_open, args=(location, barrier, results)) for _ in range(processes)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    return outcomes
