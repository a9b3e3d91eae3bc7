"""Store: one schema behind a few small interfaces (storyledger.store.interfaces); SQLite by default,
PostgreSQL for a ``postgresql://`` URL."""

from __future__ import annotations

from pathlib import Path

from storyledger.store.interfaces import Ledger
from storyledger.store.sqlite import SQLiteLedger


def is_server_url(location: object) -> bool:
    """Whether a ledger location names a PostgreSQL database rather than a SQLite file."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def open_ledger(path: Path | str, read_only: bool = False, durable: bool = True) -> Ledger:
    """The ledger at ``path``, a SQLite file or a ``postgresql://`` URL (created and migrated as needed).
    ``read_only`` refuses every write; ``durable=False`` trades crash safety for speed, for a throwaway
    ledger built in bulk."""
    if is_server_url(path):
        from storyledger.store.postgres import PostgresLedger  # psycopg is imported only when asked for

        return PostgresLedger(str(path), read_only=read_only, durable=durable)
    return SQLiteLedger(path, read_only=read_only, durable=durable)


__all__ = ["Ledger", "is_server_url", "open_ledger"]
