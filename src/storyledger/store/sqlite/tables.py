"""The annotation tables as stored, for exports; every table name put into SQL is one of EXPORT_TABLES."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from storyledger.store.interfaces import EXPORT_TABLES
from storyledger.store.read_models import Column
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.values import iso_date


def _checked(table: str) -> str:
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}")
    return table


class Tables(Connection):
    def table_columns(self, table: str) -> list[Column]:
        return [Column(r["name"], r["type"])
                for r in self._conn.execute("SELECT name, type FROM pragma_table_info(?)", (_checked(table),))]

    def table_rows(self, table: str, batch: int = 1000) -> Iterator[list[tuple[object, ...]]]:
        last = -1
        while True:
            rows = self._conn.execute(
                f"SELECT rowid, * FROM {_checked(table)} WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            yield [tuple(r)[1:] for r in rows]
            last = rows[-1][0]

    def linked_entity(self, document_id: str, local_id: str) -> str | None:
        r = self._conn.execute("SELECT entity_id FROM doc_entities WHERE document_id = ? AND local_id = ?",
                               (document_id, local_id)).fetchone()
        return r[0] if r else None

    def published_on(self, document_id: str) -> date | None:
        r = self._conn.execute("SELECT published FROM documents WHERE id = ?", (document_id,)).fetchone()
        return iso_date(r[0]) if r else None
