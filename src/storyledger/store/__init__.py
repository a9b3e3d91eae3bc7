"""Store: one schema behind one small interface; SQLite by default."""

from storyledger.store.sqlite import SQLiteLedger, open_ledger

__all__ = ["SQLiteLedger", "open_ledger"]
