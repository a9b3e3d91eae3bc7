"""Ledger reads and writes for the link stage: duplicates, stories, entity merges, positions.

Every write here touches a bounded number of rows found through an index (a document's LSH buckets,
the story or matter rows sharing its terms, one actor's sequence on one matter), which is what keeps
linking one more article cheap on a large ledger.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from storyledger.records import Story

STORY_TERMS_CAP = 150  # features kept per story centroid
MATTER_TERMS_CAP = 30
# Per feature, only the stories (matters) where it weighs most are candidates: a word shared by
# thousands of stories says nothing about which one a new article belongs to, and this cap is
# what keeps the lookup's cost flat as the ledger grows.
POSTINGS_CAP = 40


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(slots=True)
class LinkDoc:
    """What the link stage reads of one stored document."""

    id: str
    text: str
    title: str | None
    outlet: str | None
    published: date | None


@dataclass(slots=True)
class LedgerEntity:
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]


@dataclass(slots=True)
class Candidate:
    """A story or matter sharing features with a new item; ``dot`` is the raw dot product."""

    id: str
    dot: float
    norm: float
    last: date | None = None


@dataclass(slots=True)
class PositionClaim:
    """A claim as the positions step reads it, with its ledger actor entities."""

    document_id: str
    local_id: str
    actor_text: str
    actor_entities: list[str]
    action: str
    target: str | None
    target_entity: str | None
    stance: str
    polarity: str
    condition: str | None
    day: date | None
    seq: int
    evidence_start: int


@dataclass(slots=True)
class TimelineLine:
    """One line of a timeline: a claim, its actor's mark on its matter, and where it came from."""

    date: date | None
    actor: str
    actor_id: str | None
    matter_id: str
    matter: str
    mark: str
    stance: str
    polarity: str
    claim: str
    condition: str | None
    evidence: str
    document_id: str
    claim_id: str
    start: int
    end: int
    outlet: str | None
    also_in: list[str] = field(default_factory=list)  # outlets of near-duplicates of the document
    previous: str | None = None  # "document_id/claim_id" of the step this one is compared with


@dataclass(slots=True)
class StoryRow:
    id: str
    label: str
    first: date | None
    last: date | None
    documents: int  # distinct articles (near-duplicates counted once)
    copies: int  # every stored document, near-duplicates included
    outlets: list[str]


class StoryQueries:
    """Mixed into SQLiteLedger; ``self.conn`` is its connection."""

    conn: sqlite3.Connection

    # -- what is left to link ----------------------------------------------------------------

    def unlinked_documents(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM link_state) ORDER BY rowid"
        ).fetchall()
        return [r[0] for r in rows]

    def _count(self, name: str) -> int:
        r = self.conn.execute("SELECT n FROM link_counts WHERE name = ?", (name,)).fetchone()
        return int(r[0]) if r else 0

    def _bump(self, name: str) -> None:
        self.conn.execute("INSERT INTO link_counts (name, n) VALUES (?, 1)"
                          " ON CONFLICT (name) DO UPDATE SET n = n + 1", (name,))

    def mark_linked(self, document_id: str) -> None:
        if self.conn.execute("SELECT 1 FROM link_state WHERE document_id = ?", (document_id,)).fetchone():
            return
        self._bump("documents")
        self.conn.execute("INSERT INTO link_state (document_id, seq) VALUES (?, ?)",
                          (document_id, self._count("documents")))

    def link_doc(self, document_id: str) -> LinkDoc:
        r = self.conn.execute("SELECT id, text, title, outlet, published FROM documents WHERE id = ?",
                              (document_id,)).fetchone()
        return LinkDoc(r["id"], r["text"], r["title"], r["outlet"], _d(r["published"]))

    def clear_links(self) -> None:
        """Forget every link (not the user's overrides), so everything can be linked again."""
        for table in ("link_state", "link_counts", "lsh_buckets", "doc_minhash", "duplicates", "term_df", "story_terms",
                      "story_documents", "stories", "entity_keys", "entity_context", "positions",
                      "matter_terms", "matters", "claim_df"):
            self.conn.execute(f"DELETE FROM {table}")
        self.conn.execute("UPDATE doc_entities SET entity_id = NULL")
        self.conn.execute("DELETE FROM entities")

    # -- near-duplicates ---------------------------------------------------------------------

    def lsh_candidates(self, buckets: Sequence[tuple[int, str]]) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT b.document_id FROM json_each(?) j JOIN lsh_buckets b"
            " ON b.band = json_extract(j.value, '$[0]') AND b.bucket = json_extract(j.value, '$[1]')",
            (json.dumps(list(buckets)),),
        ).fetchall()
        return [r[0] for r in rows]

    def minhash_signature(self, document_id: str) -> bytes | None:
        r = self.conn.execute("SELECT signature FROM doc_minhash WHERE document_id = ?", (document_id,)).fetchone()
        return r[0] if r else None

    def store_minhash(self, document_id: str, signature: bytes, buckets: Sequence[tuple[int, str]]) -> None:
        self.conn.execute("INSERT OR REPLACE INTO doc_minhash (document_id, signature) VALUES (?, ?)",
                          (document_id, signature))
        self.conn.executemany("INSERT OR IGNORE INTO lsh_buckets (band, bucket, document_id) VALUES (?, ?, ?)",
                              [(b, k, document_id) for b, k in buckets])

    def set_duplicate(self, document_id: str, canonical_id: str, similarity: float) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO duplicates (document_id, canonical_id, similarity) VALUES (?, ?, ?)",
            (document_id, canonical_id, similarity),
        )

    def canonical_of(self, document_id: str) -> str:
        r = self.conn.execute("SELECT canonical_id FROM duplicates WHERE document_id = ?", (document_id,)).fetchone()
        return r[0] if r else document_id

    def duplicate_group(self, document_id: str) -> list[str]:
        """The document's near-duplicates, canonical first, then in ingestion order."""
        canonical = self.canonical_of(document_id)
        rows = self.conn.execute(
            "SELECT d.document_id FROM duplicates d JOIN documents doc ON doc.id = d.document_id"
            " WHERE d.canonical_id = ? ORDER BY d.document_id != ?, doc.rowid", (canonical, canonical),
        ).fetchall()
        return [r[0] for r in rows] or [document_id]

    def duplicate_sources(self, document_id: str) -> list[tuple[str, str | None, str | None]]:
        """(document id, outlet, url or source) of every copy of this document, canonical first."""
        out = []
        for doc_id in self.duplicate_group(document_id):
            r = self.conn.execute("SELECT outlet, coalesce(url, source) AS where_ FROM documents WHERE id = ?",
                                  (doc_id,)).fetchone()
            out.append((doc_id, r["outlet"], r["where_"]))
        return out

    # -- term statistics ---------------------------------------------------------------------

    def _df(self, table: str, terms: Iterable[str]) -> dict[str, int]:
        rows = self.conn.execute(
            f"SELECT t.term, t.df FROM json_each(?) j JOIN {table} t ON t.term = j.value",
            (json.dumps(sorted(set(terms))),),
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def _bump_df(self, table: str, terms: Iterable[str]) -> None:
        self.conn.executemany(
            f"INSERT INTO {table} (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1",
            [(t,) for t in sorted(set(terms))],
        )

    def term_df(self, terms: Iterable[str]) -> dict[str, int]:
        return self._df("term_df", terms)

    def bump_term_df(self, terms: Iterable[str]) -> None:
        self._bump_df("term_df", terms)

    def claim_df(self, terms: Iterable[str]) -> dict[str, int]:
        return self._df("claim_df", terms)

    def bump_claim_df(self, terms: Iterable[str]) -> None:
        self._bump_df("claim_df", terms)

    def n_linked(self) -> int:
        return self._count("documents")

    def n_position_claims(self) -> int:
        return self._count("claims")

    # -- stories -----------------------------------------------------------------------------

    def _candidates(self, table: str, owner: str, head: str, vector: dict[str, float], limit: int) -> list[Candidate]:
        """Items sharing features with ``vector``, best cosine first; each feature's postings are
        read through the (term, weight) index, strongest first, at most POSTINGS_CAP of them."""
        dots: dict[str, float] = {}
        sql = f"SELECT {owner}, weight FROM {table} WHERE term = ? ORDER BY weight DESC LIMIT {POSTINGS_CAP:d}"
        for term, w in vector.items():
            for owner_id, weight in self.conn.execute(sql, (term,)):
                dots[owner_id] = dots.get(owner_id, 0.0) + weight * w
        if not dots:
            return []
        last = ", last" if head == "stories" else ", NULL AS last"
        rows = self.conn.execute(f"SELECT id, norm{last} FROM {head} WHERE id IN (SELECT value FROM json_each(?))",
                                 (json.dumps(sorted(dots)),)).fetchall()
        found = [Candidate(r["id"], dots[r["id"]], r["norm"], _d(r["last"])) for r in rows]
        found.sort(key=lambda c: (-(c.dot / c.norm if c.norm else 0.0), c.id))
        return found[:limit]

    def story_candidates(self, vector: dict[str, float], limit: int = 20) -> list[Candidate]:
        return self._candidates("story_terms", "story_id", "stories", vector, limit)

    def _add_to_centroid(self, table: str, owner: str, head: str, owner_id: str, vector: dict[str, float],
                         cap: int) -> None:
        self.conn.executemany(
            f"INSERT INTO {table} ({owner}, term, weight) VALUES (?, ?, ?)"
            f" ON CONFLICT ({owner}, term) DO UPDATE SET weight = weight + excluded.weight",
            [(owner_id, t, w) for t, w in vector.items()],
        )
        self.conn.execute(
            f"DELETE FROM {table} WHERE {owner} = ? AND term NOT IN"
            f" (SELECT term FROM {table} WHERE {owner} = ? ORDER BY weight DESC, term LIMIT ?)",
            (owner_id, owner_id, cap),
        )
        norm2 = self.conn.execute(f"SELECT sum(weight * weight) FROM {table} WHERE {owner} = ?",
                                  (owner_id,)).fetchone()[0]
        self.conn.execute(f"UPDATE {head} SET norm = ?, n = n + 1 WHERE id = ?"
                          if head == "matters" else f"UPDATE {head} SET norm = ?, n_docs = n_docs + 1 WHERE id = ?",
                          (math.sqrt(norm2 or 0.0), owner_id))

    def add_to_story(self, story_id: str, document_id: str, vector: dict[str, float], day: date | None,
                     similarity: float) -> None:
        iso = day.isoformat() if day else None
        self.conn.execute("INSERT OR IGNORE INTO stories (id, label, first, last) VALUES (?, '', ?, ?)",
                          (story_id, iso, iso))
        if iso:
            self.conn.execute(
                "UPDATE stories SET first = CASE WHEN first IS NULL OR first > ? THEN ? ELSE first END,"
                " last = CASE WHEN last IS NULL OR last < ? THEN ? ELSE last END WHERE id = ?",
                (iso, iso, iso, iso, story_id),
            )
        self.conn.execute(
            "INSERT OR REPLACE INTO story_documents (document_id, story_id, similarity) VALUES (?, ?, ?)",
            (document_id, story_id, similarity),
        )
        self._add_to_centroid("story_terms", "story_id", "stories", story_id, vector, STORY_TERMS_CAP)

    def story_of(self, document_id: str) -> str | None:
        r = self.conn.execute("SELECT story_id FROM story_documents WHERE document_id = ?", (document_id,)).fetchone()
        return r[0] if r else None

    def story_top_terms(self, story_id: str, limit: int = 12) -> list[tuple[str, float]]:
        rows = self.conn.execute(
            "SELECT term, weight FROM story_terms WHERE story_id = ? ORDER BY weight DESC, term LIMIT ?",
            (story_id, limit),
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def set_story_label(self, story_id: str, label: str) -> None:
        self.conn.execute("UPDATE stories SET label = ? WHERE id = ?", (label, story_id))

    def story_latest_text(self, story_id: str) -> str:
        r = self.conn.execute(
            "SELECT coalesce(d.title, '') || '\n' || d.text FROM story_documents s JOIN documents d"
            " ON d.id = s.document_id WHERE s.story_id = ? ORDER BY d.rowid DESC LIMIT 1", (story_id,),
        ).fetchone()
        return r[0] if r else ""

    def story_document_ids(self, story_id: str, canonical_only: bool = False) -> list[str]:
        dedup = " AND s.document_id NOT IN (SELECT document_id FROM duplicates WHERE canonical_id != document_id)"
        rows = self.conn.execute(
            "SELECT s.document_id FROM story_documents s JOIN documents d ON d.id = s.document_id"
            f" WHERE s.story_id = ?{dedup if canonical_only else ''}"
            " ORDER BY d.published IS NULL, d.published, d.rowid", (story_id,),
        ).fetchall()
        return [r[0] for r in rows]

    def story(self, story_id: str) -> Story | None:
        """A story by id or unique id prefix, with all its documents (near-duplicates included)."""
        rows = self.conn.execute("SELECT * FROM stories WHERE id = ? OR id LIKE ? || '%' LIMIT 2",
                                 (story_id, story_id)).fetchall()
        exact = [r for r in rows if r["id"] == story_id]
        if exact:
            rows = exact
        if len(rows) != 1:
            return None
        r = rows[0]
        return Story(r["id"], r["label"], self.story_document_ids(r["id"]), _d(r["first"]), _d(r["last"]))

    def story_page(self, limit: int = 50, offset: int = 0):
        """Stories, latest first, as a Page of records.Story (the web app reads this)."""
        from storyledger.store.browse_queries import Page

        total = int(self.conn.execute("SELECT count(*) FROM stories").fetchone()[0])
        rows = self.conn.execute(
            "SELECT * FROM stories ORDER BY last IS NULL, last DESC, n_docs DESC, id LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        items = [Story(r["id"], r["label"], self.story_document_ids(r["id"]), _d(r["first"]), _d(r["last"]))
                 for r in rows]
        return Page(items, total, limit, offset)

    def story_rows(self, limit: int = 100) -> list[StoryRow]:
        rows = self.conn.execute(
            "SELECT s.*, (SELECT count(*) FROM story_documents sd WHERE sd.story_id = s.id"
            "   AND sd.document_id NOT IN (SELECT document_id FROM duplicates WHERE canonical_id != document_id))"
            "   AS distinct_docs,"
            " (SELECT json_group_array(DISTINCT d.outlet) FROM story_documents sd JOIN documents d"
            "   ON d.id = sd.document_id WHERE sd.story_id = s.id AND d.outlet IS NOT NULL) AS outlets"
            " FROM stories s ORDER BY s.last IS NULL, s.last DESC, s.n_docs DESC, s.id LIMIT ?", (limit,),
        ).fetchall()
        return [StoryRow(r["id"], r["label"], _d(r["first"]), _d(r["last"]), r["distinct_docs"], r["n_docs"],
                         sorted(json.loads(r["outlets"] or "[]"))) for r in rows]

    # -- entities ----------------------------------------------------------------------------

    def doc_entity_rows(self, document_id: str) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT de.local_id, de.name, de.type, de.aliases, de.roles, de.entity_id,"
            " (SELECT count(*) FROM mentions m WHERE m.document_id = de.document_id AND m.local_id = de.local_id)"
            " AS n FROM doc_entities de WHERE de.document_id = ? ORDER BY n DESC, de.local_id", (document_id,),
        ).fetchall()

    def ledger_entity(self, entity_id: str) -> LedgerEntity | None:
        r = self.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if r is None:
            return None
        roles = [x["text"] if isinstance(x, dict) else x for x in json.loads(r["roles"])]
        return LedgerEntity(r["id"], r["name"], r["type"], json.loads(r["aliases"]), roles)

    def entities_by_keys(self, keys: Iterable[str]) -> list[LedgerEntity]:
        rows = self.conn.execute(
            "SELECT DISTINCT e.* FROM json_each(?) j JOIN entity_keys k ON k.key = j.value"
            " JOIN entities e ON e.id = k.entity_id ORDER BY e.id LIMIT 200", (json.dumps(sorted(set(keys))),),
        ).fetchall()
        out = []
        for r in rows:
            roles = [x["text"] if isinstance(x, dict) else x for x in json.loads(r["roles"])]
            out.append(LedgerEntity(r["id"], r["name"], r["type"], json.loads(r["aliases"]), roles))
        return out

    def entity_neighbours(self, entity_id: str) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT neighbour FROM entity_context WHERE entity_id = ?",
                                                (entity_id,))}

    def add_entity_keys(self, entity_id: str, keys: Iterable[str]) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)",
                              [(k, entity_id) for k in sorted(set(keys))])

    def add_entity_context(self, entity_id: str, neighbours: Iterable[str]) -> None:
        self.conn.executemany(
            "INSERT INTO entity_context (entity_id, neighbour, n) VALUES (?, ?, 1)"
            " ON CONFLICT (entity_id, neighbour) DO UPDATE SET n = n + 1",
            [(entity_id, n) for n in sorted(set(neighbours)) if n != entity_id],
        )

    def upsert_entity(self, entity: LedgerEntity) -> None:
        self.conn.execute(
            "INSERT INTO entities (id, name, type, aliases, roles) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases,"
            " roles = excluded.roles",
            (entity.id, entity.name, entity.type, json.dumps(sorted(set(entity.aliases))),
             json.dumps(sorted(set(entity.roles)))),
        )

    def assign_doc_entity(self, document_id: str, local_id: str, entity_id: str) -> None:
        self.conn.execute("UPDATE doc_entities SET entity_id = ? WHERE document_id = ? AND local_id = ?",
                          (entity_id, document_id, local_id))

    def find_entities(self, ref: str) -> list[LedgerEntity]:
        """Entities whose id is ``ref`` or whose name or alias is ``ref`` (case-insensitive)."""
        rows = self.conn.execute(
            "SELECT * FROM entities e WHERE e.id = ? OR lower(e.name) = lower(?) OR EXISTS"
            " (SELECT 1 FROM json_each(e.aliases) a WHERE lower(a.value) = lower(?)) ORDER BY e.id",
            (ref, ref, ref),
        ).fetchall()
        return [LedgerEntity(r["id"], r["name"], r["type"], json.loads(r["aliases"]),
                             [x["text"] if isinstance(x, dict) else x for x in json.loads(r["roles"])]) for r in rows]

    def doc_entities_of(self, entity_id: str) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT document_id, local_id, name, type, aliases, roles FROM doc_entities WHERE entity_id = ?"
            " ORDER BY document_id, local_id", (entity_id,),
        ).fetchall()

    def move_entity(self, source_id: str, target_id: str) -> None:
        """Every trace of ``source_id`` now points at ``target_id``; ``source_id`` is gone."""
        c = self.conn
        c.execute("UPDATE doc_entities SET entity_id = ? WHERE entity_id = ?", (target_id, source_id))
        c.execute("INSERT OR IGNORE INTO entity_keys (key, entity_id) SELECT key, ? FROM entity_keys"
                  " WHERE entity_id = ?", (target_id, source_id))
        c.execute("DELETE FROM entity_keys WHERE entity_id = ?", (source_id,))
        c.execute("INSERT INTO entity_context (entity_id, neighbour, n) SELECT ?, neighbour, n FROM entity_context"
                  " WHERE entity_id = ? AND neighbour != ? AND true"
                  " ON CONFLICT (entity_id, neighbour) DO UPDATE SET n = n + excluded.n",
                  (target_id, source_id, target_id))
        c.execute("DELETE FROM entity_context WHERE entity_id = ?", (source_id,))
        c.execute("UPDATE positions SET actor_key = ? WHERE actor_key = ? AND NOT EXISTS (SELECT 1 FROM positions p"
                  " WHERE p.document_id = positions.document_id AND p.local_id = positions.local_id"
                  " AND p.actor_key = ?)", (target_id, source_id, target_id))
        c.execute("DELETE FROM positions WHERE actor_key = ?", (source_id,))
        c.execute("DELETE FROM entities WHERE id = ?", (source_id,))

    def remove_entity_keys(self, entity_id: str, keys: Iterable[str]) -> None:
        self.conn.executemany("DELETE FROM entity_keys WHERE entity_id = ? AND key = ?",
                              [(entity_id, k) for k in keys])

    def delete_entity_if_unused(self, entity_id: str) -> None:
        if self.conn.execute("SELECT 1 FROM doc_entities WHERE entity_id = ? LIMIT 1", (entity_id,)).fetchone():
            return
        for table, col in (("entity_keys", "entity_id"), ("entity_context", "entity_id"), ("entities", "id")):
            self.conn.execute(f"DELETE FROM {table} WHERE {col} = ?", (entity_id,))

    def add_override(self, kind: str, source_id: str, target_id: str | None, name_key: str | None = None,
                     document_id: str | None = None) -> None:
        self.conn.execute(
            "INSERT INTO entity_overrides (kind, source_id, target_id, name_key, document_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (kind, source_id, target_id, name_key, document_id,
             datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )

    def overrides(self) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM entity_overrides ORDER BY seq").fetchall()

    # -- positions ---------------------------------------------------------------------------

    def position_claims(self, document_id: str) -> list[PositionClaim]:
        rows = self.conn.execute(
            "SELECT c.*, coalesce(c.when_date, d.published) AS day, ls.seq,"
            " (SELECT json_group_array(de.entity_id) FROM json_each(c.actor_local_ids) j JOIN doc_entities de"
            "   ON de.document_id = c.document_id AND de.local_id = j.value WHERE de.entity_id IS NOT NULL) AS ents,"
            " (SELECT de.entity_id FROM doc_entities de WHERE de.document_id = c.document_id"
            "   AND de.local_id = c.target_local_id) AS target_entity"
            " FROM claims c JOIN documents d ON d.id = c.document_id"
            " LEFT JOIN link_state ls ON ls.document_id = c.document_id"
            " WHERE c.document_id = ? ORDER BY c.evidence_start", (document_id,),
        ).fetchall()
        return [
            PositionClaim(r["document_id"], r["local_id"], r["actor_text"], list(dict.fromkeys(json.loads(r["ents"]))),
                          r["action"], r["target"], r["target_entity"], r["stance"], r["polarity"],
                          r["condition_text"], _d(r["day"]), r["seq"] or 0, r["evidence_start"])
            for r in rows
        ]

    def matter_candidates(self, vector: dict[str, float], limit: int = 10) -> list[Candidate]:
        return self._candidates("matter_terms", "matter_id", "matters", vector, limit)

    def add_to_matter(self, matter_id: str, vector: dict[str, float]) -> None:
        self._bump("claims")
        self.conn.execute("INSERT OR IGNORE INTO matters (id, label) VALUES (?, '')", (matter_id,))
        self._add_to_centroid("matter_terms", "matter_id", "matters", matter_id, vector, MATTER_TERMS_CAP)

    def matter_top_terms(self, matter_id: str, limit: int = 3) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT term FROM matter_terms WHERE matter_id = ? ORDER BY weight DESC, term LIMIT ?", (matter_id, limit))]

    def set_matter_label(self, matter_id: str, label: str) -> None:
        self.conn.execute("UPDATE matters SET label = ? WHERE id = ?", (label, matter_id))

    def add_position(self, document_id: str, local_id: str, actor_key: str, matter_id: str, day: date | None) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO positions (document_id, local_id, actor_key, matter_id, day, mark)"
            " VALUES (?, ?, ?, ?, ?, 'new')",
            (document_id, local_id, actor_key, matter_id, day.isoformat() if day else None),
        )

    def position_sequence(self, actor_key: str, matter_id: str) -> list[sqlite3.Row]:
        """One actor's claims on one matter in date order (undated last), with what marking needs."""
        return self.conn.execute(
            "SELECT p.document_id, p.local_id, p.day, c.stance, c.polarity, c.condition_text, c.action"
            " FROM positions p JOIN claims c ON c.document_id = p.document_id AND c.local_id = p.local_id"
            " LEFT JOIN link_state ls ON ls.document_id = p.document_id"
            " WHERE p.actor_key = ? AND p.matter_id = ?"
            " ORDER BY p.day IS NULL, p.day, ls.seq, c.evidence_start", (actor_key, matter_id),
        ).fetchall()

    def set_mark(self, document_id: str, local_id: str, actor_key: str, mark: str,
                 previous: tuple[str, str] | None) -> None:
        self.conn.execute(
            "UPDATE positions SET mark = ?, previous_document_id = ?, previous_local_id = ?"
            " WHERE document_id = ? AND local_id = ? AND actor_key = ?",
            (mark, previous[0] if previous else None, previous[1] if previous else None,
             document_id, local_id, actor_key),
        )

    def story_sequences(self, story_id: str | None) -> set[tuple[str, str]]:
        """Every (actor, matter) sequence with a step in the story."""
        if story_id is None:
            return set()
        rows = self.conn.execute(
            "SELECT DISTINCT p.actor_key, p.matter_id FROM positions p JOIN story_documents sd"
            " ON sd.document_id = p.document_id WHERE sd.story_id = ?", (story_id,),
        ).fetchall()
        return {(r[0], r[1]) for r in rows}

    def actor_matters(self, actor_key: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT matter_id FROM positions WHERE actor_key = ? ORDER BY matter_id", (actor_key,))]

    def move_positions(self, source: str, target: str, document_ids: Sequence[str]) -> None:
        """Positions of ``source`` in these documents become ``target``'s (after a split)."""
        self.conn.execute(
            "UPDATE OR REPLACE positions SET actor_key = ? WHERE actor_key = ?"
            " AND document_id IN (SELECT value FROM json_each(?))", (target, source, json.dumps(list(document_ids))),
        )

    def dependencies_on(self, entity_ids: Sequence[str], story_id: str | None) -> list[sqlite3.Row]:
        """Claims in the story that name one of ``entity_ids`` as a party they depend on."""
        if not entity_ids or story_id is None:
            return []
        return self.conn.execute(
            "SELECT c.document_id, c.local_id, coalesce(c.when_date, d.published) AS day, c.action, c.target"
            " FROM claims c JOIN documents d ON d.id = c.document_id"
            " JOIN story_documents sd ON sd.document_id = c.document_id AND sd.story_id = ?"
            " JOIN doc_entities de ON de.document_id = c.document_id AND de.local_id = c.target_local_id"
            " WHERE de.entity_id IN (SELECT value FROM json_each(?))", (story_id, json.dumps(list(entity_ids))),
        ).fetchall()

    # -- timeline ----------------------------------------------------------------------------

    def timeline_lines(self, document_ids: Sequence[str] | None = None, actor: str | None = None,
                       query: str | None = None, limit: int = 500) -> list[TimelineLine]:
        """Positions in date order; near-duplicate copies of a document are shown once."""
        where = ["p.document_id NOT IN (SELECT document_id FROM duplicates WHERE canonical_id != document_id)"]
        params: list[object] = []
        if document_ids is not None:
            where.append("p.document_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(document_ids)))
        if actor:
            where.append("(e.name LIKE ? OR e.aliases LIKE ? OR c.actor_text LIKE ?)")
            params += [f"%{actor}%"] * 3
        if query:
            for word in query.split():
                where.append("(m.label LIKE ? OR c.action LIKE ? OR c.evidence_text LIKE ? OR c.target LIKE ?)")
                params += [f"%{word}%"] * 4
        rows = self.conn.execute(
            "SELECT p.*, c.action, c.stance, c.polarity, c.condition_text, c.evidence_text, c.evidence_start,"
            " c.evidence_end, c.actor_text, e.name AS entity_name, m.label AS matter_label, d.outlet"
            " FROM positions p JOIN claims c ON c.document_id = p.document_id AND c.local_id = p.local_id"
            " JOIN documents d ON d.id = p.document_id JOIN matters m ON m.id = p.matter_id"
            " LEFT JOIN entities e ON e.id = p.actor_key"
            " LEFT JOIN link_state ls ON ls.document_id = p.document_id"
            f" WHERE {' AND '.join(where)}"
            " ORDER BY p.day IS NULL, p.day, ls.seq, c.evidence_start, p.actor_key LIMIT ?", (*params, limit),
        ).fetchall()
        out = []
        for r in rows:
            copies = [o for _id, o, _w in self.duplicate_sources(r["document_id"])[1:] if o]
            prev = f"{r['previous_document_id']}/{r['previous_local_id']}" if r["previous_document_id"] else None
            out.append(TimelineLine(
                _d(r["day"]), r["entity_name"] or r["actor_text"], r["actor_key"] if r["entity_name"] else None,
                r["matter_id"], r["matter_label"], r["mark"], r["stance"], r["polarity"], r["action"],
                r["condition_text"], r["evidence_text"], r["document_id"], r["local_id"], r["evidence_start"],
                r["evidence_end"], r["outlet"], copies, prev,
            ))
        return out
