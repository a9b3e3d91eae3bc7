"""Ledger reads and writes for the link stage: duplicates, stories, entity merges, positions."""

from __future__ import annotations

import sqlite3


class StoryQueries:
    """Mixed into SQLiteLedger; ``self.conn`` is its connection."""

    conn: sqlite3.Connection
