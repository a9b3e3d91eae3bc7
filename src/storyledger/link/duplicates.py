"""Near-duplicates: the same article syndicated or re-scraped, found by MinHash over word shingles.

datasketch computes the signatures; the LSH bands live in the ledger (table lsh_buckets) rather than
in datasketch's in-memory MinHashLSH, so the index persists and a new document only reads the
buckets it falls in, whatever the ledger's size.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from storyledger.link.ports import DuplicateIndex
from storyledger.link.text import shingles

NUM_PERM = 128
BANDS, ROWS = 32, 4  # candidate pairs from Jaccard ~0.4 up; verified below
THRESHOLD = 0.7  # estimated Jaccard of word 4-shingles above which two texts are one article
_SEED = 1


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=_SEED)
_PERMUTATIONS, _SCHEME = _TEMPLATE.permutations, _TEMPLATE.scheme  # drawn once, not per document


def signature(text: str) -> np.ndarray:
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_PERMUTATIONS, scheme=_SCHEME)
    m.update_batch(sorted(shingles(text)))
    return m.hashvalues.astype(np.uint64)


def buckets(sig: np.ndarray) -> list[tuple[int, str]]:
    return [
        (b, hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest())
        for b in range(BANDS)
    ]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def link_duplicate(ledger: DuplicateIndex, document_id: str, text: str) -> str:
    """Index the document and join it to the group of its nearest near-duplicate; returns the canonical
    id of its group (its own id when it has none). The first document of a group stays canonical."""
    sig = signature(text)
    bands = buckets(sig)
    best, best_sim = None, 0.0
    for other in ledger.lsh_candidates(bands):
        if other == document_id:
            continue
        raw = ledger.minhash_signature(other)
        if raw is None:
            continue
        sim = jaccard(sig, np.frombuffer(raw, dtype=np.uint64))
        if sim > best_sim:
            best, best_sim = other, sim
    ledger.store_minhash(document_id, sig.astype("<u8").tobytes(), bands)
    if best is not None and best_sim >= THRESHOLD:
        canonical = ledger.canonical_of(best)
        ledger.set_duplicate(document_id, canonical, best_sim)
        ledger.set_duplicate(canonical, canonical, 1.0)
        return canonical
    return document_id
