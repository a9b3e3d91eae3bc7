"""Weights and centroids for the incremental clusterings (articles into stories, claims into matters).

A new item is a TF-IDF vector; its candidates are the clusters sharing its terms, read through the
ledger's inverted index, and it is scored by cosine with each candidate's centroid. A cluster's
centroid is the sum of its members' vectors, capped to its strongest terms.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

from storyledger.link.ports import ClusterIndex
from storyledger.link.records import Centroid, Clusters

# Per term, only the clusters where it weighs most are candidates: a word shared by thousands of
# stories says nothing about which one a new article belongs to, and this cap is what keeps the
# lookup's cost flat as the ledger grows.
POSTINGS_CAP = 40


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    similarity: float  # cosine between the new item's vector and the cluster's centroid
    last: date | None


def tfidf(counts: Counter[str], df: dict[str, int], n_docs: int, top: int) -> dict[str, float]:
    """The ``top`` strongest TF-IDF weights (sublinear tf, smoothed idf), L2-normalised."""
    weights = {
        t: (1 + math.log(c)) * (math.log((1 + n_docs) / (1 + df.get(t, 0))) + 1) for t, c in counts.items()
    }
    best = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top])
    norm = math.sqrt(sum(w * w for w in best.values())) or 1.0
    return {t: w / norm for t, w in best.items()}


def nearest(ledger: ClusterIndex, clusters: Clusters, vector: dict[str, float], limit: int) -> list[Candidate]:
    """Clusters sharing terms with ``vector``, most similar first (ties by id)."""
    dots: dict[str, float] = {}
    for term, w in vector.items():
        for posting in ledger.postings(clusters, term, POSTINGS_CAP):
            dots[posting.cluster_id] = dots.get(posting.cluster_id, 0.0) + posting.weight * w
    if not dots:
        return []
    found = [Candidate(h.id, dots[h.id] / h.norm if h.norm else 0.0, h.last)
             for h in ledger.cluster_heads(clusters, sorted(dots))]
    found.sort(key=lambda c: (-c.similarity, c.id))
    return found[:limit]


def add_to_centroid(ledger: ClusterIndex, clusters: Clusters, cluster_id: str, vector: dict[str, float],
                    cap: int) -> Centroid:
    """Add ``vector`` to the cluster's centroid, keep its ``cap`` strongest terms (ties by term) and save it."""
    terms = dict(ledger.centroid(clusters, cluster_id).terms)
    for term, w in vector.items():
        terms[term] = terms.get(term, 0.0) + w
    keep = {t for t, _w in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]}
    kept = {t: w for t, w in terms.items() if t in keep}
    centroid = Centroid(kept, math.sqrt(sum(w * w for _t, w in sorted(kept.items()))))
    ledger.save_centroid(clusters, cluster_id, centroid)
    return centroid


def top_terms(centroid: Centroid, limit: int) -> list[str]:
    """The centroid's strongest terms, ties by term."""
    return [t for t, _w in sorted(centroid.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
