"""Story and matter centroids behind an inverted index of their terms, and term document frequencies.

The link stage scores and updates centroids; this module only keeps them. Postings are read
through the (term, weight) index, so a lookup's cost does not grow with the ledger.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyledger.link.records import Centroid, ClusterHead, Clusters, Posting
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.values import iso_date


@dataclass(frozen=True, slots=True)
class _Tables:
    df: str  # term -> how many items hold it
    terms: str  # the centroids, one row per (cluster, term)
    owner: str  # the cluster column of ``terms``
    head: str  # one row per cluster
    last: str  # the head's latest date, if it has one


_TABLES = {
    Clusters.STORIES: _Tables("term_df", "story_terms", "story_id", "stories", "last"),
    Clusters.MATTERS: _Tables("claim_df", "matter_terms", "matter_id", "matters", "NULL"),
}


class ClusterStore(Connection):
    def term_df(self, clusters: Clusters, terms: Iterable[str]) -> dict[str, int]:
        rows = self._conn.execute(
            f"SELECT t.term, t.df FROM json_each(?) j JOIN {_TABLES[clusters].df} t ON t.term = j.value",
            (json.dumps(sorted(set(terms))),),
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def bump_term_df(self, clusters: Clusters, terms: Iterable[str]) -> None:
        self._conn.executemany(
            f"INSERT INTO {_TABLES[clusters].df} (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1",
            [(t,) for t in sorted(set(terms))],
        )

    def postings(self, clusters: Clusters, term: str, limit: int) -> list[Posting]:
        t = _TABLES[clusters]
        return self._records(lambda r: Posting(r[0], r[1]),
                             f"SELECT {t.owner}, weight FROM {t.terms} WHERE term = ? ORDER BY weight DESC, rowid DESC LIMIT ?",
                             (term, limit))

    def cluster_heads(self, clusters: Clusters, cluster_ids: Sequence[str]) -> list[ClusterHead]:
        t = _TABLES[clusters]
        rows = self._conn.execute(
            f"SELECT id, norm, {t.last} FROM {t.head} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (json.dumps(list(cluster_ids)),),
        )
        return [ClusterHead(cid, norm, iso_date(last)) for cid, norm, last in rows]

    def centroid(self, clusters: Clusters, cluster_id: str) -> Centroid:
        t = _TABLES[clusters]
        terms = {term: w for term, w in self._conn.execute(
            f"SELECT term, weight FROM {t.terms} WHERE {t.owner} = ? ORDER BY term", (cluster_id,))}
        r = self._conn.execute(f"SELECT norm FROM {t.head} WHERE id = ?", (cluster_id,)).fetchone()
        return Centroid(terms, r[0] if r else 0.0)

    def save_centroid(self, clusters: Clusters, cluster_id: str, centroid: Centroid) -> None:
        t = _TABLES[clusters]
        self._conn.executemany(
            f"INSERT INTO {t.terms} ({t.owner}, term, weight) VALUES (?, ?, ?)"
            f" ON CONFLICT ({t.owner}, term) DO UPDATE SET weight = excluded.weight WHERE weight != excluded.weight",
            [(cluster_id, term, w) for term, w in centroid.terms.items()],
        )
        self._conn.execute(
            f"DELETE FROM {t.terms} WHERE {t.owner} = ? AND term NOT IN (SELECT value FROM json_each(?))",
            (cluster_id, json.dumps(list(centroid.terms))),
        )
        self._conn.execute(f"UPDATE {t.head} SET norm = ? WHERE id = ?", (centroid.norm, cluster_id))
