"""The tables as exported: every stored column of the tables a user sees (internal ones and columns
are left out), plus what a row's document-local ids resolve to in the ledger (entity ids and names,
a matter's label) and its article's outlet and date, so an exported quote or claim stands on its own.
Every table name put into SQL is one of EXPORT_TABLES."""

from __future__ import annotations

from collections.abc import Iterator

from storyledger.store.interfaces import EXPORT_TABLES
from storyledger.store.read_models import Column
from storyledger.store.sqlite.connection import Connection

_ENTITY_OF = ("(SELECT de.entity_id FROM doc_entities de WHERE de.document_id = t.document_id"
              " AND de.local_id = t.{col})")
_NAME_OF = ("(SELECT e.name FROM doc_entities de JOIN entities e ON e.id = de.entity_id"
            " WHERE de.document_id = t.document_id AND de.local_id = t.{col})")
_ACTORS = ("(SELECT json_group_array({value_name}) FROM (SELECT {value} AS {value_name} FROM json_each(t.actor_local_ids) j"
           " JOIN doc_entities de ON de.document_id = t.document_id AND de.local_id = j.value"
           " JOIN entities e ON e.id = de.entity_id ORDER BY j.key))")
_OUTLET = ("outlet", "TEXT", "(SELECT d.outlet FROM documents d WHERE d.id = t.document_id)")
_PUBLISHED = ("published", "TEXT", "(SELECT d.published FROM documents d WHERE d.id = t.document_id)")

# (name, type, SQL over the stored row "t") for each column an export adds.
EXTRA: dict[str, tuple[tuple[str, str, str], ...]] = {
    "mentions": (("entity_id", "TEXT", _ENTITY_OF.format(col="local_id")),),
    "quotes": (
        ("speaker_entity_id", "TEXT", _ENTITY_OF.format(col="speaker_local_id")),
        ("speaker_name", "TEXT", _NAME_OF.format(col="speaker_local_id")),
        _OUTLET, _PUBLISHED,
    ),
    "claims": (
        ("actor_entity_ids", "TEXT", _ACTORS.format(value="e.id", value_name="id")),
        ("actor_names", "TEXT", _ACTORS.format(value="e.name", value_name="name")),
        ("target_entity_id", "TEXT", _ENTITY_OF.format(col="target_local_id")),
        _OUTLET, _PUBLISHED,
    ),
    "times": (_OUTLET, _PUBLISHED),
    "story_documents": (
        ("canonical_id", "TEXT", "(SELECT x.canonical_id FROM duplicates x WHERE x.document_id = t.document_id)"),
        _OUTLET, _PUBLISHED,
    ),
    "positions": (
        ("actor_entity_id", "TEXT", "(SELECT e.id FROM entities e WHERE e.id = t.actor_key)"),
        ("actor_name", "TEXT", "coalesce((SELECT e.name FROM entities e WHERE e.id = t.actor_key),"
                               " substr(t.actor_key, 2))"),
        ("matter", "TEXT", "(SELECT m.label FROM matters m WHERE m.id = t.matter_id)"),
        _OUTLET,
    ),
}
# Stored columns that only the link stage reads (cluster norms).
INTERNAL = {"stories": {"norm"}, "matters": {"norm"}}


def _checked(table: str) -> str:
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}")
    return table


class Tables(Connection):
    def _stored_columns(self, table: str) -> list[Column]:
        return [Column(r["name"], r["type"])
                for r in self._conn.execute("SELECT name, type FROM pragma_table_info(?)", (_checked(table),))
                if r["name"] not in INTERNAL.get(table, set())]

    def table_columns(self, table: str) -> list[Column]:
        return self._stored_columns(table) + [Column(name, kind) for name, kind, _sql in EXTRA.get(table, ())]

    def table_rows(self, table: str, batch: int = 1000) -> Iterator[list[tuple[object, ...]]]:
        stored = ", ".join(f't."{c.name}"' for c in self._stored_columns(table))
        extra = "".join(f", {sql}" for _name, _kind, sql in EXTRA.get(table, ()))
        last = -1
        while True:
            rows = self._conn.execute(
                f"SELECT t.rowid, {stored}{extra} FROM {_checked(table)} t WHERE t.rowid > ? ORDER BY t.rowid LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            yield [tuple(r)[1:] for r in rows]
            last = rows[-1][0]
