"""Reading positions for the views: the timeline, each actor's latest stance per matter, the chart."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from storyledger.link.records import Mark
from storyledger.records import Polarity, Stance
from storyledger.store.read_models import ChartPoint, LatestPosition, Revision, TimelineLine
from storyledger.store.sqlite.documents import NOT_A_COPY
from storyledger.store.sqlite.duplicates import Duplicates
from storyledger.store.sqlite.values import Where, iso_date

# An actor's claims in one of two senses of "matter": the link stage's (claims about the same thing),
# else the claim's category. Each row: actor, name, matter, day, document_id, local_id, stance,
# polarity, evidence_text, evidence_start.
_BY_MATTER = (
    "SELECT p.actor_key AS actor, e.name, m.label AS matter, p.day, p.document_id, p.local_id,"
    " c.stance, c.polarity, c.evidence_text, c.evidence_start FROM positions p"
    " JOIN claims c ON c.document_id = p.document_id AND c.local_id = p.local_id"
    " JOIN entities e ON e.id = p.actor_key JOIN matters m ON m.id = p.matter_id"
)
_BY_CATEGORY = (
    "SELECT de.entity_id AS actor, e.name, c.category AS matter, coalesce(c.when_date, d.published) AS day,"
    " c.document_id, c.local_id, c.stance, c.polarity, c.evidence_text, c.evidence_start"
    " FROM claims c JOIN documents d ON d.id = c.document_id, json_each(c.actor_local_ids) j"
    " JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
    " JOIN entities e ON e.id = de.entity_id"
)


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
                       query: str | None = None, limit: int = 500) -> list[TimelineLine]:
        # A later version of an article shows only what it added (a correction); a claim its version
        # before already made is left out, and so is every copy of a near-duplicate.
        where = Where(f"({NOT_A_COPY.format(col='p.document_id')} OR {_REVISION} = 'correction')",
                      f"NOT coalesce({_IN_PREVIOUS}, false)")
        where.scope("p.document_id", document_ids)
        if actor:
            where.add("(e.name LIKE ? OR e.aliases LIKE ? OR c.actor_text LIKE ?)", *[f"%{actor}%"] * 3)
        for word in (query or "").split():
            where.add("(m.label LIKE ? OR c.action LIKE ? OR c.evidence_text LIKE ? OR c.target LIKE ?)",
                      *[f"%{word}%"] * 4)
        rows = self._conn.execute(
            "SELECT p.*, c.action, c.stance, c.polarity, c.condition_text, c.evidence_text, c.evidence_start,"
            " c.evidence_end, c.actor_text, e.name AS entity_name, m.label AS matter_label, d.outlet,"
            f" {_REVISION} AS revision"
            " FROM positions p JOIN claims c ON c.document_id = p.document_id AND c.local_id = p.local_id"
            " JOIN documents d ON d.id = p.document_id JOIN matters m ON m.id = p.matter_id"
            " LEFT JOIN entities e ON e.id = p.actor_key"
            " LEFT JOIN link_state ls ON ls.document_id = p.document_id"
            f"{_VERSION_JOINS}{where.sql} ORDER BY p.day IS NULL, p.day, ls.seq, c.evidence_start, p.actor_key LIMIT ?",
            (*where.params, limit),
        ).fetchall()
        out = []
        for r in rows:
            copies = [c.outlet for c in self.duplicate_sources(r["document_id"])[1:] if c.outlet]
            prev = f"{r['previous_document_id']}/{r['previous_local_id']}" if r["previous_document_id"] else None
            out.append(TimelineLine(
                iso_date(r["day"]), r["entity_name"] or r["actor_text"], r["actor_key"] if r["entity_name"] else None,
                r["matter_id"], r["matter_label"], Mark(r["mark"]), Stance(r["stance"]), Polarity(r["polarity"]),
                r["action"], r["condition_text"], r["evidence_text"], r["document_id"], r["local_id"],
                r["evidence_start"], r["evidence_end"], r["outlet"], copies, prev,
                Revision(r["revision"]) if r["revision"] else None,
            ))
        return out

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
            " ranked AS (SELECT ap.*, row_number() OVER (PARTITION BY ap.actor, ap.matter"
            "   ORDER BY ap.day IS NULL, ap.day DESC, ap.document_id DESC, ap.evidence_start DESC) AS rn"
            "   FROM ap WHERE ap.actor IN (SELECT actor FROM top))"
            " SELECT * FROM ranked WHERE rn = 1 ORDER BY name, matter", (*where.params, actors),
        ).fetchall()
        return [LatestPosition(r["actor"], r["name"], r["matter"], Stance(r["stance"]), Polarity(r["polarity"]),
                               iso_date(r["day"]), r["document_id"], r["local_id"], r["evidence_text"]) for r in rows]

    def chart_points(self, document_ids: Sequence[str] | None = None, actors: int = 8,
                     limit: int = 2000) -> list[ChartPoint]:
        where = Where("de.entity_id IS NOT NULL", "coalesce(c.when_date, d.published) IS NOT NULL")
        where.scope("c.document_id", document_ids)
        rows = self._conn.execute(
            "WITH ac AS (SELECT de.entity_id, e.name, c.document_id, c.local_id, c.stance, c.action,"
            "   coalesce(c.when_date, d.published) AS day"
            "   FROM claims c JOIN documents d ON d.id = c.document_id, json_each(c.actor_local_ids) j"
            "   JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = j.value"
            f"  JOIN entities e ON e.id = de.entity_id{where.sql}),"
            " top AS (SELECT entity_id FROM ac GROUP BY entity_id ORDER BY count(*) DESC, min(name) LIMIT ?)"
            " SELECT * FROM ac WHERE entity_id IN (SELECT entity_id FROM top) ORDER BY day, name LIMIT ?",
            (*where.params, actors, limit),
        ).fetchall()
        return [ChartPoint(r["entity_id"], r["name"], date.fromisoformat(r["day"]), Stance(r["stance"]),
                           r["document_id"], r["local_id"], r["action"]) for r in rows]
