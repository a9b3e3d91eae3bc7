"""The SQLite connection every part of the ledger shares: pragmas, migrations and transactions."""

from __future__ import annotations

import itertools
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Self, TypeVar

from storyledger.errors import QueryTimeout

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
T = TypeVar("T")
# How long a writer waits for another to finish its transaction before it gives up. Ingest commits one
# document (and links one) per transaction, each well under a second, so concurrent ingests into one
# ledger take turns; a minute covers a slow disk and a long relink step.
BUSY_TIMEOUT_S = 60.0


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
        # The busy timeout is set first: turning WAL on and migrating a new file take locks that
        # another process opening the same file at the same moment may hold.
        self._conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                     check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._first_write(lambda: self._conn.execute("PRAGMA journal_mode = WAL"))
        if not durable:
            self._conn.execute("PRAGMA synchronous = OFF")
        self._first_write(self.migrate)
        if read_only:
            self._conn.execute("PRAGMA query_only = ON")
        self._deadline: float | None = None
        # SQLite calls this every few thousand steps of a statement; past the deadline it stops it.
        self._conn.set_progress_handler(self._past_deadline, 1_000)

    def _first_write(self, step: Callable[[], object]) -> None:
        """Run a step of opening a file that others may be opening at the same moment. SQLite answers
        "locked" at once, without its busy handler, while another connection switches a new file to
        WAL (seen: 1 of 20 runs of ten first opens under load), so the step is tried again a while."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        for attempt in itertools.count(1):
            try:
                step()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(min(0.05 * attempt, 1.0))

    def _past_deadline(self) -> bool:
        return self._deadline is not None and time.monotonic() > self._deadline

    @contextmanager
    def time_limit(self, seconds: float, what: str) -> Iterator[None]:
        """Statements run inside stop after ``seconds`` in all, with QueryTimeout naming ``what``."""
        self._deadline = time.monotonic() + seconds
        try:
            yield
        except sqlite3.OperationalError as exc:
            if self.interrupted(exc):
                raise QueryTimeout(f"{what} took longer than {seconds:g} s and was stopped") from None
            raise
        finally:
            self._deadline = None

    @staticmethod
    def interrupted(exc: sqlite3.OperationalError) -> bool:
        return str(exc) == "interrupted"

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
        """Bring the schema up to date in one write transaction. The version is read again inside it:
        another process opening the same new ledger may have migrated it while this one waited."""
        pending = migrations()
        if not pending or self.schema_version >= pending[-1][0]:
            return
        with self.transaction():
            current = self.schema_version
            for version, _name, sql in pending:
                if version > current:
                    for statement in _split_sql(sql):
                        self._conn.execute(statement)
                    self._conn.execute(f"PRAGMA user_version = {version:d}")

    def _records(self, make: Callable[[sqlite3.Row], T], sql: str, params: Sequence[object] = ()) -> list[T]:
        """Every row of a query, made into a record."""
        return [make(r) for r in self._conn.execute(sql, params)]

    def _by_ref(self, select: str, id_column: str, ref: str) -> sqlite3.Row | None:
        """The row whose id is ``ref``, else the only one whose id starts with it (as git does). A range
        over the id, so the primary key finds it (``LIKE`` would read every row, texts and all)."""
        rows = self._conn.execute(f"{select} WHERE {id_column} >= ? AND {id_column} < ? ORDER BY {id_column} LIMIT 2",
                                  (ref, ref + "\U0010ffff")).fetchall()
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
