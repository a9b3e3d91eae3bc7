"""Positions: each claim placed in its actors' sequences on its matter, with the step's mark."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from storyledger.link.records import Change, Dependency, Mark, MatterVector, PositionClaim, PositionStep
from storyledger.records import Polarity, Stance
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.progress import bump_count, read_count
from storyledger.store.sqlite.values import iso, iso_date


# When a claim's position was taken: its article's date, or the claim's own date when the whole of it
# lies before the article ("rejected the plan in 2015"). Over claims c joined to documents d.
STATED = (
    "CASE WHEN c.when_date IS NOT NULL AND (d.published IS NULL OR coalesce(c.when_date_end, c.when_date)"
    " < d.published) THEN c.when_date ELSE d.published END"
)


class Positions(Connection):
    def position_claims(self, document_id: str) -> list[PositionClaim]:
        return self._records(
            lambda r: PositionClaim(r["document_id"], r["local_id"], r["actor_text"],
                                    list(dict.fromkeys(json.loads(r["ents"]))), r["action"], r["target"],
                                    r["target_entity"], iso_date(r["day"])),
            "SELECT c.*, coalesce(c.when_date, d.published) AS day,"
            " (SELECT json_group_array(de.entity_id) FROM json_each(c.actor_local_ids) j JOIN doc_entities de"
            "   ON de.document_id = c.document_id AND de.local_id = j.value WHERE de.entity_id IS NOT NULL) AS ents,"
            " (SELECT de.entity_id FROM doc_entities de WHERE de.document_id = c.document_id"
            "   AND de.local_id = c.target_local_id) AS target_entity"
            " FROM claims c JOIN documents d ON d.id = c.document_id"
            " WHERE c.document_id = ? ORDER BY c.evidence_start", (document_id,),
        )

    def n_position_claims(self) -> int:
        return read_count(self._conn, "claims")

    def add_to_matter(self, matter_id: str) -> None:
        bump_count(self._conn, "claims")
        self._conn.execute("INSERT OR IGNORE INTO matters (id, label) VALUES (?, '')", (matter_id,))
        self._conn.execute("UPDATE matters SET n = n + 1 WHERE id = ?", (matter_id,))

    def set_matter_label(self, matter_id: str, label: str) -> None:
        self._conn.execute("UPDATE matters SET label = ? WHERE id = ?", (label, matter_id))

    def story_matter_vectors(self, story_id: str, model: str) -> list[MatterVector]:
        return self._records(
            lambda r: MatterVector(r["matter_id"], r["model"], r["total"], r["label"], r["label_vector"]),
            "SELECT v.* FROM story_matters sm JOIN matter_vectors v ON v.matter_id = sm.matter_id"
            " WHERE sm.story_id = ? AND v.model = ? ORDER BY v.matter_id", (story_id, model),
        )

    def actor_matter_vectors(self, actor_keys: Sequence[str], model: str, recent: int) -> list[MatterVector]:
        found: dict[str, MatterVector] = {}
        for key in actor_keys:
            for m in self._records(
                lambda r: MatterVector(r["matter_id"], r["model"], r["total"], r["label"], r["label_vector"]),
                "SELECT v.* FROM matter_vectors v WHERE v.model = ? AND v.matter_id IN (SELECT matter_id FROM"
                " (SELECT matter_id FROM positions WHERE actor_key = ? ORDER BY day DESC LIMIT ?))",
                (model, key, recent),
            ):
                found[m.id] = m
        return [found[k] for k in sorted(found)]

    def save_matter_vector(self, story_id: str | None, matter: MatterVector) -> None:
        self._conn.execute(
            "INSERT INTO matter_vectors (matter_id, model, total, label, label_vector) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (matter_id) DO UPDATE SET model = excluded.model, total = excluded.total,"
            " label = excluded.label, label_vector = excluded.label_vector",
            (matter.id, matter.model, matter.total, matter.label, matter.label_vector),
        )
        if story_id is not None:
            self._conn.execute("INSERT OR IGNORE INTO story_matters (story_id, matter_id) VALUES (?, ?)",
                               (story_id, matter.id))

    def add_position(self, document_id: str, local_id: str, actor_key: str, matter_id: str, day: date | None) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO positions (document_id, local_id, actor_key, matter_id, day, mark)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (document_id, local_id, actor_key, matter_id, iso(day), Mark.NEW.value),
        )

    def position_sequence(self, actor_key: str, matter_id: str) -> list[PositionStep]:
        return self._records(
            lambda r: PositionStep(r["document_id"], r["local_id"], iso_date(r["day"]), Stance(r["stance"]),
                                   Polarity(r["polarity"]), r["condition_text"], r["action"],
                                   iso_date(r["stated"]), r["canonical"], r["evidence_text"]),
            f"SELECT p.document_id, p.local_id, p.day, c.stance, c.polarity, c.condition_text, c.action,"
            f" c.evidence_text, {STATED} AS stated, coalesce(dup.canonical_id, p.document_id) AS canonical"
            " FROM positions p JOIN claims c ON c.document_id = p.document_id AND c.local_id = p.local_id"
            " JOIN documents d ON d.id = p.document_id"
            " LEFT JOIN duplicates dup ON dup.document_id = p.document_id"
            " LEFT JOIN link_state ls ON ls.document_id = p.document_id"
            " WHERE p.actor_key = ? AND p.matter_id = ?"
            f" ORDER BY {STATED} IS NULL, {STATED}, ls.seq, c.evidence_start", (actor_key, matter_id),
        )

    def set_mark(self, document_id: str, local_id: str, actor_key: str, mark: Mark, change: Change | None,
                 previous: tuple[str, str] | None) -> None:
        self._conn.execute(
            "UPDATE positions SET mark = ?, change = ?, previous_document_id = ?, previous_local_id = ?"
            " WHERE document_id = ? AND local_id = ? AND actor_key = ?",
            (mark.value, change.value if change else None, previous[0] if previous else None,
             previous[1] if previous else None, document_id, local_id, actor_key),
        )

    def story_sequences(self, story_id: str | None) -> set[tuple[str, str]]:
        if story_id is None:
            return set()
        rows = self._conn.execute(
            "SELECT DISTINCT p.actor_key, p.matter_id FROM positions p JOIN story_documents sd"
            " ON sd.document_id = p.document_id WHERE sd.story_id = ?", (story_id,),
        ).fetchall()
        return {(r[0], r[1]) for r in rows}

    def actor_matters(self, actor_key: str) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT DISTINCT matter_id FROM positions WHERE actor_key = ? ORDER BY matter_id", (actor_key,))]

    def move_positions(self, source: str, target: str, document_ids: Sequence[str]) -> None:
        self._conn.execute(
            "UPDATE OR REPLACE positions SET actor_key = ? WHERE actor_key = ?"
            " AND document_id IN (SELECT value FROM json_each(?))", (target, source, json.dumps(list(document_ids))),
        )

    def dependencies_on(self, entity_ids: Sequence[str], story_id: str | None) -> list[Dependency]:
        if not entity_ids or story_id is None:
            return []
        return self._records(
            lambda r: Dependency(r["document_id"], r["local_id"], iso_date(r["day"]), r["action"], r["target"]),
            "SELECT c.document_id, c.local_id, coalesce(c.when_date, d.published) AS day, c.action, c.target"
            " FROM claims c JOIN documents d ON d.id = c.document_id"
            " JOIN story_documents sd ON sd.document_id = c.document_id AND sd.story_id = ?"
            " JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = c.target_local_id"
            " WHERE de.entity_id IN (SELECT value FROM json_each(?))", (story_id, json.dumps(list(entity_ids))),
        )
