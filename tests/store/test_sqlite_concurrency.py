"""Writers together on one SQLite ledger file: they take turns instead of failing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storyledger.store.sqlite.connection import migrations
from tests.store.at_once import open_at_once


def test_ten_first_opens_at_once_all_succeed(tmp_path: Path) -> None:
    for trial in range(2):
        path = tmp_path / f"new-{trial}.db"
        assert open_at_once(str(path), 10) == [("ok", 0)] * 10
        version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
        assert version == migrations()[-1][0]
