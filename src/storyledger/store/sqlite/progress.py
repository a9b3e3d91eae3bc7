"""What the link stage has done so far: which documents it linked, in which order, and running counts."""

from __future__ import annotations

import sqlite3

from storyledger.link.records import LinkDoc
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.values import iso_date

# Everything the link stage derives; the user's overrides are not in it.
_LINK_TABLES = ("link_state", "link_counts", "lsh_buckets", "doc_minhash", "duplicates", "term_df", "story_terms",
                "story_documents", "stories", "entity_keys", "entity_context", "positions", "matter_terms", "matters",
                "claim_df", "resolution_keys", "resolution_records")


def read_count(conn: sqlite3.Connection, name: str) -> int:
    r = conn.execute("SELECT n FROM link_counts WHERE name = ?", (name,)).fetchone()
    return int(r[0]) if r else 0


def bump_count(conn: sqlite3.Connection, name: str) -> None:
    """Running counts, so no step counts a growing table."""
    conn.execute("INSERT INTO link_counts (name, n) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1", (name,))


class LinkProgress(Connection):
    def unlinked_documents(self) -> list[str]:
        rows = self._conn.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM link_state) ORDER BY rowid"
        ).fetchall()
        return [r[0] for r in rows]

    def mark_linked(self, document_id: str) -> None:
        if self._conn.execute("SELECT 1 FROM link_state WHERE document_id = ?", (document_id,)).fetchone():
            return
        bump_count(self._conn, "documents")
        self._conn.execute("INSERT INTO link_state (document_id, seq) VALUES (?, ?)",
                           (document_id, read_count(self._conn, "documents")))

    def n_linked(self) -> int:
        return read_count(self._conn, "documents")

    def link_doc(self, document_id: str) -> LinkDoc:
        r = self._conn.execute("SELECT id, text, title, outlet, published FROM documents WHERE id = ?",
                               (document_id,)).fetchone()
        return LinkDoc(r["id"], r["text"], r["title"], r["outlet"], iso_date(r["published"]))

    def clear_links(self) -> None:
        for table in _LINK_TABLES:
            self._conn.execute(f"DELETE FROM {table}")
        self._conn.execute("UPDATE doc_entities SET entity_id = NULL")
        self._conn.execute("DELETE FROM entities")
