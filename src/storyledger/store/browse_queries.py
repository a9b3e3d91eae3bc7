"""Paged reads for the web app and exports."""

from __future__ import annotations

import sqlite3


class BrowseQueries:
    """Mixed into SQLiteLedger; ``self.conn`` is its connection."""

    conn: sqlite3.Connection
