"""One read-only ledger connection per worker thread (SQLite connections must not be shared)."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import Request

from storyledger.store import Ledger, open_ledger
from storyledger.store.interfaces import LedgerReader


class LedgerPool:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[Ledger] = []
        self._lock = threading.Lock()

    def get(self) -> LedgerReader:
        ledger = getattr(self._local, "ledger", None)
        if ledger is None:
            ledger = open_ledger(self.path, read_only=True)  # the server never writes
            self._local.ledger = ledger
            with self._lock:
                self._all.append(ledger)
        return ledger

    def close(self) -> None:
        with self._lock:
            for ledger in self._all:
                ledger.close()
            self._all.clear()


def ledger(request: Request) -> LedgerReader:
    pool: LedgerPool = request.app.state.pool
    return pool.get()
