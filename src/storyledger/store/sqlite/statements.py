"""Reading claims and quotes: filtered pages of each, a document's own, and both in date order."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from storyledger.link.records import Change, Mark
from storyledger.records import Polarity, QuoteKind, Stance
from storyledger.store.read_models import (
    ClaimView, DocumentFilter, Page, PositionMark, QuoteView, Statement, StatementKind,
)
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.values import Where, iso_date, like

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
    " c.document_id, c.evidence_start, c.rowid"
)
_QUOTE_FROM = (
    "FROM quotes q JOIN documents d ON d.id = q.document_id"
    " LEFT JOIN doc_entities de ON de.document_id = q.document_id AND de.local_id = q.speaker_local_id"
    " LEFT JOIN entities e ON e.id = de.entity_id"
)
_QUOTE_SELECT = f"SELECT q.*, de.entity_id, e.name AS entity_name, d.published, d.outlet {_QUOTE_FROM}"
_QUOTE_ORDER = " ORDER BY d.published IS NULL, d.published, q.document_id, q.start, q.rowid"
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
        r["evidence_text"], iso_date(r["published"]), r["outlet"], when_date_end=iso_date(r["when_date_end"]),
        when_value=r["when_value"], when_precision=r["when_precision"], when_mod=r["when_mod"],
    )


def _quote_view(r: sqlite3.Row) -> QuoteView:
    return QuoteView(
        r["document_id"], r["local_id"], QuoteKind(r["kind"]), r["speaker_text"], r["entity_id"], r["entity_name"],
        r["cue_text"], r["content_text"], r["start"], r["end"],
        [(s, e) for s, e in json.loads(r["content"])], iso_date(r["published"]), r["outlet"],
    )


def _claim_filters(entity_id: str | None, actor: str | None, stance: str | None, category: str | None,
                   document_ids: Sequence[str] | None, text: str | None, within: DocumentFilter | None) -> Where:
    where = Where()
    where.within(within)
    if entity_id:
        where.add(_CLAIM_BY_ENTITY, entity_id)
    if actor:
        where.add(_CLAIM_BY_ACTOR, *[like(actor)] * 5)
    if stance:
        where.add("c.stance = ?", stance)
    if category:
        where.add("c.category = ?", category.upper())
    if text:
        where.add("(c.evidence_text LIKE ? ESCAPE '\\' OR c.action LIKE ? ESCAPE '\\')", like(text), like(text))
    where.scope("c.document_id", document_ids)
    return where


def _quote_filters(entity_id: str | None, speaker: str | None, document_ids: Sequence[str] | None,
                   text: str | None, kind: str | None, within: DocumentFilter | None) -> Where:
    where = Where()
    where.within(within)
    if entity_id:
        where.add("de.entity_id = ?", entity_id)
    if speaker:
        where.add(_QUOTE_BY_SPEAKER, *[like(speaker)] * 5)
    if text:
        where.add("q.content_text LIKE ? ESCAPE '\\'", like(text))
    if kind:
        where.add("q.kind = ?", kind)
    where.scope("q.document_id", document_ids)
    return where


class Statements(Connection):
    def _total(self, count_from: str, where: Where) -> int:
        return int(self._conn.execute(f"SELECT count(*) {count_from}{where.sql}", where.params).fetchone()[0])

    def claim_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None, actor: str | None = None,
                   stance: str | None = None, category: str | None = None,
                   document_ids: Sequence[str] | None = None, text: str | None = None,
                   within: DocumentFilter | None = None) -> Page[ClaimView]:
        where = _claim_filters(entity_id, actor, stance, category, document_ids, text, within)
        items = self._records(_claim_view, f"{_CLAIM_SELECT}{where.sql}{_CLAIM_ORDER} LIMIT ? OFFSET ?",
                              (*where.params, limit, offset))
        return Page(items, self._total(_CLAIM_FROM, where), limit, offset)

    def quote_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None, speaker: str | None = None,
                   document_ids: Sequence[str] | None = None, text: str | None = None,
                   kind: str | None = None, within: DocumentFilter | None = None) -> Page[QuoteView]:
        where = _quote_filters(entity_id, speaker, document_ids, text, kind, within)
        items = self._records(_quote_view, f"{_QUOTE_SELECT}{where.sql}{_QUOTE_ORDER} LIMIT ? OFFSET ?",
                              (*where.params, limit, offset))
        return Page(items, self._total(_QUOTE_FROM, where), limit, offset)

    def document_claims(self, document_id: str) -> list[ClaimView]:
        return self._records(_claim_view, f"{_CLAIM_SELECT} WHERE c.document_id = ? ORDER BY c.evidence_start",
                             (document_id,))

    def document_quotes(self, document_id: str) -> list[QuoteView]:
        return self._records(_quote_view, f"{_QUOTE_SELECT} WHERE q.document_id = ? ORDER BY q.start", (document_id,))

    def categories(self, document_ids: Sequence[str] | None = None) -> list[str]:
        where = Where()
        where.scope("document_id", document_ids)
        return self._records(lambda r: r[0], f"SELECT DISTINCT category FROM claims{where.sql} ORDER BY 1",
                             where.params)

    def statement_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None,
                       stance: str | None = None, category: str | None = None, kind: str | None = None,
                       document_ids: Sequence[str] | None = None,
                       within: DocumentFilter | None = None) -> Page[Statement]:
        parts: list[str] = []
        params: list[object] = []
        if kind in (None, StatementKind.CLAIM):
            where = _claim_filters(entity_id, None, stance, category, document_ids, None, within)
            parts.append(
                "SELECT 'claim' AS kind, c.document_id, c.local_id, coalesce(c.when_date, d.published) AS day,"
                f" c.evidence_start AS pos {_CLAIM_FROM}{where.sql}"
            )
            params += where.params
        if kind in (None, StatementKind.QUOTE) and not stance and not category:
            where = _quote_filters(None, None, document_ids, None, None, within)
            if entity_id:
                where.add(
                    "EXISTS (SELECT 1 FROM doc_entities de WHERE de.document_id = q.document_id"
                    " AND de.local_id = q.speaker_local_id AND de.entity_id = ?)", entity_id,
                )
            parts.append(
                "SELECT 'quote' AS kind, q.document_id, q.local_id, d.published AS day, q.start AS pos"
                f" FROM quotes q JOIN documents d ON d.id = q.document_id{where.sql}"
            )
            params += where.params
        if not parts:
            return Page([], 0, limit, offset)
        union = " UNION ALL ".join(parts)
        total = int(self._conn.execute(f"SELECT count(*) FROM ({union}) AS s", params).fetchone()[0])
        keys = self._conn.execute(
            f"SELECT * FROM ({union}) AS s ORDER BY day IS NULL, day, document_id, pos, kind, local_id LIMIT ? OFFSET ?",
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
        return self._records(
            lambda r: PositionMark(r["actor"], r["label"], Mark(r["mark"]), Change(r["change"]) if r["change"] else None),
            "SELECT coalesce(e.name, substr(p.actor_key, 2)) AS actor, m.label, p.mark, p.change FROM positions p"
            " JOIN matters m ON m.id = p.matter_id LEFT JOIN entities e ON e.id = p.actor_key"
            " WHERE p.document_id = ? AND p.local_id = ? ORDER BY p.actor_key", (document_id, local_id),
        )
