"""The SQLite ledger: a single file any SQLite tool (or Datasette) can open."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path

from storyledger.records import AnnotatedArticle
from storyledger.store.browse_queries import BrowseQueries
from storyledger.store.rows import ClaimRow, DocumentRow, EntityRow, QuoteRow, SearchHit
from storyledger.store.story_queries import StoryQueries

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every bundled migration, in order."""
    found = []
    for item in resources.files("storyledger.store.migrations").iterdir():
        m = _MIGRATION_NAME.match(item.name)
        if m:
            found.append((int(m.group(1)), item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class SQLiteLedger(StoryQueries, BrowseQueries):
    """All reads and writes of the ledger. Writes happen in transactions: an interrupted
    ingest leaves no half-stored document."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA busy_timeout = 5000")
        self.migrate()

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteLedger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        current = self.schema_version
        for version, _name, sql in migrations():
            if version <= current:
                continue
            with self.transaction():
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {version:d}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writes ------------------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is not None

    def add_source(self, document_id: str, source: str, url: str | None, raw_sha256: str) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT OR IGNORE INTO document_sources (document_id, source, url, raw_sha256) VALUES (?, ?, ?, ?)",
                (document_id, source, url, raw_sha256),
            )

    def add(self, annotated: AnnotatedArticle) -> bool:
        """Store a document and its annotations; False (and no change) if it is already stored."""
        art = annotated.article
        doc_id = art.id
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                c.execute(
                    "INSERT OR IGNORE INTO document_sources (document_id, source, url, raw_sha256) VALUES (?, ?, ?, ?)",
                    (doc_id, art.source, art.url, art.raw_sha256),
                )
                return False
            c.execute(
                "INSERT INTO documents (id, url, outlet, title, authors, published, published_source, language,"
                " text, format, source, raw_sha256, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc_id, art.url, art.outlet, art.title, json.dumps(art.authors),
                    art.published.isoformat() if art.published else None, art.published_source.value,
                    art.language, art.text, art.format, art.source, art.raw_sha256,
                    datetime.now(timezone.utc).isoformat(timespec="seconds"),
                ),
            )
            c.execute(
                "INSERT INTO document_sources (document_id, source, url, raw_sha256) VALUES (?, ?, ?, ?)",
                (doc_id, art.source, art.url, art.raw_sha256),
            )
            c.executemany(
                "INSERT INTO doc_entities (document_id, local_id, name, type, aliases, roles) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (doc_id, e.id, e.name, e.type.value, json.dumps(e.aliases),
                     json.dumps([{"text": r.text, "start": r.start, "end": r.end} for r in e.roles]))
                    for e in annotated.entities
                ],
            )
            c.executemany(
                "INSERT OR IGNORE INTO mentions (document_id, local_id, start, end, text) VALUES (?, ?, ?, ?, ?)",
                [(doc_id, m.entity_id, m.start, m.end, m.text) for m in annotated.mentions],
            )
            c.executemany(
                "INSERT INTO quotes (document_id, local_id, kind, speaker_text, speaker_start, speaker_end,"
                " speaker_local_id, cue_text, cue_start, cue_end, content, content_text, start, end)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        doc_id, q.id, q.kind.value,
                        q.speaker.text if q.speaker else None, q.speaker.start if q.speaker else None,
                        q.speaker.end if q.speaker else None, q.speaker.entity_id if q.speaker else None,
                        q.cue.text if q.cue else None, q.cue.start if q.cue else None, q.cue.end if q.cue else None,
                        json.dumps([[s.start, s.end] for s in q.content]),
                        " … ".join(art.text[s.start:s.end] for s in q.content),
                        q.start, q.end,
                    )
                    for q in annotated.quotes
                ],
            )
            c.executemany(
                "INSERT INTO claims (document_id, local_id, actor_text, actor_start, actor_end, actor_local_ids,"
                " action, category, stance, polarity, target, target_local_id, condition_text, condition_start,"
                " condition_end, when_text, when_start, when_end, when_date, when_date_end, reported_by,"
                " quote_local_id, evidence_start, evidence_end, evidence_text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        doc_id, cl.id, cl.actor.text, cl.actor.start, cl.actor.end, json.dumps(cl.actor.entity_ids),
                        cl.action, cl.category, cl.stance.value, cl.polarity.value, cl.target, cl.target_entity_id,
                        cl.condition.text if cl.condition else None,
                        cl.condition.start if cl.condition else None, cl.condition.end if cl.condition else None,
                        cl.when.text if cl.when else None, cl.when.start if cl.when else None,
                        cl.when.end if cl.when else None,
                        cl.when.date.isoformat() if cl.when and cl.when.date else None,
                        cl.when.end_date.isoformat() if cl.when and cl.when.end_date else None,
                        cl.reported_by, cl.quote_id, cl.evidence.start, cl.evidence.end,
                        art.text[cl.evidence.start:cl.evidence.end],
                    )
                    for cl in annotated.claims
                ],
            )
            c.executemany(
                "INSERT OR IGNORE INTO times (document_id, start, end, text, date, date_end) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (doc_id, t.start, t.end, t.text, t.date.isoformat() if t.date else None,
                     t.end_date.isoformat() if t.end_date else None)
                    for t in annotated.times
                ],
            )
        return True

    def link_entity(self, document_id: str, local_id: str, entity_id: str, name: str, type: str,
                    aliases: list[str], roles: list[str]) -> None:
        """Point a document's entity at a ledger-wide one, creating or enriching that entity."""
        with self.transaction() as c:
            row = c.execute("SELECT aliases, roles FROM entities WHERE id = ?", (entity_id,)).fetchone()
            if row is None:
                c.execute(
                    "INSERT INTO entities (id, name, type, aliases, roles) VALUES (?, ?, ?, ?, ?)",
                    (entity_id, name, type, json.dumps(sorted(set(aliases))), json.dumps(sorted(set(roles)))),
                )
            else:
                merged_aliases = sorted(set(json.loads(row["aliases"])) | set(aliases))
                merged_roles = sorted(set(json.loads(row["roles"])) | set(roles))
                c.execute(
                    "UPDATE entities SET aliases = ?, roles = ? WHERE id = ?",
                    (json.dumps(merged_aliases), json.dumps(merged_roles), entity_id),
                )
            c.execute(
                "UPDATE doc_entities SET entity_id = ? WHERE document_id = ? AND local_id = ?",
                (entity_id, document_id, local_id),
            )

    # -- reads -------------------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in {"documents", "entities", "doc_entities", "mentions", "quotes", "claims", "times"}:
            raise ValueError(f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def document(self, document_id: str) -> DocumentRow | None:
        """Look up by full id or a unique prefix of it (as git does)."""
        rows = self.conn.execute(
            "SELECT * FROM documents WHERE id = ? OR id LIKE ? || '%' LIMIT 2", (document_id, document_id)
        ).fetchall()
        if len(rows) != 1:
            exact = [r for r in rows if r["id"] == document_id]
            if not exact:
                return None
            rows = exact
        row = rows[0]
        doc = self._document_row(row, with_text=True)
        doc.sources = [
            r["source"] for r in self.conn.execute(
                "SELECT source FROM document_sources WHERE document_id = ? ORDER BY source", (row["id"],)
            )
        ]
        return doc

    def documents(self, limit: int = 100, offset: int = 0) -> list[DocumentRow]:
        rows = self.conn.execute(
            "SELECT * FROM documents ORDER BY published IS NULL, published, id LIMIT ? OFFSET ?", (limit, offset)
        ).fetchall()
        return [self._document_row(r, with_text=False) for r in rows]

    @staticmethod
    def _document_row(row: sqlite3.Row, with_text: bool) -> DocumentRow:
        return DocumentRow(
            id=row["id"], title=row["title"], outlet=row["outlet"], url=row["url"],
            authors=json.loads(row["authors"]), published=_date(row["published"]),
            published_source=row["published_source"], language=row["language"], format=row["format"],
            source=row["source"], ingested_at=row["ingested_at"], text=row["text"] if with_text else "",
        )

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search; the query is FTS5 syntax, falling back to plain words if it won't parse."""
        sql = (
            "SELECT d.id, d.title, d.outlet, d.published,"
            " snippet(documents_fts, 1, '[', ']', '…', 16) AS snip"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            rows = self.conn.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            words = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            if not words:
                return []
            rows = self.conn.execute(sql, (words, limit)).fetchall()
        return [SearchHit(r["id"], r["title"], r["outlet"], _date(r["published"]), r["snip"]) for r in rows]

    def entities(self, name: str | None = None, type: str | None = None, limit: int = 200) -> list[EntityRow]:
        """Ledger-wide entities with mention and document counts, most mentioned first."""
        where, params = ["1 = 1"], []
        if name:
            where.append("(e.name LIKE ? OR e.aliases LIKE ?)")
            params += [f"%{name}%", f"%{name}%"]
        if type:
            where.append("e.type = ?")
            params.append(type)
        rows = self.conn.execute(
            "SELECT e.*, count(m.start) AS n_mentions, count(DISTINCT de.document_id) AS n_docs"
            " FROM entities e JOIN doc_entities de ON de.entity_id = e.id"
            " LEFT JOIN mentions m ON m.document_id = de.document_id AND m.local_id = de.local_id"
            f" WHERE {' AND '.join(where)} GROUP BY e.id ORDER BY n_mentions DESC, e.name LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [
            EntityRow(
                r["id"], r["name"], r["type"], json.loads(r["aliases"]),
                [role["text"] if isinstance(role, dict) else role for role in json.loads(r["roles"])],
                r["n_mentions"], r["n_docs"],
            )
            for r in rows
        ]

    def quotes(self, speaker: str | None = None, document_id: str | None = None, limit: int = 500) -> list[QuoteRow]:
        """Quotes in date order; the same filters as the web app's quote pages."""
        return self.quote_page(limit=limit, speaker=speaker,
                               document_ids=[document_id] if document_id else None).items

    def claims(
        self,
        actor: str | None = None,
        stance: str | None = None,
        category: str | None = None,
        document_id: str | None = None,
        limit: int = 500,
    ) -> list[ClaimRow]:
        """Claims in timeline order; the same filters as the web app's claim pages."""
        return self.claim_page(limit=limit, actor=actor, stance=stance, category=category,
                               document_ids=[document_id] if document_id else None).items

    def unlinked_doc_entities(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT document_id, local_id, name, type, aliases, roles FROM doc_entities WHERE entity_id IS NULL"
        ).fetchall()


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (which hold ';') whole."""
    statements, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") and not buf:
            continue
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            buf = []
    if "\n".join(buf).strip():
        statements.append("\n".join(buf).strip())
    return statements


def open_ledger(path: Path | str) -> SQLiteLedger:
    return SQLiteLedger(path)
