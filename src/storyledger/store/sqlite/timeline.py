"""Reading positions for the views: the timeline, each actor's latest stance per matter, the matters of a
story, the chart."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from storyledger.link.records import Change, Mark
from storyledger.records import Polarity, Stance
from storyledger.store.read_models import (
    ChartPoint, EarlierLine, LatestPosition, MatterCount, Revision, TimelineLine, date_label,
)
from storyledger.store.sqlite.documents import NOT_A_COPY
from storyledger.store.sqlite.duplicates import Duplicates
from storyledger.store.sqlite.values import Where, iso_date

# An actor's claims in one of two senses of "matter": the link stage's (claims about the same thing),
# else the claim's category. Each row: actor, name, matter, matter_key, day, precision, value, mod,
# document_id, local_id, stance, polarity, evidence_text, evidence_start.
_WHEN = "c.when_precision AS precision, c.when_value AS value, c.when_mod AS mod"
_BY_MATTER = (
    "SELECT p.actor_key AS actor, e.name, m.label AS matter, p.matter_id AS matter_key, p.day,"
    f" CASE WHEN c.when_date IS NULL THEN NULL ELSE c.when_precision END AS precision, c.when_value AS value,"
    " c.when_mod AS mod, p.document_id, p.local_id, c.stance, c.polarity, c.evidence_text, c.evidence_start"
    " FROM positions p JOIN claims c ON c.document_id = p.document_id AND c.local_id = p.local_id"
    " JOIN entities e ON e.id = p.actor_key JOIN matters m ON m.id = p.matter_id"
)
_BY_CATEGORY = (
    "SELECT de.entity_id AS actor, e.name, c.category AS matter, c.category AS matter_key,"
    f" coalesce(c.when_date, d.published) AS day, {_WHEN},"
    " c.document_id, c.local_id, c.stance, c.polarity, c.evidence_text, c.evidence_start"
    " FROM claims c JOIN documents d ON d.id = c.document_id, json_each(c.actor_local_ids) j"
    " JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
    " JOIN entities e ON e.id = de.entity_id"
)
# Whether the line's actor is one of the claim's own actors (else a spokesperson spoke for it).
_OWN_ACTOR = (
    "(p.actor_key LIKE '~%' OR EXISTS (SELECT 1 FROM json_each(c.actor_local_ids) j JOIN doc_entities de"
    " ON de.document_id = c.document_id AND de.local_id = j.value WHERE de.entity_id = p.actor_key))"
)


def _label(r: sqlite3.Row, prefix: str = "") -> str:
    """The row's date as precisely as known: the claim's own date at its precision, else the article's day."""
    day = iso_date(r[f"{prefix}day"])
    if r[f"{prefix}when_date"] is None:
        return date_label(day, text=r[f"{prefix}when_text"])
    return date_label(day, r[f"{prefix}when_precision"], r[f"{prefix}when_value"], r[f"{prefix}when_mod"])


def _stated(r: sqlite3.Row, prefix: str = "") -> dict[str, object]:
    """What a row says of one claim (its own, or with ``prefix`` "e_" the earlier one it refers to)."""
    return {"date": iso_date(r[f"{prefix}day"]), "date_label": _label(r, prefix), "stance": Stance(r[f"{prefix}stance"]),
            "polarity": Polarity(r[f"{prefix}polarity"]), "claim": r[f"{prefix}action"],
            "condition": r[f"{prefix}condition_text"], "evidence": r[f"{prefix}evidence_text"],
            "document_id": r[f"{prefix}document_id"], "claim_id": r[f"{prefix}local_id"],
            "start": r[f"{prefix}evidence_start"], "end": r[f"{prefix}evidence_end"], "outlet": r[f"{prefix}outlet"]}


# The claim's document among the versions of its article: the version before it (pv, its text pd)
# and the latest version when that is a later one (lv, its text ld).
_VERSION_JOINS = (
    " LEFT JOIN article_versions av ON av.document_id = p.document_id"
    " LEFT JOIN article_versions pv ON pv.url = av.url AND pv.version = av.version - 1"
    " LEFT JOIN documents pd ON pd.id = pv.document_id"
    " LEFT JOIN article_versions lv ON lv.url = av.url AND lv.version > av.version"
    "  AND lv.version = (SELECT max(version) FROM article_versions WHERE url = av.url)"
    " LEFT JOIN documents ld ON ld.id = lv.document_id"
)
_IN_PREVIOUS = "instr(pd.text, c.evidence_text) > 0"
_REVISION = (
    "CASE WHEN pd.id IS NOT NULL AND instr(pd.text, c.evidence_text) = 0 THEN 'correction'"
    " WHEN ld.id IS NOT NULL AND instr(ld.text, c.evidence_text) = 0 THEN 'withdrawn' END"
)


class Timeline(Duplicates):
    def timeline_lines(self, document_ids: Sequence[str] | None = None, actor: str | None = None,
                       query: str | None = None, limit: int = 500, moved: bool = False) -> list[TimelineLine]:
        # A later version of an article shows only what it added (a correction); a claim its version
        # before already made is left out, and so is every copy of a near-duplicate.
        where = Where(f"({NOT_A_COPY.format(col='p.document_id')} OR {_REVISION} = 'correction')",
                      f"NOT coalesce({_IN_PREVIOUS}, false)")
        where.scope("p.document_id", document_ids)
        if moved:
            where.add("p.previous_document_id IS NOT NULL")
        # One actor's lines are found first (positions by the matching entities' index, claims by the
        # narrow index on their actor text) and only those are joined: filtering the joined rows read
        # every position of the ledger (70 -> 1.5 ms at 1,000 articles, growing with the ledger).
        source, source_params = "positions p", []
        if actor:
            source = ("(SELECT document_id, local_id FROM positions WHERE actor_key IN"
                      " (SELECT id FROM entities WHERE name LIKE ? OR aliases LIKE ?)"
                      " UNION SELECT document_id, local_id FROM claims WHERE actor_text LIKE ?) hit"
                      " CROSS JOIN positions p ON p.document_id = hit.document_id AND p.local_id = hit.local_id")
            source_params = [f"%{actor}%"] * 3
        for word in (query or "").split():
            where.add("(m.label LIKE ? OR c.action LIKE ? OR c.evidence_text LIKE ? OR c.target LIKE ?)",
                      *[f"%{word}%"] * 4)
        rows = self._conn.execute(
            "SELECT p.*, c.action, c.stance, c.polarity, c.condition_text, c.evidence_text, c.evidence_start,"
            " c.evidence_end, c.actor_text, c.when_date, c.when_date_end, c.when_precision, c.when_value,"
            " c.when_mod, c.when_text, e.name AS entity_name, m.label AS matter_label, d.outlet, d.published,"
            f" CASE WHEN {_OWN_ACTOR} THEN c.reported_by ELSE c.actor_text END AS speaker,"
            " pc.document_id AS e_document_id, pc.local_id AS e_local_id, pc.action AS e_action,"
            " pc.stance AS e_stance, pc.polarity AS e_polarity, pc.condition_text AS e_condition_text,"
            " pc.evidence_text AS e_evidence_text, pc.evidence_start AS e_evidence_start,"
            " pc.evidence_end AS e_evidence_end,"
            " pc.when_date AS e_when_date, pc.when_precision AS e_when_precision, pc.when_value AS e_when_value,"
            " pc.when_mod AS e_when_mod, pc.when_text AS e_when_text, ed.outlet AS e_outlet,"
            f" coalesce(pc.when_date, ed.published) AS e_day, {_REVISION} AS revision"
            f" FROM {source} JOIN claims c ON c.document_id = p.document_id AND c.local_id = p.local_id"
            " JOIN documents d ON d.id = p.document_id JOIN matters m ON m.id = p.matter_id"
            " LEFT JOIN entities e ON e.id = p.actor_key"
            " LEFT JOIN link_state ls ON ls.document_id = p.document_id"
            " LEFT JOIN claims pc ON pc.document_id = p.previous_document_id AND pc.local_id = p.previous_local_id"
            " LEFT JOIN documents ed ON ed.id = pc.document_id"
            f"{_VERSION_JOINS}{where.sql} ORDER BY p.day IS NULL, p.day, ls.seq, c.evidence_start, p.actor_key LIMIT ?",
            (*source_params, *where.params, limit),
        ).fetchall()
        out = []
        for r in rows:
            copies = [c.outlet for c in self.duplicate_sources(r["document_id"])[1:] if c.outlet]
            prev = f"{r['previous_document_id']}/{r['previous_local_id']}" if r["previous_document_id"] else None
            earlier = EarlierLine(**_stated(r, "e_")) if r["e_document_id"] else None  # type: ignore[arg-type]
            out.append(TimelineLine(
                **_stated(r), actor=r["entity_name"] or r["actor_text"],  # type: ignore[arg-type]
                actor_id=r["actor_key"] if r["entity_name"] else None, matter_id=r["matter_id"],
                matter=r["matter_label"], mark=Mark(r["mark"]), also_in=copies, previous=prev,
                change=Change(r["change"]) if r["change"] else None, earlier=earlier, speaker=r["speaker"],
                date_end=iso_date(r["when_date_end"]) if r["when_date"] else None,
                precision=r["when_precision"] if r["when_date"] else None, published=iso_date(r["published"]),
                revision=Revision(r["revision"]) if r["revision"] else None,
            ))
        return out

    def story_matters(self, document_ids: Sequence[str] | None = None, limit: int = 100) -> list[MatterCount]:
        where = Where(NOT_A_COPY.format(col="p.document_id"))
        where.scope("p.document_id", document_ids)
        return self._records(
            lambda r: MatterCount(r["matter_id"], r["label"], r["claims"], r["actors"]),
            "SELECT p.matter_id, m.label, count(DISTINCT p.document_id || '/' || p.local_id) AS claims,"
            f" count(DISTINCT p.actor_key) AS actors FROM positions p JOIN matters m ON m.id = p.matter_id{where.sql}"
            " GROUP BY p.matter_id ORDER BY claims DESC, actors DESC, m.label, p.matter_id LIMIT ?",
            (*where.params, limit),
        )

    def latest_positions(self, document_ids: Sequence[str] | None = None, actors: int = 12) -> list[LatestPosition]:
        """Matters are the link stage's (claims about the same thing) when it has placed any, else claim
        categories."""
        by_matter = Where()
        by_matter.scope("p.document_id", document_ids)
        by_category = Where("de.entity_id IS NOT NULL")
        by_category.scope("c.document_id", document_ids)
        return (self._latest_per_actor(_BY_MATTER, by_matter, actors)
                or self._latest_per_actor(_BY_CATEGORY, by_category, actors))

    def _latest_per_actor(self, stances: str, where: Where, actors: int) -> list[LatestPosition]:
        """The latest of ``stances`` rows per (actor, matter), for the ``actors`` actors with the most rows."""
        rows = self._conn.execute(
            f"WITH ap AS ({stances}{where.sql}),"
            " top AS (SELECT actor FROM ap GROUP BY actor ORDER BY count(*) DESC, min(name) LIMIT ?),"
            " ranked AS (SELECT ap.*, row_number() OVER (PARTITION BY ap.actor, ap.matter_key"
            "   ORDER BY ap.day IS NULL, ap.day DESC, ap.document_id DESC, ap.evidence_start DESC) AS rn"
            "   FROM ap WHERE ap.actor IN (SELECT actor FROM top))"
            " SELECT * FROM ranked WHERE rn = 1 ORDER BY name, matter", (*where.params, actors),
        ).fetchall()
        return [LatestPosition(r["actor"], r["name"], r["matter"], Stance(r["stance"]), Polarity(r["polarity"]),
                               iso_date(r["day"]), r["document_id"], r["local_id"], r["evidence_text"],
                               r["matter_key"], date_label(iso_date(r["day"]), r["precision"], r["value"], r["mod"]))
                for r in rows]

    def chart_points(self, document_ids: Sequence[str] | None = None, actors: int = 8,
                     limit: int = 2000) -> list[ChartPoint]:
        where = Where("de.entity_id IS NOT NULL", "coalesce(c.when_date, d.published) IS NOT NULL")
        where.scope("c.document_id", document_ids)
        rows = self._conn.execute(
            "WITH ac AS (SELECT de.entity_id, e.name, c.document_id, c.local_id, c.stance, c.action,"
            "   coalesce(c.when_date, d.published) AS day, c.when_date, c.when_date_end, c.when_precision,"
            "   c.when_value, c.when_mod, c.when_text, d.published"
            "   FROM claims c JOIN documents d ON d.id = c.document_id, json_each(c.actor_local_ids) j"
            "   JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
            f"  JOIN entities e ON e.id = de.entity_id{where.sql}),"
            " top AS (SELECT entity_id FROM ac GROUP BY entity_id ORDER BY count(*) DESC, min(name) LIMIT ?)"
            " SELECT * FROM ac WHERE entity_id IN (SELECT entity_id FROM top) ORDER BY day, name LIMIT ?",
            (*where.params, actors, limit),
        ).fetchall()
        return [ChartPoint(r["entity_id"], r["name"], iso_date(r["day"]), Stance(r["stance"]),  # type: ignore[arg-type]
                           r["document_id"], r["local_id"], r["action"],
                           iso_date(r["when_date_end"]) if r["when_date"] else None,
                           r["when_precision"] if r["when_date"] else None, iso_date(r["published"]), _label(r))
                for r in rows]
