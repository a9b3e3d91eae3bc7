"""Full-text search with PostgreSQL's own text search: websearch_to_tsquery over the documents'
tsvector (English stemming, titles weighted first), ranked by ts_rank_cd, snippets by ts_headline.

As on SQLite, a snippet never costs more than a bounded passage: a short text is marked whole, a longer
one through its best passage (migration 0008), and the whole search has a time limit.
"""

from __future__ import annotations

import re

from storyledger.store.postgres.connection import PostgresConnection
from storyledger.store.read_models import DocumentFilter, Page, SearchHit
from storyledger.store.sqlite import search as shared
from storyledger.store.sqlite.documents import DOCUMENT_COLUMNS, document_view
from storyledger.store.sqlite.values import Where

_WORD = re.compile(r"\w")
_QUERY = "websearch_to_tsquery('english', %s)"
_MATCHES = f" FROM documents d WHERE d.search @@ {_QUERY}"


def _options(tokens: int) -> str:
    """ts_headline's options: the markers SQLite's snippet() uses, about ``tokens`` words around the
    best match (one fragment centres it; the default cover starts at it)."""
    return (f"StartSel={shared._OPEN}, StopSel={shared._CLOSE}, MaxWords={max(tokens, 2):d},"
            f" MinWords={max(tokens // 2, 1):d}, ShortWord=0, MaxFragments=1")


def _with_ellipses(marked: str, text: str) -> str:
    """An ellipsis where the snippet cuts words of ``text``, as snippet() shows it; the punctuation
    ts_headline leaves off either end of a text it shows whole is put back."""
    marked = marked.strip()
    plain = marked.replace(shared._OPEN, "").replace(shared._CLOSE, "")
    at = text.find(plain)
    if not plain or at < 0:
        return marked
    before, after = text[:at], text[at + len(plain):]
    head = shared._ELLIPSIS if _WORD.search(before) else before.lstrip()
    tail = shared._ELLIPSIS if _WORD.search(after) else after.rstrip()
    return head + marked + tail


class Search(PostgresConnection):
    def search(self, query: str, limit: int = 20, offset: int = 0, snippet_tokens: int = 24,
               within: DocumentFilter | None = None) -> Page[SearchHit]:
        if not query.split():
            return Page([], 0, limit, offset)
        where = Where()
        where.within(within)
        extra = self._conn.translate("".join(f" AND {c}" for c in where.conditions))  # type: ignore[attr-defined]
        options = _options(snippet_tokens)
        with self.time_limit(shared.SEARCH_SECONDS, f"the search for {query[:80]!r}"):
            total = int(self._pg.execute(f"SELECT count(*){_MATCHES}{extra}",  # type: ignore[index]
                                         (query, *where.params)).fetchone()[0])
            rows = self._pg.execute(
                f"SELECT {DOCUMENT_COLUMNS}, CASE WHEN length(d.text) <= {shared._SHORT}"
                f" THEN ts_headline('english', d.text, {_QUERY}, %s) END AS snip, CASE WHEN length(d.text)"
                f" <= {shared._SHORT} THEN d.text END AS short{_MATCHES}{extra}"
                f" ORDER BY ts_rank_cd(d.search, {_QUERY}, 1) DESC, d.rowid LIMIT %s OFFSET %s",
                (query, options, query, *where.params, query, limit, offset)).fetchall()
            hits = [SearchHit(document_view(r), _with_ellipses(r["snip"], r["short"]) if r["snip"] is not None
                              else self._snippet(r["id"], query, options, snippet_tokens)) for r in rows]
        return Page(hits, total, limit, offset)

    def _snippet(self, document_id: str, query: str, options: str, tokens: int) -> str:
        """The query's matches marked in the document's best passage (2,000 characters at most): the
        one where they are densest, as bm25 ranks SQLite's passages; documents rank by cover density
        over the log of their length."""
        best = self._pg.execute(
            f"SELECT n FROM document_passages WHERE document_id = %s AND search @@ {_QUERY}"
            f" ORDER BY ts_rank_cd(search, {_QUERY}, 2) DESC, n LIMIT 1", (document_id, query, query)).fetchone()
        n = int(best[0]) if best else 0
        passage, marked, length = self._pg.execute(
            f"SELECT p, ts_headline('english', p, {_QUERY}, %s), l FROM (SELECT substr(text, %s, %s) AS p,"
            " length(text) AS l FROM documents WHERE id = %s) s",
            (query, options, n * shared._STEP + 1, shared._WIDTH, document_id)).fetchone()  # type: ignore[misc]
        text = _with_ellipses(marked, passage) if shared._OPEN in marked else shared._first_words(passage, tokens)
        if n > 0 and not text.startswith(shared._ELLIPSIS):
            text = shared._ELLIPSIS + text
        if n * shared._STEP + shared._WIDTH < length and not text.endswith(shared._ELLIPSIS):
            text += shared._ELLIPSIS
        return text
