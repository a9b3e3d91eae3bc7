"""Reading documents: one with its text, pages of them, their mentions, outlets and date range."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from storyledger.records import DateSource, EntityType
from storyledger.store.read_models import Coverage, DocumentView, MentionSpan, OutletCount, Page
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.values import Where, iso_date

COUNTED = frozenset({"documents", "entities", "doc_entities", "mentions", "quotes", "claims", "times"})
# Every column but the text, which only a single document's read needs.
DOCUMENT_COLUMNS = ("d.id, d.url, d.outlet, d.title, d.authors, d.published, d.published_source, d.language,"
                    " d.format, d.source, d.ingested_at")
NOT_A_COPY = "{col} NOT IN (SELECT document_id FROM duplicates WHERE canonical_id != document_id)"


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

    def document_page(self, limit: int = 50, offset: int = 0, outlet: str | None = None,
                      document_ids: Sequence[str] | None = None) -> Page[DocumentView]:
        where = Where()
        if outlet:
            where.add("d.outlet = ?", outlet)
        where.scope("d.id", document_ids)
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
