"""Full-text search over titles and text (FTS5, porter stemming), with snippets whose cost no document
can inflate and a time limit on the whole search."""

from __future__ import annotations

import sqlite3

from storyledger.store.read_models import DocumentFilter, Page, SearchHit
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.documents import DOCUMENT_COLUMNS, document_view
from storyledger.store.sqlite.values import Where

_MATCHES = " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?"
# Passages as migration 0008 cuts them.
_PER_DOC, _STEP, _WIDTH = 16384, 1500, 2000
# A text this short is marked by FTS5's snippet() on the document itself: at most a few hundred words
# can match, a few milliseconds even if every one does; longer texts go through their best passage.
_SHORT = 3000
_OPEN, _CLOSE, _ELLIPSIS = "\ue000", "\ue001", "…"
# A search stops here (web requests and the CLI alike): no ledger needs longer to answer one.
SEARCH_SECONDS = 2.0


class Search(Connection):
    def search(self, query: str, limit: int = 20, offset: int = 0, snippet_tokens: int = 24,
               within: DocumentFilter | None = None) -> Page[SearchHit]:
        where = Where()
        where.within(within)
        extra = "".join(f" AND {c}" for c in where.conditions)
        words = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
        if not words:
            return Page([], 0, limit, offset)
        with self.time_limit(SEARCH_SECONDS, f"the search for {query[:80]!r}"):
            for q in (query, words):
                try:
                    total = int(self._conn.execute(f"SELECT count(*){_MATCHES}{extra}",
                                                   (q, *where.params)).fetchone()[0])
                    rows = self._conn.execute(
                        f"SELECT {DOCUMENT_COLUMNS}, d.rowid AS rid, CASE WHEN length(d.text) <= {_SHORT}"
                        f" THEN snippet(documents_fts, 1, ?, ?, ?, ?) END AS snip{_MATCHES}{extra}"
                        " ORDER BY rank LIMIT ? OFFSET ?",
                        (_OPEN, _CLOSE, _ELLIPSIS, snippet_tokens, q, *where.params, limit, offset)).fetchall()
                except sqlite3.OperationalError as exc:
                    if self.interrupted(exc):
                        raise
                    continue
                hits = [SearchHit(document_view(r), r["snip"] if r["snip"] is not None
                                  else self._snippet(r["rid"], q, snippet_tokens)) for r in rows]
                return Page(hits, total, limit, offset)
        return Page([], 0, limit, offset)

    def _snippet(self, rowid: int, query: str, tokens: int) -> str:
        """The query's matches marked in the document's best passage: FTS5's snippet() run over at most
        2,000 characters, in a scratch in-memory index, so its cost is bounded whatever the document."""
        n = 0
        try:
            best = self._conn.execute(
                "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ?"
                " ORDER BY rank LIMIT 1", (query, rowid * _PER_DOC, rowid * _PER_DOC + _PER_DOC - 1)).fetchone()
            n = best[0] - rowid * _PER_DOC if best else 0
        except sqlite3.OperationalError as exc:  # a query naming the title column, which passages lack
            if self.interrupted(exc):
                raise
        passage, length = self._conn.execute("SELECT substr(text, ?, ?), length(text) FROM documents WHERE rowid = ?",
                                             (n * _STEP + 1, _WIDTH, rowid)).fetchone()
        scratch = self._scratch()
        row = scratch.execute("INSERT INTO p (text) VALUES (?)", (passage,)).lastrowid
        try:
            found = scratch.execute("SELECT snippet(p, 0, ?, ?, ?, ?) FROM p WHERE p MATCH ? AND rowid = ?",
                                    (_OPEN, _CLOSE, _ELLIPSIS, tokens, query, row)).fetchone()
        except sqlite3.OperationalError:
            found = None
        finally:
            scratch.execute("DELETE FROM p WHERE rowid = ?", (row,))
        text = found[0] if found else _first_words(passage, tokens)
        if n > 0 and not text.startswith(_ELLIPSIS):
            text = _ELLIPSIS + text
        if n * _STEP + _WIDTH < length and not text.endswith(_ELLIPSIS):
            text += _ELLIPSIS
        return text

    def _scratch(self) -> sqlite3.Connection:
        scratch = getattr(self, "_scratch_db", None)
        if scratch is None:
            scratch = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            scratch.execute("CREATE VIRTUAL TABLE p USING fts5 (text, tokenize='porter unicode61')")
            self._scratch_db = scratch
        return scratch


def _first_words(text: str, tokens: int) -> str:
    words = text.split()
    return " ".join(words[:tokens]) + (_ELLIPSIS if len(words) > tokens else "")
