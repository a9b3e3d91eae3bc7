"""Paged reads for the web app, the JSON API and exports.

Every list read takes ``limit``/``offset`` and returns a ``Page`` with the total, so no view ever
loads a whole large ledger. All SQL is parameterised; the only names put into SQL text come from
fixed allow-lists in this module.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from storyledger.store.rows import ClaimRow, DocumentRow, EntityRow, QuoteRow

T = TypeVar("T")

EXPORT_TABLES: tuple[str, ...] = (
    "documents", "document_sources", "entities", "doc_entities", "mentions", "quotes", "claims", "times",
)


@dataclass(slots=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def prev_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


@dataclass(slots=True)
class MentionSpan:
    """A mention with its ledger-wide entity, for highlighting an article."""

    start: int
    end: int
    text: str
    entity_id: str | None
    entity_name: str
    entity_type: str


@dataclass(slots=True)
class PositionMark:
    """How a claim stands against the actor's earlier position on the same matter (link stage)."""

    actor: str
    matter: str
    mark: str  # "new" | "repeated" | "changed"


@dataclass(slots=True)
class TimelineEntry:
    """One line of a timeline: a claim or a quote, with the date it sorts by."""

    kind: str  # "claim" | "quote"
    date: date | None
    claim: ClaimRow | None = None
    quote: QuoteRow | None = None
    marks: list[PositionMark] = field(default_factory=list)  # claims: change marks from the link stage

    @property
    def document_id(self) -> str:
        return self.claim.document_id if self.claim else self.quote.document_id  # type: ignore[union-attr]

    @property
    def local_id(self) -> str:
        return self.claim.id if self.claim else self.quote.id  # type: ignore[union-attr]


@dataclass(slots=True)
class Position:
    """An actor's latest stance on a matter (a claim category), with the claim that shows it."""

    entity_id: str
    actor: str
    matter: str
    stance: str
    polarity: str
    date: date | None
    document_id: str
    claim_id: str
    evidence: str


@dataclass(slots=True)
class ChartPoint:
    entity_id: str
    actor: str
    date: date
    stance: str
    document_id: str
    claim_id: str
    action: str


@dataclass(slots=True)
class ActorCount:
    entity_id: str
    name: str
    claims: int


@dataclass(slots=True)
class OutletCount:
    outlet: str
    documents: int


@dataclass(slots=True)
class Scope:
    """Which documents a read covers: all of them (None) or a story's."""

    document_ids: list[str] | None = None
    filters: dict[str, str] = field(default_factory=dict)


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (with ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_CLAIM_SELECT = (
    "SELECT c.*, d.published, d.outlet,"
    " (SELECT json_group_array(json_array(e.id, e.name)) FROM json_each(c.actor_local_ids) j"
    "   JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
    "   JOIN entities e ON e.id = de.entity_id) AS actor_entities"
    " FROM claims c JOIN documents d ON d.id = c.document_id"
)
_CLAIM_ORDER = (
    " ORDER BY coalesce(c.when_date, d.published) IS NULL, coalesce(c.when_date, d.published),"
    " c.document_id, c.evidence_start"
)
_QUOTE_SELECT = (
    "SELECT q.*, de.entity_id, e.name AS entity_name, d.published, d.outlet FROM quotes q"
    " JOIN documents d ON d.id = q.document_id"
    " LEFT JOIN doc_entities de ON de.document_id = q.document_id AND de.local_id = q.speaker_local_id"
    " LEFT JOIN entities e ON e.id = de.entity_id"
)
_QUOTE_ORDER = " ORDER BY d.published IS NULL, d.published, q.document_id, q.start"
# Claims whose actor includes a given ledger entity.
_CLAIM_BY_ENTITY = (
    "EXISTS (SELECT 1 FROM json_each(c.actor_local_ids) j JOIN doc_entities de"
    " ON de.document_id = c.document_id AND de.local_id = j.value WHERE de.entity_id = ?)"
)
_IN_SCOPE = "{col} IN (SELECT value FROM json_each(?))"


def _claim_row(r: sqlite3.Row) -> ClaimRow:
    pairs = json.loads(r["actor_entities"] or "[]")
    return ClaimRow(
        r["document_id"], r["local_id"], r["actor_text"], [p[0] for p in pairs], [p[1] for p in pairs],
        r["action"], r["category"], r["stance"], r["polarity"], r["target"], r["condition_text"],
        r["when_text"], _d(r["when_date"]), r["reported_by"], r["evidence_start"], r["evidence_end"],
        r["evidence_text"], _d(r["published"]), r["outlet"],
    )


def _quote_row(r: sqlite3.Row) -> QuoteRow:
    return QuoteRow(
        r["document_id"], r["local_id"], r["kind"], r["speaker_text"], r["entity_id"], r["entity_name"],
        r["cue_text"], r["content_text"], r["start"], r["end"],
        [tuple(x) for x in json.loads(r["content"])], _d(r["published"]), r["outlet"],
    )


def _document_row(r: sqlite3.Row) -> DocumentRow:
    return DocumentRow(
        id=r["id"], title=r["title"], outlet=r["outlet"], url=r["url"], authors=json.loads(r["authors"]),
        published=_d(r["published"]), published_source=r["published_source"], language=r["language"],
        format=r["format"], source=r["source"], ingested_at=r["ingested_at"],
    )


class BrowseQueries:
    """Mixed into SQLiteLedger; ``self.conn`` is its connection."""

    conn: sqlite3.Connection

    # -- helpers ------------------------------------------------------------------------------

    def _page(self, select: str, where: list[str], params: list[object], order: str, limit: int, offset: int,
              count_from: str) -> tuple[list[sqlite3.Row], int]:
        clause = " WHERE " + " AND ".join(where) if where else ""
        total = int(self.conn.execute(f"SELECT count(*) {count_from}{clause}", params).fetchone()[0])
        rows = self.conn.execute(f"{select}{clause}{order} LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
        return rows, total

    @staticmethod
    def _scope(where: list[str], params: list[object], col: str, document_ids: Sequence[str] | None) -> None:
        if document_ids is not None:
            where.append(_IN_SCOPE.format(col=col))
            params.append(json.dumps(list(document_ids)))

    # -- documents ----------------------------------------------------------------------------

    def document_page(self, limit: int = 50, offset: int = 0, outlet: str | None = None,
                      document_ids: Sequence[str] | None = None) -> Page[DocumentRow]:
        where: list[str] = []
        params: list[object] = []
        if outlet:
            where.append("outlet = ?")
            params.append(outlet)
        self._scope(where, params, "id", document_ids)
        cols = "id, url, outlet, title, authors, published, published_source, language, format, source, ingested_at"
        rows, total = self._page(f"SELECT {cols} FROM documents", where, params,
                                 " ORDER BY published IS NULL, published DESC, id", limit, offset, "FROM documents")
        return Page([_document_row(r) for r in rows], total, limit, offset)

    def document_mentions(self, document_id: str) -> list[MentionSpan]:
        rows = self.conn.execute(
            "SELECT m.start, m.end, m.text, de.entity_id, coalesce(e.name, de.name) AS name, de.type"
            " FROM mentions m JOIN doc_entities de ON de.document_id = m.document_id AND de.local_id = m.local_id"
            " LEFT JOIN entities e ON e.id = de.entity_id WHERE m.document_id = ? ORDER BY m.start",
            (document_id,),
        ).fetchall()
        return [MentionSpan(r["start"], r["end"], r["text"], r["entity_id"], r["name"], r["type"]) for r in rows]

    def document_claims(self, document_id: str) -> list[ClaimRow]:
        rows = self.conn.execute(f"{_CLAIM_SELECT} WHERE c.document_id = ? ORDER BY c.evidence_start",
                                 (document_id,)).fetchall()
        return [_claim_row(r) for r in rows]

    def document_quotes(self, document_id: str) -> list[QuoteRow]:
        rows = self.conn.execute(f"{_QUOTE_SELECT} WHERE q.document_id = ? ORDER BY q.start",
                                 (document_id,)).fetchall()
        return [_quote_row(r) for r in rows]

    def outlets(self, document_ids: Sequence[str] | None = None) -> list[OutletCount]:
        where: list[str] = ["outlet IS NOT NULL"]
        params: list[object] = []
        self._scope(where, params, "id", document_ids)
        rows = self.conn.execute(
            f"SELECT outlet, count(*) AS n FROM documents WHERE {' AND '.join(where)}"
            " GROUP BY outlet ORDER BY n DESC, outlet", params,
        ).fetchall()
        return [OutletCount(r["outlet"], r["n"]) for r in rows]

    def date_range(self, document_ids: Sequence[str] | None = None) -> tuple[date | None, date | None, int]:
        where: list[str] = []
        params: list[object] = []
        self._scope(where, params, "id", document_ids)
        clause = " WHERE " + " AND ".join(where) if where else ""
        r = self.conn.execute(f"SELECT min(published), max(published), count(*) FROM documents{clause}",
                              params).fetchone()
        return _d(r[0]), _d(r[1]), int(r[2])

    # -- entities -----------------------------------------------------------------------------

    def entity_page(self, limit: int = 50, offset: int = 0, name: str | None = None,
                    type: str | None = None) -> Page[EntityRow]:
        where: list[str] = []
        params: list[object] = []
        if name:
            where.append("(e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\')")
            params += [_like(name), _like(name)]
        if type:
            where.append("e.type = ?")
            params.append(type)
        clause = " WHERE " + " AND ".join(where) if where else ""
        total = int(self.conn.execute(f"SELECT count(*) FROM entities e{clause}", params).fetchone()[0])
        rows = self.conn.execute(
            "SELECT e.*, (SELECT count(*) FROM doc_entities de JOIN mentions m ON m.document_id = de.document_id"
            "   AND m.local_id = de.local_id WHERE de.entity_id = e.id) AS n_mentions,"
            " (SELECT count(DISTINCT de.document_id) FROM doc_entities de WHERE de.entity_id = e.id) AS n_docs"
            f" FROM entities e{clause} ORDER BY n_mentions DESC, e.name LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return Page([self._entity_row(r) for r in rows], total, limit, offset)

    def entity_row(self, entity_id: str) -> EntityRow | None:
        r = self.conn.execute(
            "SELECT e.*, (SELECT count(*) FROM doc_entities de JOIN mentions m ON m.document_id = de.document_id"
            "   AND m.local_id = de.local_id WHERE de.entity_id = e.id) AS n_mentions,"
            " (SELECT count(DISTINCT de.document_id) FROM doc_entities de WHERE de.entity_id = e.id) AS n_docs"
            " FROM entities e WHERE e.id = ?", (entity_id,),
        ).fetchone()
        return self._entity_row(r) if r else None

    @staticmethod
    def _entity_row(r: sqlite3.Row) -> EntityRow:
        roles = [role["text"] if isinstance(role, dict) else role for role in json.loads(r["roles"])]
        return EntityRow(r["id"], r["name"], r["type"], json.loads(r["aliases"]), roles, r["n_mentions"], r["n_docs"])

    def entity_outlets(self, entity_id: str) -> list[OutletCount]:
        rows = self.conn.execute(
            "SELECT coalesce(d.outlet, '(outlet unknown)') AS outlet, count(DISTINCT d.id) AS n"
            " FROM doc_entities de JOIN documents d ON d.id = de.document_id WHERE de.entity_id = ?"
            " GROUP BY 1 ORDER BY n DESC, 1", (entity_id,),
        ).fetchall()
        return [OutletCount(r["outlet"], r["n"]) for r in rows]

    def actors(self, document_ids: Sequence[str] | None = None, limit: int = 50) -> list[ActorCount]:
        """Entities that act in claims, most claims first: the choices of the actor filter."""
        where = ["de.entity_id IS NOT NULL"]
        params: list[object] = []
        self._scope(where, params, "c.document_id", document_ids)
        rows = self.conn.execute(
            "SELECT e.id, e.name, count(*) AS n FROM claims c, json_each(c.actor_local_ids) j"
            " JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
            f" JOIN entities e ON e.id = de.entity_id WHERE {' AND '.join(where)}"
            " GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?", (*params, limit),
        ).fetchall()
        return [ActorCount(r["id"], r["name"], r["n"]) for r in rows]

    def categories(self, document_ids: Sequence[str] | None = None) -> list[str]:
        where: list[str] = []
        params: list[object] = []
        self._scope(where, params, "document_id", document_ids)
        clause = " WHERE " + " AND ".join(where) if where else ""
        return [r[0] for r in self.conn.execute(f"SELECT DISTINCT category FROM claims{clause} ORDER BY 1", params)]

    # -- claims and quotes --------------------------------------------------------------------

    def _claim_filters(self, entity_id: str | None, actor: str | None, stance: str | None, category: str | None,
                       document_ids: Sequence[str] | None, text: str | None) -> tuple[list[str], list[object]]:
        where: list[str] = []
        params: list[object] = []
        if entity_id:
            where.append(_CLAIM_BY_ENTITY)
            params.append(entity_id)
        if actor:
            where.append(
                "(c.actor_text LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each(c.actor_local_ids) j"
                " JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
                " LEFT JOIN entities e ON e.id = de.entity_id"
                " WHERE de.name LIKE ? ESCAPE '\\' OR de.aliases LIKE ? ESCAPE '\\'"
                " OR e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\'))"
            )
            params += [_like(actor)] * 5
        if stance:
            where.append("c.stance = ?")
            params.append(stance)
        if category:
            where.append("c.category = ?")
            params.append(category.upper())
        if text:
            where.append("(c.evidence_text LIKE ? ESCAPE '\\' OR c.action LIKE ? ESCAPE '\\')")
            params += [_like(text), _like(text)]
        self._scope(where, params, "c.document_id", document_ids)
        return where, params

    def claim_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None, actor: str | None = None,
                   stance: str | None = None, category: str | None = None,
                   document_ids: Sequence[str] | None = None, text: str | None = None) -> Page[ClaimRow]:
        where, params = self._claim_filters(entity_id, actor, stance, category, document_ids, text)
        rows, total = self._page(_CLAIM_SELECT, where, params, _CLAIM_ORDER, limit, offset,
                                 "FROM claims c JOIN documents d ON d.id = c.document_id")
        return Page([_claim_row(r) for r in rows], total, limit, offset)

    def _quote_filters(self, entity_id: str | None, speaker: str | None, document_ids: Sequence[str] | None,
                       text: str | None, kind: str | None) -> tuple[list[str], list[object]]:
        where: list[str] = []
        params: list[object] = []
        if entity_id:
            where.append("de.entity_id = ?")
            params.append(entity_id)
        if speaker:
            where.append("(q.speaker_text LIKE ? ESCAPE '\\' OR de.name LIKE ? ESCAPE '\\'"
                         " OR de.aliases LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\'"
                         " OR e.aliases LIKE ? ESCAPE '\\')")
            params += [_like(speaker)] * 5
        if text:
            where.append("q.content_text LIKE ? ESCAPE '\\'")
            params.append(_like(text))
        if kind:
            where.append("q.kind = ?")
            params.append(kind)
        self._scope(where, params, "q.document_id", document_ids)
        return where, params

    def quote_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None, speaker: str | None = None,
                   document_ids: Sequence[str] | None = None, text: str | None = None,
                   kind: str | None = None) -> Page[QuoteRow]:
        where, params = self._quote_filters(entity_id, speaker, document_ids, text, kind)
        count_from = (
            "FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN doc_entities de"
            " ON de.document_id = q.document_id AND de.local_id = q.speaker_local_id"
            " LEFT JOIN entities e ON e.id = de.entity_id"
        )
        rows, total = self._page(_QUOTE_SELECT, where, params, _QUOTE_ORDER, limit, offset, count_from)
        return Page([_quote_row(r) for r in rows], total, limit, offset)

    def timeline_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None,
                      stance: str | None = None, category: str | None = None, kind: str | None = None,
                      document_ids: Sequence[str] | None = None) -> Page[TimelineEntry]:
        """Claims and quotes in date order (a claim's event date, else its article's date).

        Stance and category filter claims only, so they leave quotes out."""
        parts: list[str] = []
        params: list[object] = []
        if kind in (None, "claim"):
            where, p = self._claim_filters(entity_id, None, stance, category, document_ids, None)
            clause = " WHERE " + " AND ".join(where) if where else ""
            parts.append(
                "SELECT 'claim' AS kind, c.document_id, c.local_id, coalesce(c.when_date, d.published) AS day,"
                f" c.evidence_start AS pos FROM claims c JOIN documents d ON d.id = c.document_id{clause}"
            )
            params += p
        if kind in (None, "quote") and not stance and not category:
            where, p = self._quote_filters(None, None, document_ids, None, None)
            if entity_id:
                where.append(
                    "EXISTS (SELECT 1 FROM doc_entities de WHERE de.document_id = q.document_id"
                    " AND de.local_id = q.speaker_local_id AND de.entity_id = ?)"
                )
                p.append(entity_id)
            clause = " WHERE " + " AND ".join(where) if where else ""
            parts.append(
                "SELECT 'quote' AS kind, q.document_id, q.local_id, d.published AS day, q.start AS pos"
                f" FROM quotes q JOIN documents d ON d.id = q.document_id{clause}"
            )
            params += p
        if not parts:
            return Page([], 0, limit, offset)
        union = " UNION ALL ".join(parts)
        total = int(self.conn.execute(f"SELECT count(*) FROM ({union})", params).fetchone()[0])
        keys = self.conn.execute(
            f"SELECT * FROM ({union}) ORDER BY day IS NULL, day, document_id, pos LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        items = []
        for k in keys:
            if k["kind"] == "claim":
                r = self.conn.execute(f"{_CLAIM_SELECT} WHERE c.document_id = ? AND c.local_id = ?",
                                      (k["document_id"], k["local_id"])).fetchone()
                items.append(TimelineEntry("claim", _d(k["day"]), claim=_claim_row(r),
                                           marks=self.position_marks(k["document_id"], k["local_id"])))
            else:
                r = self.conn.execute(f"{_QUOTE_SELECT} WHERE q.document_id = ? AND q.local_id = ?",
                                      (k["document_id"], k["local_id"])).fetchone()
                items.append(TimelineEntry("quote", _d(k["day"]), quote=_quote_row(r)))
        return Page(items, total, limit, offset)

    def _has_positions(self) -> bool:
        """Whether the link stage's positions (migration 0002) are in this ledger."""
        return self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name IN ('positions', 'matters')"
        ).fetchall().__len__() == 2

    def position_marks(self, document_id: str, local_id: str) -> list[PositionMark]:
        if not self._has_positions():
            return []
        rows = self.conn.execute(
            "SELECT coalesce(e.name, substr(p.actor_key, 2)) AS actor, m.label, p.mark FROM positions p"
            " JOIN matters m ON m.id = p.matter_id LEFT JOIN entities e ON e.id = p.actor_key"
            " WHERE p.document_id = ? AND p.local_id = ? ORDER BY p.actor_key", (document_id, local_id),
        ).fetchall()
        return [PositionMark(r["actor"], r["label"], r["mark"]) for r in rows]

    # -- story views --------------------------------------------------------------------------

    def latest_positions(self, document_ids: Sequence[str] | None = None, actors: int = 12) -> list[Position]:
        """Each leading actor's latest claim per matter: the who-committed-to-what matrix. Matters are the
        link stage's (claims about the same thing) when it has run, else claim categories."""
        if self._has_positions():
            found = self._latest_by_matter(document_ids, actors)
            if found:
                return found
        where = ["de.entity_id IS NOT NULL"]
        params: list[object] = []
        self._scope(where, params, "c.document_id", document_ids)
        return self._latest_per_actor(
            "SELECT de.entity_id AS actor, e.name, c.category AS matter, coalesce(c.when_date, d.published) AS day,"
            " c.document_id, c.local_id, c.stance, c.polarity, c.evidence_text, c.evidence_start"
            " FROM claims c JOIN documents d ON d.id = c.document_id, json_each(c.actor_local_ids) j"
            " JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
            f" JOIN entities e ON e.id = de.entity_id WHERE {' AND '.join(where)}", params, actors)

    def _latest_by_matter(self, document_ids: Sequence[str] | None, actors: int) -> list[Position]:
        where = ["1 = 1"]
        params: list[object] = []
        self._scope(where, params, "p.document_id", document_ids)
        return self._latest_per_actor(
            "SELECT p.actor_key AS actor, e.name, m.label AS matter, p.day, p.document_id, p.local_id,"
            " c.stance, c.polarity, c.evidence_text, c.evidence_start FROM positions p"
            " JOIN claims c ON c.document_id = p.document_id AND c.local_id = p.local_id"
            " JOIN entities e ON e.id = p.actor_key JOIN matters m ON m.id = p.matter_id"
            f" WHERE {' AND '.join(where)}", params, actors)

    def _latest_per_actor(self, stances: str, params: list[object], actors: int) -> list[Position]:
        """The latest of ``stances`` rows per (actor, matter), for the ``actors`` actors with the most rows."""
        rows = self.conn.execute(
            f"WITH ap AS ({stances}),"
            " top AS (SELECT actor FROM ap GROUP BY actor ORDER BY count(*) DESC, min(name) LIMIT ?),"
            " ranked AS (SELECT ap.*, row_number() OVER (PARTITION BY ap.actor, ap.matter"
            "   ORDER BY ap.day IS NULL, ap.day DESC, ap.document_id DESC, ap.evidence_start DESC) AS rn"
            "   FROM ap WHERE ap.actor IN (SELECT actor FROM top))"
            " SELECT * FROM ranked WHERE rn = 1 ORDER BY name, matter", (*params, actors),
        ).fetchall()
        return [Position(r["actor"], r["name"], r["matter"], r["stance"], r["polarity"], _d(r["day"]),
                         r["document_id"], r["local_id"], r["evidence_text"]) for r in rows]

    def chart_points(self, document_ids: Sequence[str] | None = None, actors: int = 8,
                     limit: int = 2000) -> list[ChartPoint]:
        """Dated claims of the leading actors, for the stances-over-time chart (capped)."""
        where = ["de.entity_id IS NOT NULL", "coalesce(c.when_date, d.published) IS NOT NULL"]
        params: list[object] = []
        self._scope(where, params, "c.document_id", document_ids)
        rows = self.conn.execute(
            "WITH ac AS (SELECT de.entity_id, e.name, c.document_id, c.local_id, c.stance, c.action,"
            "   coalesce(c.when_date, d.published) AS day"
            "   FROM claims c JOIN documents d ON d.id = c.document_id, json_each(c.actor_local_ids) j"
            "   JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
            f"  JOIN entities e ON e.id = de.entity_id WHERE {' AND '.join(where)}),"
            " top AS (SELECT entity_id FROM ac GROUP BY entity_id ORDER BY count(*) DESC, min(name) LIMIT ?)"
            " SELECT * FROM ac WHERE entity_id IN (SELECT entity_id FROM top) ORDER BY day, name LIMIT ?",
            (*params, actors, limit),
        ).fetchall()
        return [ChartPoint(r["entity_id"], r["name"], date.fromisoformat(r["day"]), r["stance"], r["document_id"],
                           r["local_id"], r["action"]) for r in rows]

    # -- search -------------------------------------------------------------------------------

    def search_documents(self, query: str, limit: int = 20, offset: int = 0) -> Page[tuple[DocumentRow, str]]:
        """FTS5 over titles and text; a query that won't parse as FTS5 is searched as plain words.
        The snippet marks hits with U+E000/U+E001 so the view can escape first, then mark."""
        words = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
        if not words:
            return Page([], 0, limit, offset)
        cols = "d.id, d.url, d.outlet, d.title, d.authors, d.published, d.published_source, d.language," \
               " d.format, d.source, d.ingested_at"
        base = " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?"
        for q in (query, words):
            try:
                total = int(self.conn.execute(f"SELECT count(*){base}", (q,)).fetchone()[0])
                rows = self.conn.execute(
                    f"SELECT {cols}, snippet(documents_fts, 1, '\ue000', '\ue001', '…', 24) AS snip{base}"
                    " ORDER BY rank LIMIT ? OFFSET ?", (q, limit, offset),
                ).fetchall()
                return Page([(_document_row(r), r["snip"]) for r in rows], total, limit, offset)
            except sqlite3.OperationalError:
                continue
        return Page([], 0, limit, offset)

    # -- export -------------------------------------------------------------------------------

    def iter_table(self, table: str, batch: int = 1000) -> Iterator[list[sqlite3.Row]]:
        """A whole table in rowid batches, so an export never holds it all in memory."""
        if table not in EXPORT_TABLES:
            raise ValueError(f"unknown table {table!r}")
        last = -1
        while True:
            rows = self.conn.execute(
                f"SELECT rowid AS _rowid, * FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            yield rows
            last = rows[-1]["_rowid"]

    def table_columns(self, table: str) -> list[str]:
        if table not in EXPORT_TABLES:
            raise ValueError(f"unknown table {table!r}")
        return [r["name"] for r in self.conn.execute("SELECT name FROM pragma_table_info(?)", (table,))]
