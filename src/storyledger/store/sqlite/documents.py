"""Reading documents: one with its text, pages of them, their mentions, outlets and date range."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from storyledger.records import DateSource, EntityType
from storyledger.store.read_models import (
    Coverage, DayCount, DocumentFilter, DocumentView, LedgerCounts, MentionSpan, OutletCount, Page,
)
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.values import Where, iso_date

COUNTED = frozenset({"documents", "entities", "doc_entities", "mentions", "quotes", "claims", "times"})
# Every column but the text, which only a single document's read needs.
DOCUMENT_COLUMNS = ("d.id, d.url, d.outlet, d.title, d.authors, d.published, d.published_source, d.language,"
                    " d.format, d.source, d.ingested_at")
NOT_A_COPY = "{col} NOT IN (SELECT document_id FROM duplicates WHERE canonical_id != document_id)"
NOT_A_LATER_VERSION = "{col} NOT IN (SELECT document_id FROM article_versions WHERE version > 1)"
MENTIONS_ENTITY = "{col} IN (SELECT document_id FROM doc_entities WHERE entity_id = ?)"


def document_view(r: sqlite3.Row) -> DocumentView:
    return DocumentView(
        id=r["id"], title=r["title"], outlet=r["outlet"], url=r["url"], authors=json.loads(r["authors"]),
        published=iso_date(r["published"]), published_source=DateSource(r["published_source"]),
        language=r["language"], format=r["format"], source=r["source"], ingested_at=r["ingested_at"],
    )


class DocumentReads(Connection):
    def count(self, table: str) -> int:
        if table not in COUNTED:
            raise ValueError(f"unknown table {table!r}")
        return int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def document(self, ref: str) -> DocumentView | None:
        row = self._by_ref("SELECT * FROM documents", "id", ref)
        if row is None:
            return None
        doc = document_view(row)
        doc.text = row["text"]
        doc.sources = [r[0] for r in self._conn.execute(
            "SELECT source FROM document_sources WHERE document_id = ? ORDER BY source", (doc.id,))]
        return doc

    def documents_by_prefix(self, prefix: str, limit: int = 10) -> Page[DocumentView]:
        match = "substr(d.id, 1, ?) = ?"
        total = int(self._conn.execute(f"SELECT count(*) FROM documents d WHERE {match}",
                                       (len(prefix), prefix)).fetchone()[0])
        items = self._records(document_view, f"SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE {match}"
                              " ORDER BY d.id LIMIT ?", (len(prefix), prefix, limit))
        return Page(items, total, limit, 0)

    def document_page(self, limit: int = 50, offset: int = 0, outlet: str | None = None,
                      document_ids: Sequence[str] | None = None, within: DocumentFilter | None = None,
                      entity_id: str | None = None) -> Page[DocumentView]:
        where = self._selected(document_ids, within, entity_id)
        if outlet:
            where.add("d.outlet = ?", outlet)
        total = int(self._conn.execute(f"SELECT count(*) FROM documents d{where.sql}", where.params).fetchone()[0])
        items = self._records(document_view, f"SELECT {DOCUMENT_COLUMNS} FROM documents d{where.sql}"
                              " ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ? OFFSET ?",
                              (*where.params, limit, offset))
        return Page(items, total, limit, offset)

    def document_mentions(self, document_id: str) -> list[MentionSpan]:
        return self._records(
            lambda r: MentionSpan(r["start"], r["end"], r["text"], r["entity_id"], r["name"], EntityType(r["type"])),
            "SELECT m.start, m.end, m.text, de.entity_id, coalesce(e.name, de.name) AS name, de.type"
            " FROM mentions m JOIN doc_entities de ON de.document_id = m.document_id AND de.local_id = m.local_id"
            " LEFT JOIN entities e ON e.id = de.entity_id WHERE m.document_id = ? ORDER BY m.start", (document_id,),
        )

    def outlets(self, document_ids: Sequence[str] | None = None) -> list[OutletCount]:
        where = Where("d.outlet IS NOT NULL")
        where.scope("d.id", document_ids)
        return self._records(lambda r: OutletCount(r["outlet"], r["n"]),
                             f"SELECT d.outlet, count(*) AS n FROM documents d{where.sql}"
                             " GROUP BY d.outlet ORDER BY n DESC, d.outlet", where.params)

    def coverage(self) -> Coverage:
        r = self._conn.execute(
            f"SELECT min(published), max(published), sum({NOT_A_COPY.format(col='id')}), count(*) FROM documents"
        ).fetchone()
        return Coverage(iso_date(r[0]), iso_date(r[1]), int(r[2] or 0), int(r[3]))

    def _selected(self, document_ids: Sequence[str] | None, within: DocumentFilter | None,
                  entity_id: str | None) -> Where:
        where = Where()
        where.scope("d.id", document_ids)
        where.within(within)
        if entity_id:
            where.add(MENTIONS_ENTITY.format(col="d.id"), entity_id)
        return where

    def counts(self, document_ids: Sequence[str] | None = None, within: DocumentFilter | None = None,
               entity_id: str | None = None) -> LedgerCounts:
        where = self._selected(document_ids, within, entity_id)
        docs = f"SELECT d.id FROM documents d{where.sql}"
        c = self._conn
        r = c.execute(f"SELECT count(*), sum({NOT_A_COPY.format(col='d.id')}), count(DISTINCT d.outlet),"
                      f" min(d.published), max(d.published) FROM documents d{where.sql}", where.params).fetchone()
        if entity_id:
            quotes = ("SELECT count(*) FROM quotes q JOIN doc_entities de ON de.document_id = q.document_id"
                      f" AND de.local_id = q.speaker_local_id WHERE de.entity_id = ? AND q.document_id IN ({docs})")
            claims = ("SELECT count(*) FROM claims c WHERE EXISTS (SELECT 1 FROM json_each(c.actor_local_ids) j"
                      " JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
                      f" WHERE de.entity_id = ?) AND c.document_id IN ({docs})")
            own = (entity_id, *where.params)
        else:
            quotes = f"SELECT count(*) FROM quotes WHERE document_id IN ({docs})"
            claims = f"SELECT count(*) FROM claims WHERE document_id IN ({docs})"
            own = tuple(where.params)
        entities = (f"SELECT count(DISTINCT entity_id) FROM doc_entities WHERE entity_id IS NOT NULL"
                    f" AND document_id IN ({docs})")
        return LedgerCounts(
            documents=int(r[1] or 0), copies=int(r[0]), outlets=int(r[2]),
            quotes=int(c.execute(quotes, own).fetchone()[0]), claims=int(c.execute(claims, own).fetchone()[0]),
            entities=int(c.execute(entities, where.params).fetchone()[0]), first=iso_date(r[3]), last=iso_date(r[4]),
        )

    def daily_counts(self, document_ids: Sequence[str] | None = None, within: DocumentFilter | None = None,
                     entity_id: str | None = None) -> list[DayCount]:
        where = self._selected(document_ids, within, entity_id)
        where.add("d.published IS NOT NULL")
        where.add(NOT_A_LATER_VERSION.format(col="d.id"))
        return self._records(
            lambda r: DayCount(iso_date(r["published"]), r["outlet"], r["n"]),  # type: ignore[arg-type]
            f"SELECT d.published, d.outlet, count(*) AS n FROM documents d{where.sql}"
            " GROUP BY d.published, d.outlet ORDER BY d.published, d.outlet IS NULL, d.outlet", where.params,
        )
