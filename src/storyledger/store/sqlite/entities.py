"""Ledger entities as the link stage resolves them: document entities, lookup keys, context, overrides."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timezone

from storyledger.link.records import DocEntity, LedgerEntity, Override, OverrideKind
from storyledger.link.resolution_records import EntityRecord, Ref
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


_RECORD = (
    "SELECT de.*, rr.published, rr.context, (SELECT count(*) FROM mentions m WHERE m.document_id = de.document_id"
    " AND m.local_id = de.local_id) AS n FROM resolution_records rr JOIN doc_entities de"
    " ON de.document_id = rr.document_id AND de.local_id = rr.local_id"
)


def _resolution_record(r: sqlite3.Row) -> EntityRecord:
    return EntityRecord(r["document_id"], r["local_id"], r["name"], EntityType(r["type"]),
                        tuple(json.loads(r["aliases"])), tuple(role_texts(r["roles"])), r["n"],
                        date.fromisoformat(r["published"]) if r["published"] else None,
                        frozenset(json.loads(r["context"])))


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

    def add_entity_keys(self, entity_id: str, keys: Iterable[str]) -> None:
        self._conn.executemany("INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)",
                               [(k, entity_id) for k in sorted(set(keys))])

    def upsert_entity(self, entity: LedgerEntity) -> None:
        self._conn.execute(
            "INSERT INTO entities (id, name, type, aliases, roles) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,"
            " aliases = excluded.aliases, roles = excluded.roles",
            (entity.id, entity.name, entity.type.value, json.dumps(sorted(set(entity.aliases))),
             json.dumps(sorted(set(entity.roles)))),
        )

    def assign_doc_entity(self, document_id: str, local_id: str, entity_id: str) -> None:
        self._conn.execute("UPDATE doc_entities SET entity_id = ? WHERE document_id = ? AND local_id = ?",
                           (entity_id, document_id, local_id))

    def save_resolution_records(self, records: Sequence[EntityRecord], keys: Mapping[Ref, Iterable[str]]) -> None:
        c = self._conn
        c.executemany(
            "INSERT OR REPLACE INTO resolution_records (document_id, local_id, published, context) VALUES (?, ?, ?, ?)",
            [(r.document_id, r.local_id, r.published.isoformat() if r.published else None,
              json.dumps(sorted(r.context))) for r in records])
        c.executemany("DELETE FROM resolution_keys WHERE document_id = ? AND local_id = ?",
                      [(r.document_id, r.local_id) for r in records])
        c.executemany("INSERT OR IGNORE INTO resolution_keys (key, document_id, local_id) VALUES (?, ?, ?)",
                      [(k, d, loc) for (d, loc), ks in keys.items() for k in sorted(set(ks))])

    def resolution_records(self, key: str) -> list[EntityRecord]:
        return self._records(_resolution_record, f"{_RECORD} JOIN resolution_keys k ON k.document_id = rr.document_id"
                             " AND k.local_id = rr.local_id WHERE k.key = ? ORDER BY rr.document_id, rr.local_id",
                             (key,))

    def resolution_records_of(self, entity_id: str) -> list[EntityRecord]:
        return self._records(_resolution_record, f"{_RECORD} WHERE de.entity_id = ? ORDER BY rr.document_id,"
                             " rr.local_id", (entity_id,))

    def linked_entities(self, refs: Iterable[Ref]) -> dict[Ref, str]:
        rows = self._conn.execute(
            "SELECT de.document_id, de.local_id, de.entity_id FROM json_each(?) j JOIN doc_entities de"
            " ON de.document_id = json_extract(j.value, '$[0]') AND de.local_id = json_extract(j.value, '$[1]')"
            " WHERE de.entity_id IS NOT NULL", (json.dumps(sorted(set(refs))),))
        return {(r[0], r[1]): r[2] for r in rows}

    def prune_entities(self, entity_ids: Iterable[str]) -> None:
        self._conn.executemany(
            "DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM doc_entities WHERE entity_id = ?)",
            [(e, e) for e in sorted(set(entity_ids))])

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
