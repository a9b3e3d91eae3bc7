"""Reading ledger entities for the views: pages of them, one of them, where they appear, who acts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from storyledger.records import EntityType
from storyledger.store.read_models import ActorCount, EntityView, OutletCount, Page
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.values import Where, like, role_texts

_ENTITY = (
    "SELECT e.*, (SELECT count(*) FROM doc_entities de JOIN mentions m ON m.document_id = de.document_id"
    "   AND m.local_id = de.local_id WHERE de.entity_id = e.id) AS n_mentions,"
    " (SELECT count(DISTINCT de.document_id) FROM doc_entities de WHERE de.entity_id = e.id) AS n_docs"
    " FROM entities e"
)


def _entity_view(r: sqlite3.Row) -> EntityView:
    return EntityView(r["id"], r["name"], EntityType(r["type"]), json.loads(r["aliases"]), role_texts(r["roles"]),
                      r["n_mentions"], r["n_docs"])


class EntityPages(Connection):
    def entity_page(self, limit: int = 50, offset: int = 0, name: str | None = None,
                    type: str | None = None) -> Page[EntityView]:
        where = Where()
        if name:
            where.add("(e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\')", like(name), like(name))
        if type:
            where.add("e.type = ?", type)
        total = int(self._conn.execute(f"SELECT count(*) FROM entities e{where.sql}", where.params).fetchone()[0])
        items = self._records(_entity_view, f"{_ENTITY}{where.sql} ORDER BY n_mentions DESC, e.name LIMIT ? OFFSET ?",
                              (*where.params, limit, offset))
        return Page(items, total, limit, offset)

    def entity(self, entity_id: str) -> EntityView | None:
        r = self._conn.execute(f"{_ENTITY} WHERE e.id = ?", (entity_id,)).fetchone()
        return _entity_view(r) if r else None

    def entity_outlets(self, entity_id: str) -> list[OutletCount]:
        return self._records(
            lambda r: OutletCount(r["outlet"], r["n"]),
            "SELECT coalesce(d.outlet, '(outlet unknown)') AS outlet, count(DISTINCT d.id) AS n"
            " FROM doc_entities de JOIN documents d ON d.id = de.document_id WHERE de.entity_id = ?"
            " GROUP BY 1 ORDER BY n DESC, 1", (entity_id,),
        )

    def document_types(self) -> dict[str, dict[EntityType, int]]:
        out: dict[str, dict[EntityType, int]] = {}
        for entity_id, etype, n in self._conn.execute(
                "SELECT entity_id, type, count(*) FROM doc_entities WHERE entity_id IS NOT NULL GROUP BY 1, 2"):
            out.setdefault(entity_id, {})[EntityType(etype)] = n
        return out

    def actors(self, document_ids: Sequence[str] | None = None, limit: int = 50) -> list[ActorCount]:
        where = Where("de.entity_id IS NOT NULL")
        where.scope("c.document_id", document_ids)
        return self._records(
            lambda r: ActorCount(r["id"], r["name"], r["n"]),
            "SELECT e.id, e.name, count(*) AS n FROM claims c, json_each(c.actor_local_ids) j"
            " JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
            f" JOIN entities e ON e.id = de.entity_id{where.sql}"
            " GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?", (*where.params, limit),
        )
