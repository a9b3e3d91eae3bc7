"""Versions of an article (the same URL fetched again with another text) and the digest of what
changed in the ledger since a time: new articles and versions, new and changed positions, new quotes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from storyledger.link.records import Mark
from storyledger.store.read_models import ArticleChange, ArticleVersion, Changes, Revision
from storyledger.store.sqlite.documents import DOCUMENT_COLUMNS, document_view
from storyledger.store.sqlite.statements import Statements
from storyledger.store.sqlite.timeline import Timeline
from storyledger.store.sqlite.values import Where


class Versions(Statements, Timeline):
    def record_version(self, document_id: str, url: str, fetched_at: datetime | None) -> int:
        with self.transaction():
            row = self._conn.execute("SELECT version FROM article_versions WHERE document_id = ?",
                                     (document_id,)).fetchone()
            if row is not None:
                return int(row[0])
            version = int(self._conn.execute("SELECT coalesce(max(version), 0) + 1 FROM article_versions"
                                             " WHERE url = ?", (url,)).fetchone()[0])
            self._conn.execute(
                "INSERT INTO article_versions (document_id, url, version, fetched_at) VALUES (?, ?, ?, ?)",
                (document_id, url, version, fetched_at.astimezone(timezone.utc).isoformat() if fetched_at else None))
        return version

    def versions(self, document_id: str) -> list[ArticleVersion]:
        return self._records(
            lambda r: ArticleVersion(r["document_id"], r["version"], r["url"], r["fetched_at"], r["ingested_at"],
                                     r["title"]),
            "SELECT v.*, d.ingested_at, d.title FROM article_versions v JOIN documents d ON d.id = v.document_id"
            " WHERE v.url = (SELECT url FROM article_versions WHERE document_id = ?) ORDER BY v.version",
            (document_id,),
        )

    def changes(self, since: datetime, document_ids: Sequence[str] | None = None,
                entity_id: str | None = None, limit: int = 200) -> Changes:
        where = Where("d.ingested_at >= ?")
        where.params.append(since.astimezone(timezone.utc).isoformat(timespec="seconds"))
        where.scope("d.id", document_ids)
        if entity_id:
            where.add("d.id IN (SELECT document_id FROM doc_entities WHERE entity_id = ?)", entity_id)
        rows = self._conn.execute(
            f"SELECT {DOCUMENT_COLUMNS}, v.version, p.document_id AS previous_id FROM documents d"
            " LEFT JOIN article_versions v ON v.document_id = d.id"
            " LEFT JOIN article_versions p ON p.url = v.url AND p.version = v.version - 1"
            f"{where.sql} ORDER BY d.ingested_at, d.id LIMIT ?", (*where.params, limit)).fetchall()
        articles = [ArticleChange(document_view(r), r["version"] or 1, r["previous_id"]) for r in rows]
        ids = [a.document.id for a in articles]
        positions = [line for line in self.timeline_lines(document_ids=ids, limit=limit)
                     if (line.mark is not Mark.REPEATED or line.revision is Revision.CORRECTION)
                     and (entity_id is None or line.actor_id == entity_id)]
        previous = {a.document.id: a.previous_id for a in articles if a.previous_id}
        quotes = [q for q in self.quote_page(limit=limit, entity_id=entity_id, document_ids=ids).items
                  if not (q.document_id in previous and self._in_text(previous[q.document_id], q.text))]
        return Changes(since, articles, positions, quotes)

    def _in_text(self, document_id: str, text: str) -> bool:
        """Whether ``text`` (a quote's words, parts joined by ' … ') is all in the document's text."""
        parts = [p for p in text.split(" … ") if p]
        row = self._conn.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row is not None and all(p in row[0] for p in parts)
