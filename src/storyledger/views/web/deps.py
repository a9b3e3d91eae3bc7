"""Read-only ledger connections, each lent to one request at a time.

FastAPI runs a sync dependency and its endpoint on pool threads that need not be the same, so a
connection kept per thread would be used by two requests at once; lending one per request keeps
each request's statements, time limit and scratch index its own."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from fastapi import Request

from storyledger.store import Ledger, open_ledger
from storyledger.store.interfaces import LedgerReader


class LedgerPool:
    def __init__(self, path: Path | str) -> None:
        self.path = path
        self._idle: list[Ledger] = []
        self._all: list[Ledger] = []
        self._lock = threading.Lock()

    def get(self) -> Ledger:
        """A connection no other request holds (a new one if none is idle); give it back with ``put``."""
        with self._lock:
            if self._idle:
                return self._idle.pop()
        ledger = open_ledger(self.path, read_only=True)  # the server never writes
        with self._lock:
            self._all.append(ledger)
        return ledger

    def put(self, ledger: Ledger) -> None:
        with self._lock:
            self._idle.append(ledger)

    def close(self) -> None:
        with self._lock:
            for ledger in self._all:
                ledger.close()
            self._all.clear()
            self._idle.clear()


def ledger(request: Request) -> Iterator[LedgerReader]:
    pool: LedgerPool = request.app.state.pool
    lent = pool.get()
    try:
        yield lent
    finally:
        pool.put(lent)
