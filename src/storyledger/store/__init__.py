"""Store: one schema behind a few small interfaces (storyledger.store.interfaces); SQLite by default."""

from __future__ import annotations

from pathlib import Path

from storyledger.store.interfaces import Ledger
from storyledger.store.sqlite import SQLiteLedger


def open_ledger(path: Path | str, read_only: bool = False, durable: bool = True) -> Ledger:
    """The ledger at ``path`` (created and migrated as needed). ``read_only`` refuses every write;
    ``durable=False`` trades crash safety for speed, for a throwaway ledger built in bulk."""
    return SQLiteLedger(path, read_only=read_only, durable=durable)


__all__ = ["Ledger", "open_ledger"]
