"""Stories: which documents each holds, its dates and label, and stories as the views list them."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from storyledger.store.read_models import DocumentFilter, Page, StoryView
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.documents import NOT_A_COPY
from storyledger.store.sqlite.values import Where, iso, iso_date

_STORY = (
    "SELECT s.*, (SELECT count(*) FROM story_documents sd WHERE sd.story_id = s.id"
    f"   AND {NOT_A_COPY.format(col='sd.document_id')}) AS distinct_docs,"
    " (SELECT json_group_array(DISTINCT d.outlet) FROM story_documents sd JOIN documents d"
    "   ON d.id = sd.document_id WHERE sd.story_id = s.id AND d.outlet IS NOT NULL) AS outlets"
    " FROM stories s"
)
_LATEST_FIRST = " ORDER BY s.last IS NULL, s.last DESC, s.n_docs DESC, s.id"


def _story_view(r: sqlite3.Row) -> StoryView:
    return StoryView(r["id"], r["label"], iso_date(r["first"]), iso_date(r["last"]), r["distinct_docs"], r["n_docs"],
                     sorted(json.loads(r["outlets"] or "[]")))


class Stories(Connection):
    def add_to_story(self, story_id: str, document_id: str, day: date | None, similarity: float) -> None:
        c, day_iso = self._conn, iso(day)
        c.execute("INSERT OR IGNORE INTO stories (id, label, first, last) VALUES (?, '', ?, ?)",
                  (story_id, day_iso, day_iso))
        if day_iso:
            c.execute(
                "UPDATE stories SET first = CASE WHEN first IS NULL OR first > ? THEN ? ELSE first END,"
                " last = CASE WHEN last IS NULL OR last < ? THEN ? ELSE last END WHERE id = ?",
                (day_iso, day_iso, day_iso, day_iso, story_id),
            )
        c.execute("INSERT OR REPLACE INTO story_documents (document_id, story_id, similarity) VALUES (?, ?, ?)",
                  (document_id, story_id, similarity))
        c.execute("UPDATE stories SET n_docs = n_docs + 1 WHERE id = ?", (story_id,))

    def story_of(self, document_id: str) -> str | None:
        r = self._conn.execute("SELECT story_id FROM story_documents WHERE document_id = ?", (document_id,)).fetchone()
        return r[0] if r else None

    def set_story_label(self, story_id: str, label: str) -> None:
        self._conn.execute("UPDATE stories SET label = ? WHERE id = ?", (label, story_id))

    def story_latest_text(self, story_id: str) -> str:
        r = self._conn.execute(
            "SELECT coalesce(d.title, '') || '\n' || d.text FROM story_documents s JOIN documents d"
            " ON d.id = s.document_id WHERE s.story_id = ? ORDER BY d.rowid DESC LIMIT 1", (story_id,),
        ).fetchone()
        return r[0] if r else ""

    def story_page(self, limit: int = 50, offset: int = 0, within: DocumentFilter | None = None) -> Page[StoryView]:
        inner = Where("sd.story_id = s.id")
        inner.within(within)
        where = Where()
        if within:
            where.add("EXISTS (SELECT 1 FROM story_documents sd JOIN documents d ON d.id = sd.document_id"
                      f"{inner.sql})", *inner.params)
        total = int(self._conn.execute(f"SELECT count(*) FROM stories s{where.sql}", where.params).fetchone()[0])
        return Page(self._records(_story_view, f"{_STORY}{where.sql}{_LATEST_FIRST} LIMIT ? OFFSET ?",
                                  (*where.params, limit, offset)), total, limit, offset)

    def story(self, ref: str) -> StoryView | None:
        row = self._by_ref(_STORY, "s.id", ref)
        return _story_view(row) if row else None

    def story_document_ids(self, story_id: str) -> list[str]:
        return self._records(
            lambda r: r[0],
            "SELECT s.document_id FROM story_documents s JOIN documents d ON d.id = s.document_id"
            " WHERE s.story_id = ? ORDER BY d.published IS NULL, d.published, d.rowid", (story_id,),
        )
