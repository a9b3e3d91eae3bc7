"""Reading claims and quotes: filtered pages of each, a document's own, and both in date order."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from storyledger.link.records import Mark
from storyledger.records import Polarity, QuoteKind, Stance
from storyledger.store.read_models import ClaimView, Page, PositionMark, QuoteView, Statement, StatementKind
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.values import in_scope, iso_date, like, where_clause

_CLAIM_SELECT = (
    "SELECT c.*, d.published, d.outlet,"
    " (SELECT json_group_array(json_array(e.id, e.name)) FROM json_each(c.actor_local_ids) j"
    "   JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
    "   JOIN entities e ON e.id = de.entity_id) AS actor_entities"
    " FROM claims c JOIN documents d ON d.id = c.document_id"
)
_CLAIM_FROM = "FROM claims c JOIN documents d ON d.id = c.document_id"
_CLAIM_ORDER = (
    " ORDER BY coalesce(c.when_date, d.published) IS NULL, coalesce(c.when_date, d.published),"
    " c.document_id, c.evidence_start"
)
_QUOTE_FROM = (
    "FROM quotes q JOIN documents d ON d.id = q.document_id"
    " LEFT JOIN doc_entities de ON de.document_id = q.document_id AND de.local_id = q.speaker_local_id"
    " LEFT JOIN entities e ON e.id = de.entity_id"
)
_QUOTE_SELECT = f"SELECT q.*, de.entity_id, e.name AS entity_name, d.published, d.outlet {_QUOTE_FROM}"
_QUOTE_ORDER = " ORDER BY d.published IS NULL, d.published, q.document_id, q.start"
# Claims whose actor includes a given ledger entity.
_CLAIM_BY_ENTITY = (
    "EXISTS (SELECT 1 FROM json_each(c.actor_local_ids) j JOIN doc_entities de"
    " ON de.document_id = c.document_id AND de.local_id = j.value WHERE de.entity_id = ?)"
)
_CLAIM_BY_ACTOR = (
    "(c.actor_text LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each(c.actor_local_ids) j"
    " JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
    " LEFT JOIN entities e ON e.id = de.entity_id"
    " WHERE de.name LIKE ? ESCAPE '\\' OR de.aliases LIKE ? ESCAPE '\\'"
    " OR e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\'))"
)
_QUOTE_BY_SPEAKER = (
    "(q.speaker_text LIKE ? ESCAPE '\\' OR de.name LIKE ? ESCAPE '\\' OR de.aliases LIKE ? ESCAPE '\\'"
    " OR e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\')"
)


def _claim_view(r: sqlite3.Row) -> ClaimView:
    pairs = json.loads(r["actor_entities"] or "[]")
    return ClaimView(
        r["document_id"], r["local_id"], r["actor_text"], [p[0] for p in pairs], [p[1] for p in pairs],
        r["action"], r["category"], Stance(r["stance"]), Polarity(r["polarity"]), r["target"], r["condition_text"],
        r["when_text"], iso_date(r["when_date"]), r["reported_by"], r["evidence_start"], r["evidence_end"],
        r["evidence_text"], iso_date(r["published"]), r["outlet"],
    )


def _quote_view(r: sqlite3.Row) -> QuoteView:
    return QuoteView(
        r["document_id"], r["local_id"], QuoteKind(r["kind"]), r["speaker_text"], r["entity_id"], r["entity_name"],
        r["cue_text"], r["content_text"], r["start"], r["end"],
        [(s, e) for s, e in json.loads(r["content"])], iso_date(r["published"]), r["outlet"],
    )


def _claim_filters(entity_id: str | None, actor: str | None, stance: str | None, category: str | None,
                   document_ids: Sequence[str] | None, text: str | None) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if entity_id:
        where.append(_CLAIM_BY_ENTITY)
        params.append(entity_id)
    if actor:
        where.append(_CLAIM_BY_ACTOR)
        params += [like(actor)] * 5
    if stance:
        where.append("c.stance = ?")
        params.append(stance)
    if category:
        where.append("c.category = ?")
        params.append(category.upper())
    if text:
        where.append("(c.evidence_text LIKE ? ESCAPE '\\' OR c.action LIKE ? ESCAPE '\\')")
        params += [like(text), like(text)]
    in_scope(where, params, "c.document_id", document_ids)
    return where, params


def _quote_filters(entity_id: str | None, speaker: str | None, document_ids: Sequence[str] | None,
                   text: str | None, kind: str | None) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if entity_id:
        where.append("de.entity_id = ?")
        params.append(entity_id)
    if speaker:
        where.append(_QUOTE_BY_SPEAKER)
        params += [like(speaker)] * 5
    if text:
        where.append("q.content_text LIKE ? ESCAPE '\\'")
        params.append(like(text))
    if kind:
        where.append("q.kind = ?")
        params.append(kind)
    in_scope(where, params, "q.document_id", document_ids)
    return where, params


class Statements(Connection):
    def _page(self, select: str, count_from: str, where: list[str], params: list[object], order: str, limit: int,
              offset: int) -> tuple[list[sqlite3.Row], int]:
        clause = where_clause(where)
        total = int(self._conn.execute(f"SELECT count(*) {count_from}{clause}", params).fetchone()[0])
        rows = self._conn.execute(f"{select}{clause}{order} LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
        return rows, total

    def claim_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None, actor: str | None = None,
                   stance: str | None = None, category: str | None = None,
                   document_ids: Sequence[str] | None = None, text: str | None = None) -> Page[ClaimView]:
        where, params = _claim_filters(entity_id, actor, stance, category, document_ids, text)
        rows, total = self._page(_CLAIM_SELECT, _CLAIM_FROM, where, params, _CLAIM_ORDER, limit, offset)
        return Page([_claim_view(r) for r in rows], total, limit, offset)

    def quote_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None, speaker: str | None = None,
                   document_ids: Sequence[str] | None = None, text: str | None = None,
                   kind: str | None = None) -> Page[QuoteView]:
        where, params = _quote_filters(entity_id, speaker, document_ids, text, kind)
        rows, total = self._page(_QUOTE_SELECT, _QUOTE_FROM, where, params, _QUOTE_ORDER, limit, offset)
        return Page([_quote_view(r) for r in rows], total, limit, offset)

    def document_claims(self, document_id: str) -> list[ClaimView]:
        rows = self._conn.execute(f"{_CLAIM_SELECT} WHERE c.document_id = ? ORDER BY c.evidence_start",
                                  (document_id,)).fetchall()
        return [_claim_view(r) for r in rows]

    def document_quotes(self, document_id: str) -> list[QuoteView]:
        rows = self._conn.execute(f"{_QUOTE_SELECT} WHERE q.document_id = ? ORDER BY q.start",
                                  (document_id,)).fetchall()
        return [_quote_view(r) for r in rows]

    def categories(self, document_ids: Sequence[str] | None = None) -> list[str]:
        where: list[str] = []
        params: list[object] = []
        in_scope(where, params, "document_id", document_ids)
        return [r[0] for r in self._conn.execute(
            f"SELECT DISTINCT category FROM claims{where_clause(where)} ORDER BY 1", params)]

    def statement_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None,
                       stance: str | None = None, category: str | None = None, kind: str | None = None,
                       document_ids: Sequence[str] | None = None) -> Page[Statement]:
        parts: list[str] = []
        params: list[object] = []
        if kind in (None, StatementKind.CLAIM):
            where, p = _claim_filters(entity_id, None, stance, category, document_ids, None)
            parts.append(
                "SELECT 'claim' AS kind, c.document_id, c.local_id, coalesce(c.when_date, d.published) AS day,"
                f" c.evidence_start AS pos {_CLAIM_FROM}{where_clause(where)}"
            )
            params += p
        if kind in (None, StatementKind.QUOTE) and not stance and not category:
            where, p = _quote_filters(None, None, document_ids, None, None)
            if entity_id:
                where.append(
                    "EXISTS (SELECT 1 FROM doc_entities de WHERE de.document_id = q.document_id"
                    " AND de.local_id = q.speaker_local_id AND de.entity_id = ?)"
                )
                p.append(entity_id)
            parts.append(
                "SELECT 'quote' AS kind, q.document_id, q.local_id, d.published AS day, q.start AS pos"
                f" FROM quotes q JOIN documents d ON d.id = q.document_id{where_clause(where)}"
            )
            params += p
        if not parts:
            return Page([], 0, limit, offset)
        union = " UNION ALL ".join(parts)
        total = int(self._conn.execute(f"SELECT count(*) FROM ({union})", params).fetchone()[0])
        keys = self._conn.execute(
            f"SELECT * FROM ({union}) ORDER BY day IS NULL, day, document_id, pos LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return Page([self._statement(k) for k in keys], total, limit, offset)

    def _statement(self, key: sqlite3.Row) -> Statement:
        doc, local, day = key["document_id"], key["local_id"], iso_date(key["day"])
        if key["kind"] == StatementKind.CLAIM:
            r = self._conn.execute(f"{_CLAIM_SELECT} WHERE c.document_id = ? AND c.local_id = ?", (doc, local))
            return Statement(StatementKind.CLAIM, day, claim=_claim_view(r.fetchone()),
                             marks=self._position_marks(doc, local))
        r = self._conn.execute(f"{_QUOTE_SELECT} WHERE q.document_id = ? AND q.local_id = ?", (doc, local))
        return Statement(StatementKind.QUOTE, day, quote=_quote_view(r.fetchone()))

    def _position_marks(self, document_id: str, local_id: str) -> list[PositionMark]:
        rows = self._conn.execute(
            "SELECT coalesce(e.name, substr(p.actor_key, 2)) AS actor, m.label, p.mark FROM positions p"
            " JOIN matters m ON m.id = p.matter_id LEFT JOIN entities e ON e.id = p.actor_key"
            " WHERE p.document_id = ? AND p.local_id = ? ORDER BY p.actor_key", (document_id, local_id),
        ).fetchall()
        return [PositionMark(r["actor"], r["label"], Mark(r["mark"])) for r in rows]
