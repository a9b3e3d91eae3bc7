"""The PostgreSQL ledger, for a team: several ingests and readers on one database.

It is the SQLite ledger's modules (storyledger.store.sqlite) on another connection: their SQL is
translated in one place (dialect.py, compat.sql), full-text search is PostgreSQL's own (search.py),
and the few queries with no translation are written again (rewrites.py).
"""

from __future__ import annotations

from storyledger.store.postgres.rewrites import Rewrites
from storyledger.store.postgres.search import Search
from storyledger.store.sqlite import SQLiteLedger


class PostgresLedger(Search, Rewrites, SQLiteLedger):
    """All reads and writes of one ledger database (see storyledger.store.interfaces for what each does)."""


__all__ = ["PostgresLedger"]
