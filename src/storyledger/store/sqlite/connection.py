"""The SQLite connection every part of the ledger shares: pragmas, migrations and transactions."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Self, TypeVar

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
T = TypeVar("T")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every bundled migration, in order."""
    found = []
    for item in resources.files("storyledger.store.migrations").iterdir():
        m = _MIGRATION_NAME.match(item.name)
        if m:
            found.append((int(m.group(1)), item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (which hold ';') whole."""
    statements: list[str] = []
    buf: list[str] = []
    for line in script.splitlines():
        if line.strip().startswith("--") and not buf:
            continue
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            buf = []
    if "\n".join(buf).strip():
        statements.append("\n".join(buf).strip())
    return statements


class Connection:
    """A single ledger file, migrated to the latest schema when opened.

    ``read_only`` refuses every write (the web app never writes); ``durable=False`` stops waiting for
    the disk on each commit, for a throwaway ledger built in bulk (a crash can then corrupt it)."""

    def __init__(self, path: Path | str, read_only: bool = False, durable: bool = True) -> None:
        self.path = Path(path)
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA busy_timeout = 5000")
        if not durable:
            self._conn.execute("PRAGMA synchronous = OFF")
        self.migrate()
        if read_only:
            self._conn.execute("PRAGMA query_only = ON")

    @property
    def name(self) -> str:
        return self.path.stem

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        current = self.schema_version
        for version, _name, sql in migrations():
            if version <= current:
                continue
            with self.transaction():
                for statement in _split_sql(sql):
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {version:d}")

    def _records(self, make: Callable[[sqlite3.Row], T], sql: str, params: Sequence[object] = ()) -> list[T]:
        """Every row of a query, made into a record."""
        return [make(r) for r in self._conn.execute(sql, params)]

    def _by_ref(self, select: str, id_column: str, ref: str) -> sqlite3.Row | None:
        """The row whose id is ``ref``, else the only one whose id starts with it (as git does)."""
        rows = self._conn.execute(f"{select} WHERE {id_column} = ? OR {id_column} LIKE ? || '%' LIMIT 2",
                                  (ref, ref)).fetchall()
        exact = [r for r in rows if r["id"] == ref]
        return (exact or rows)[0] if exact or len(rows) == 1 else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Writes inside commit together or not at all: an interrupted ingest leaves no half-stored document."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
