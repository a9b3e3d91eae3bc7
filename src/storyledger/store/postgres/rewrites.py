"""The few queries whose SQLite form has no translation: each is written again here in PostgreSQL's
dialect, the rest of the ledger runs the SQLite modules' SQL (storyledger.store.postgres.dialect)."""

from __future__ import annotations

from collections.abc import Sequence

from storyledger.store.postgres.connection import PostgresConnection


class Rewrites(PostgresConnection):
    def lsh_candidates(self, buckets: Sequence[tuple[int, str]]) -> list[str]:
        """SQLite reads the (band, bucket) pairs with json_extract; here they are two arrays."""
        rows = self._pg.execute(
            "SELECT DISTINCT b.document_id FROM unnest(%s::bigint[], %s::text[]) AS j (band, bucket)"
            " JOIN lsh_buckets b ON b.band = j.band AND b.bucket = j.bucket",
            ([b for b, _k in buckets], [k for _b, k in buckets])).fetchall()
        return [r[0] for r in rows]

    def move_positions(self, source: str, target: str, document_ids: Sequence[str]) -> None:
        """UPDATE OR REPLACE: a position the target already holds replaces the moved one."""
        ids = list(document_ids)
        self._pg.execute(
            "DELETE FROM positions p WHERE p.actor_key = %s AND p.document_id = ANY (%s) AND EXISTS (SELECT 1"
            " FROM positions q WHERE q.document_id = p.document_id AND q.local_id = p.local_id"
            " AND q.actor_key = %s)", (target, ids, source))
        self._pg.execute("UPDATE positions SET actor_key = %s WHERE actor_key = %s AND document_id = ANY (%s)",
                         (target, source, ids))
