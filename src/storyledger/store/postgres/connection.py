"""The PostgreSQL connection every part of the ledger shares: the SQLite modules' queries translated,
migrations, and transactions that several ingests can run at once.

Writers take turns as they do on SQLite: each write transaction holds one advisory lock on the
ledger's database (SQLite's BEGIN IMMEDIATE), so the link stage's read-modify-write steps (running
counts, centroids, version numbers) never interleave; readers never wait (MVCC).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import Any, Self

import psycopg
from psycopg.adapt import Loader
from psycopg.rows import RowMaker
from psycopg.types.string import TextLoader

from storyledger.errors import QueryTimeout
from storyledger.store.postgres import dialect
from storyledger.store.sqlite.connection import Connection, _split_sql, migrations

# Advisory lock keys (per database): one writer at a time, one migrator at a time.
WRITE_LOCK, MIGRATE_LOCK = 0x53_4C_57_52, 0x53_4C_4D_47
_OWN_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class Row(tuple[Any, ...]):
    """A result row read by position or by column name, as sqlite3.Row is (the first column of a name wins)."""

    names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        return tuple.__getitem__(self, self.names[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self.names)


def _rows(cursor: psycopg.Cursor[Any]) -> RowMaker[Row]:
    names: dict[str, int] = {}
    for i, column in enumerate(cursor.description or ()):
        names.setdefault(column.name, i)

    def make(values: Sequence[Any]) -> Row:
        row = Row(values)
        row.names = names
        return row
    return make


class _NumberLoader(Loader):
    """numeric (what sum() of integers gives) as int when whole, as SQLite returns it, else float."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        return int(text) if re.fullmatch(r"-?\d+", text) else float(text)


class Translating:
    """The sqlite3.Connection calls the SQLite modules make, run on PostgreSQL in its dialect."""

    def __init__(self, conn: psycopg.Connection[Row]) -> None:
        self.pg = conn
        self._sql: dict[str, str] = {}
        self._columns: dict[str, tuple[list[str], list[str]]] = {}

    def translate(self, sql: str) -> str:
        found = self._sql.get(sql)
        if found is None:
            found = self._sql[sql] = dialect.query(sql, self.table_columns)
        return found

    def table_columns(self, table: str) -> tuple[list[str], list[str]]:
        """(primary key columns, every stored column) of a table, for INSERT OR REPLACE."""
        if table not in self._columns:
            rows = self.pg.execute(
                "SELECT a.attname, coalesce(a.attnum = ANY (i.indkey), false) FROM pg_attribute a"
                " LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary"
                " WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 AND NOT a.attisdropped"
                " AND a.attname <> 'rowid' AND a.attgenerated = '' ORDER BY a.attnum", (table,)).fetchall()
            self._columns[table] = ([r[0] for r in rows if r[1]], [r[0] for r in rows])
        return self._columns[table]

    def forget_columns(self) -> None:
        """After a migration: tables may have new columns."""
        self._columns.clear()
        self._sql.clear()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Row]:
        return self.pg.execute(self.translate(sql), tuple(params))  # type: ignore[arg-type]

    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(p) for p in params]
        if rows:
            with self.pg.cursor() as cur:
                cur.executemany(self.translate(sql), rows)  # type: ignore[arg-type]

    def close(self) -> None:
        self.pg.close()


def _own_migrations() -> dict[int, str]:
    """PostgreSQL's own part of a migration (its text search), by version, run after the translated SQLite one."""
    found = {}
    for item in resources.files("storyledger.store.postgres.migrations").iterdir():
        m = _OWN_MIGRATION.match(item.name)
        if m:
            found[int(m.group(1))] = item.read_text(encoding="utf-8")
    return found


def _compat() -> str:
    return resources.files("storyledger.store.postgres").joinpath("compat.sql").read_text(encoding="utf-8")


class PostgresConnection(Connection):
    """A ledger in one PostgreSQL database (a ``postgresql://`` URL), migrated when opened."""

    def __init__(self, url: str, read_only: bool = False, durable: bool = True) -> None:
        self.url = url
        pg = psycopg.connect(url, autocommit=True, row_factory=_rows)  # type: ignore[arg-type]
        # Values come back as SQLite gives them: JSON as its text, whole numbers as int.
        for json_type in ("json", "jsonb"):
            pg.adapters.register_loader(json_type, TextLoader)
        pg.adapters.register_loader("numeric", _NumberLoader)
        self._conn = Translating(pg)  # type: ignore[assignment]
        if not durable:
            pg.execute("SET synchronous_commit = off")
        self.migrate()
        if read_only:
            pg.execute("SET default_transaction_read_only = on")

    @property
    def _pg(self) -> psycopg.Connection[Row]:
        return self._conn.pg  # type: ignore[attr-defined,no-any-return]

    @contextmanager
    def time_limit(self, seconds: float, what: str) -> Iterator[None]:
        """Statements run inside stop after ``seconds`` each, with QueryTimeout naming ``what``."""
        self._pg.execute(f"SET statement_timeout = {max(1, int(seconds * 1000)):d}")
        try:
            yield
        except psycopg.errors.QueryCanceled:
            raise QueryTimeout(f"{what} took longer than {seconds:g} s and was stopped") from None
        finally:
            self._pg.execute("RESET statement_timeout")

    @staticmethod
    def interrupted(exc: Exception) -> bool:
        return isinstance(exc, psycopg.errors.QueryCanceled)

    @property
    def name(self) -> str:
        return self._pg.info.dbname

    def close(self) -> None:
        self._pg.close()

    def __enter__(self) -> Self:
        return self

    def _schema(self) -> tuple[int, str | None]:
        """(schema version, stamp of the compat functions installed); (0, None) for an empty database."""
        if self._pg.execute("SELECT to_regclass('storyledger_schema')").fetchone()[0] is None:  # type: ignore[index]
            return 0, None
        row = self._pg.execute("SELECT version, compat FROM storyledger_schema").fetchone()
        return (int(row[0]), row[1]) if row else (0, None)

    @property
    def schema_version(self) -> int:
        return self._schema()[0]

    def migrate(self) -> None:
        """Bring the schema up to date in one transaction, one process at a time: each SQLite migration
        translated (storyledger.store.postgres.dialect), then PostgreSQL's own part of it."""
        pending = migrations()
        compat = _compat()
        stamp = hashlib.sha256(compat.encode()).hexdigest()[:16]
        version, installed = self._schema()
        if pending and version >= pending[-1][0] and installed == stamp:
            return
        own = _own_migrations()
        virtual = dialect.virtual_tables([sql for _v, _n, sql in pending])
        with self._pg.transaction():
            self._pg.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            self._pg.execute("CREATE TABLE IF NOT EXISTS storyledger_schema (version INTEGER NOT NULL, compat TEXT)")
            if self._pg.execute("SELECT count(*) FROM storyledger_schema").fetchone()[0] == 0:  # type: ignore[index]
                self._pg.execute("INSERT INTO storyledger_schema (version, compat) VALUES (0, NULL)")
            if self._schema()[1] != stamp:
                self._pg.execute(compat)  # type: ignore[arg-type]
                self._pg.execute("UPDATE storyledger_schema SET compat = %s", (stamp,))
            current = self.schema_version
            for version, _name, sql in pending:
                if version <= current:
                    continue
                for part in _split_sql(sql):
                    translated = dialect.statement(part, virtual, self._conn.table_columns)  # type: ignore[attr-defined]
                    if translated:
                        self._pg.execute(translated)  # type: ignore[arg-type]
                if version in own:
                    self._pg.execute(own[version])  # type: ignore[arg-type]
                self._pg.execute("UPDATE storyledger_schema SET version = %s", (version,))
        self._conn.forget_columns()  # type: ignore[attr-defined]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Writes inside commit together or not at all, one writing transaction at a time."""
        with self._pg.transaction():
            self._pg.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield
