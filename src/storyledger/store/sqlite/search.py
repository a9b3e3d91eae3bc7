"""Full-text search over titles and text (FTS5, porter stemming)."""

from __future__ import annotations

import sqlite3

from storyledger.store.read_models import DocumentFilter, Page, SearchHit
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.documents import DOCUMENT_COLUMNS, document_view
from storyledger.store.sqlite.values import Where

_MATCHES = " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?"


class Search(Connection):
    def search(self, query: str, limit: int = 20, offset: int = 0, snippet_tokens: int = 24,
               within: DocumentFilter | None = None) -> Page[SearchHit]:
        where = Where()
        where.within(within)
        extra = "".join(f" AND {c}" for c in where.conditions)
        words = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
        if not words:
            return Page([], 0, limit, offset)
        for q in (query, words):
            try:
                total = int(self._conn.execute(f"SELECT count(*){_MATCHES}{extra}",
                                               (q, *where.params)).fetchone()[0])
                rows = self._conn.execute(
                    f"SELECT {DOCUMENT_COLUMNS}, snippet(documents_fts, 1, '\ue000', '\ue001', '…', ?) AS snip"
                    f"{_MATCHES}{extra} ORDER BY rank LIMIT ? OFFSET ?",
                    (snippet_tokens, q, *where.params, limit, offset),
                ).fetchall()
                return Page([SearchHit(document_view(r), r["snip"]) for r in rows], total, limit, offset)
            except sqlite3.OperationalError:
                continue
        return Page([], 0, limit, offset)
