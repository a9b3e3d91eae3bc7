"""Ledger entities as the link stage resolves them: document entities, lookup keys, context, overrides."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timezone

from storyledger.link.records import DocEntity, LedgerEntity, Override, OverrideKind
from storyledger.records import EntityType
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.values import role_texts

_DOC_ENTITY = (
    "SELECT de.*, (SELECT count(*) FROM mentions m WHERE m.document_id = de.document_id"
    " AND m.local_id = de.local_id) AS n FROM doc_entities de"
)


def _doc_entity(r: sqlite3.Row) -> DocEntity:
    return DocEntity(r["document_id"], r["local_id"], r["name"], EntityType(r["type"]), json.loads(r["aliases"]),
                     role_texts(r["roles"]), r["n"], r["entity_id"])


def _ledger_entity(r: sqlite3.Row) -> LedgerEntity:
    return LedgerEntity(r["id"], r["name"], EntityType(r["type"]), json.loads(r["aliases"]), role_texts(r["roles"]))


class Entities(Connection):
    def doc_entities(self, document_id: str) -> list[DocEntity]:
        return self._records(_doc_entity, f"{_DOC_ENTITY} WHERE de.document_id = ? ORDER BY n DESC, de.local_id",
                             (document_id,))

    def doc_entities_of(self, entity_id: str) -> list[DocEntity]:
        return self._records(_doc_entity, f"{_DOC_ENTITY} WHERE de.entity_id = ? ORDER BY de.document_id, de.local_id",
                             (entity_id,))

    def ledger_entity(self, entity_id: str) -> LedgerEntity | None:
        r = self._conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return _ledger_entity(r) if r else None

    def entities_by_keys(self, keys: Iterable[str]) -> list[LedgerEntity]:
        return self._records(
            _ledger_entity,
            "SELECT DISTINCT e.* FROM json_each(?) j JOIN entity_keys k ON k.key = j.value"
            " JOIN entities e ON e.id = k.entity_id ORDER BY e.id LIMIT 200", (json.dumps(sorted(set(keys))),),
        )

    def find_entities(self, ref: str) -> list[LedgerEntity]:
        return self._records(
            _ledger_entity,
            "SELECT * FROM entities e WHERE e.id = ? OR lower(e.name) = lower(?) OR EXISTS"
            " (SELECT 1 FROM json_each(e.aliases) a WHERE lower(a.value) = lower(?)) ORDER BY e.id", (ref, ref, ref),
        )

    def entity_neighbours(self, entity_id: str) -> set[str]:
        return {r[0] for r in self._conn.execute("SELECT neighbour FROM entity_context WHERE entity_id = ?",
                                                 (entity_id,))}

    def add_entity_keys(self, entity_id: str, keys: Iterable[str]) -> None:
        self._conn.executemany("INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)",
                               [(k, entity_id) for k in sorted(set(keys))])

    def remove_entity_keys(self, entity_id: str, keys: Iterable[str]) -> None:
        self._conn.executemany("DELETE FROM entity_keys WHERE entity_id = ? AND key = ?",
                               [(entity_id, k) for k in keys])

    def add_entity_context(self, entity_id: str, neighbours: Iterable[str]) -> None:
        self._conn.executemany(
            "INSERT INTO entity_context (entity_id, neighbour, n) VALUES (?, ?, 1)"
            " ON CONFLICT (entity_id, neighbour) DO UPDATE SET n = n + 1",
            [(entity_id, n) for n in sorted(set(neighbours)) if n != entity_id],
        )

    def upsert_entity(self, entity: LedgerEntity) -> None:
        self._conn.execute(
            "INSERT INTO entities (id, name, type, aliases, roles) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases,"
            " roles = excluded.roles",
            (entity.id, entity.name, entity.type.value, json.dumps(sorted(set(entity.aliases))),
             json.dumps(sorted(set(entity.roles)))),
        )

    def assign_doc_entity(self, document_id: str, local_id: str, entity_id: str) -> None:
        self._conn.execute("UPDATE doc_entities SET entity_id = ? WHERE document_id = ? AND local_id = ?",
                           (entity_id, document_id, local_id))

    def move_entity(self, source_id: str, target_id: str) -> None:
        c = self._conn
        c.execute("UPDATE doc_entities SET entity_id = ? WHERE entity_id = ?", (target_id, source_id))
        c.execute("INSERT OR IGNORE INTO entity_keys (key, entity_id) SELECT key, ? FROM entity_keys"
                  " WHERE entity_id = ?", (target_id, source_id))
        c.execute("DELETE FROM entity_keys WHERE entity_id = ?", (source_id,))
        c.execute("INSERT INTO entity_context (entity_id, neighbour, n) SELECT ?, neighbour, n FROM entity_context"
                  " WHERE entity_id = ? AND neighbour != ? AND true"
                  " ON CONFLICT (entity_id, neighbour) DO UPDATE SET n = n + excluded.n",
                  (target_id, source_id, target_id))
        c.execute("DELETE FROM entity_context WHERE entity_id = ?", (source_id,))
        c.execute("UPDATE positions SET actor_key = ? WHERE actor_key = ? AND NOT EXISTS (SELECT 1 FROM positions p"
                  " WHERE p.document_id = positions.document_id AND p.local_id = positions.local_id"
                  " AND p.actor_key = ?)", (target_id, source_id, target_id))
        c.execute("DELETE FROM positions WHERE actor_key = ?", (source_id,))
        c.execute("DELETE FROM entities WHERE id = ?", (source_id,))

    def overrides(self) -> list[Override]:
        return self._records(lambda r: Override(OverrideKind(r["kind"]), r["source_id"], r["target_id"],
                                                r["name_key"], r["document_id"]),
                             "SELECT * FROM entity_overrides ORDER BY seq")

    def add_override(self, override: Override) -> None:
        self._conn.execute(
            "INSERT INTO entity_overrides (kind, source_id, target_id, name_key, document_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (override.kind.value, override.source_id, override.target_id, override.name_key, override.document_id,
             datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
