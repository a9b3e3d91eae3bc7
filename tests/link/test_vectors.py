"""Centroids and cosine scoring for the incremental clusterings, on the ledger's inverted index."""

from __future__ import annotations

import math
from collections import Counter

from storyledger.link.records import Centroid, Clusters
from storyledger.link.vectors import Candidate, add_to_centroid, nearest, tfidf, top_terms


def test_tfidf_keeps_the_strongest_terms_normalised() -> None:
    vector = tfidf(Counter({"port": 3, "strike": 1, "the": 1}), {"the": 99, "port": 1}, 100, top=2)
    assert list(vector) == ["port", "strike"]
    assert math.isclose(math.sqrt(sum(w * w for w in vector.values())), 1.0)
    assert vector["port"] > vector["strike"]


def test_a_centroid_sums_vectors_and_keeps_its_strongest_terms(ledger) -> None:
    ledger.add_to_matter("M1")
    first = add_to_centroid(ledger, Clusters.MATTERS, "M1", {"lake": 0.6, "cleanup": 0.8}, cap=3)
    assert first == Centroid({"lake": 0.6, "cleanup": 0.8}, 1.0)
    second = add_to_centroid(ledger, Clusters.MATTERS, "M1", {"lake": 0.6, "tests": 0.8, "beach": 0.8}, cap=3)
    assert second.terms == {"lake": 1.2, "cleanup": 0.8, "beach": 0.8}  # "tests" ties at 0.8 and loses by name
    assert math.isclose(second.norm, math.sqrt(1.2 ** 2 + 0.8 ** 2 + 0.8 ** 2))
    assert ledger.centroid(Clusters.MATTERS, "M1") == second
    assert top_terms(second, 2) == ["lake", "beach"]


def test_nearest_clusters_by_cosine_then_id(ledger) -> None:
    for matter, vector in (("Ma", {"lake": 1.0}), ("Mb", {"lake": 0.6, "cleanup": 0.8}), ("Mc", {"port": 1.0}),
                           ("Md", {"lake": 1.0})):
        ledger.add_to_matter(matter)
        add_to_centroid(ledger, Clusters.MATTERS, matter, vector, cap=10)
    found = nearest(ledger, Clusters.MATTERS, {"lake": 0.6, "cleanup": 0.8}, limit=3)
    assert [c.id for c in found] == ["Mb", "Ma", "Md"]
    assert math.isclose(found[0].similarity, 1.0) and math.isclose(found[1].similarity, 0.6)
    assert found[1] == Candidate("Ma", found[1].similarity, None)
    assert nearest(ledger, Clusters.MATTERS, {"river": 1.0}, limit=3) == []
