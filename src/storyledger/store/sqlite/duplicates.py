"""Near-duplicates: MinHash signatures, their LSH buckets, and the groups of copies of one article."""

from __future__ import annotations

import json
from collections.abc import Sequence

from storyledger.store.read_models import Copy
from storyledger.store.sqlite.connection import Connection


class Duplicates(Connection):
    def lsh_candidates(self, buckets: Sequence[tuple[int, str]]) -> list[str]:
        rows = self._conn.execute(
            "SELECT DISTINCT b.document_id FROM json_each(?) j JOIN lsh_buckets b"
            " ON b.band = json_extract(j.value, '$[0]') AND b.bucket = json_extract(j.value, '$[1]')",
            (json.dumps(list(buckets)),),
        ).fetchall()
        return [r[0] for r in rows]

    def minhash_signature(self, document_id: str) -> bytes | None:
        r = self._conn.execute("SELECT signature FROM doc_minhash WHERE document_id = ?", (document_id,)).fetchone()
        return r[0] if r else None

    def store_minhash(self, document_id: str, signature: bytes, buckets: Sequence[tuple[int, str]]) -> None:
        self._conn.execute("INSERT OR REPLACE INTO doc_minhash (document_id, signature) VALUES (?, ?)",
                           (document_id, signature))
        self._conn.executemany("INSERT OR IGNORE INTO lsh_buckets (band, bucket, document_id) VALUES (?, ?, ?)",
                               [(b, k, document_id) for b, k in buckets])

    def set_duplicate(self, document_id: str, canonical_id: str, similarity: float) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO duplicates (document_id, canonical_id, similarity) VALUES (?, ?, ?)",
            (document_id, canonical_id, similarity),
        )

    def canonical_of(self, document_id: str) -> str:
        r = self._conn.execute("SELECT canonical_id FROM duplicates WHERE document_id = ?", (document_id,)).fetchone()
        return r[0] if r else document_id

    def duplicate_group(self, document_id: str) -> list[str]:
        canonical = self.canonical_of(document_id)
        rows = self._conn.execute(
            "SELECT d.document_id FROM duplicates d JOIN documents doc ON doc.id = d.document_id"
            " WHERE d.canonical_id = ? ORDER BY d.document_id != ?, doc.rowid", (canonical, canonical),
        ).fetchall()
        return [r[0] for r in rows] or [document_id]

    def duplicate_sources(self, document_id: str) -> list[Copy]:
        out = []
        for doc_id in self.duplicate_group(document_id):
            r = self._conn.execute("SELECT outlet, coalesce(url, source) FROM documents WHERE id = ?",
                                   (doc_id,)).fetchone()
            out.append(Copy(doc_id, r[0], r[1]))
        return out
