"""LinkLedger: the near-duplicate index and the centroids of stories and matters."""

from __future__ import annotations

from datetime import date

import pytest

from storyledger.link.records import Centroid, ClusterHead, Clusters, Posting
from storyledger.store import Ledger
from tests.store.world import World


def test_minhash_signatures_and_their_buckets(ledger: Ledger, stored: World) -> None:
    ledger.store_minhash(stored.talks, b"\x01\x02", [(0, "aa"), (1, "bb")])
    ledger.store_minhash(stored.copy, b"\x01\x03", [(0, "aa"), (1, "cc")])
    ledger.store_minhash(stored.lake, b"\x09", [(0, "zz"), (1, "bb")])
    assert sorted(ledger.lsh_candidates([(0, "aa")])) == sorted([stored.talks, stored.copy])
    assert sorted(ledger.lsh_candidates([(1, "bb"), (1, "cc")])) == sorted([stored.talks, stored.copy, stored.lake])
    assert ledger.lsh_candidates([(1, "aa"), (2, "bb")]) == []  # a bucket belongs to its band
    assert ledger.minhash_signature(stored.copy) == b"\x01\x03"
    assert ledger.minhash_signature(stored.strike) is None


def test_near_duplicates_point_at_their_canonical_document(ledger: Ledger, stored: World) -> None:
    assert ledger.canonical_of(stored.copy) == stored.copy
    ledger.set_duplicate(stored.copy, stored.talks, 0.8)
    ledger.set_duplicate(stored.talks, stored.talks, 1.0)
    assert ledger.canonical_of(stored.copy) == ledger.canonical_of(stored.talks) == stored.talks
    assert ledger.duplicate_group(stored.copy) == [stored.talks, stored.copy]


@pytest.mark.parametrize("clusters", list(Clusters))
def test_term_document_frequencies_per_clustering(ledger: Ledger, clusters: Clusters) -> None:
    ledger.bump_term_df(clusters, ["port", "strike", "port"])
    ledger.bump_term_df(clusters, ["port"])
    assert ledger.term_df(clusters, ["port", "strike", "lake"]) == {"port": 2, "strike": 1}
    other = next(c for c in Clusters if c != clusters)
    assert ledger.term_df(other, ["port"]) == {}


def test_a_centroid_is_empty_until_saved(ledger: Ledger) -> None:
    assert ledger.centroid(Clusters.MATTERS, "Mnew") == Centroid({}, 0.0)


def test_centroids_are_replaced_whole(ledger: Ledger, stored: World) -> None:
    ledger.add_to_story("Sport", stored.strike, date(2025, 2, 3), 1.0)
    ledger.save_centroid(Clusters.STORIES, "Sport", Centroid({"port": 0.8, "strike": 0.6}, 1.0))
    assert ledger.centroid(Clusters.STORIES, "Sport") == Centroid({"port": 0.8, "strike": 0.6}, 1.0)
    ledger.save_centroid(Clusters.STORIES, "Sport", Centroid({"port": 1.2, "reopen": 0.5}, 1.3))
    assert ledger.centroid(Clusters.STORIES, "Sport") == Centroid({"port": 1.2, "reopen": 0.5}, 1.3)
    assert ledger.postings(Clusters.STORIES, "strike", 10) == []
    assert ledger.cluster_heads(Clusters.STORIES, ["Sport"]) == [ClusterHead("Sport", 1.3, date(2025, 2, 3))]


def test_postings_heaviest_first_up_to_the_limit(ledger: Ledger) -> None:
    for matter, weight in (("Ma", 0.2), ("Mb", 0.9), ("Mc", 0.5)):
        ledger.add_to_matter(matter)
        ledger.save_centroid(Clusters.MATTERS, matter, Centroid({"cleanup": weight, matter: 1.0}, 1.0))
    assert ledger.postings(Clusters.MATTERS, "cleanup", 2) == [Posting("Mb", 0.9), Posting("Mc", 0.5)]
    assert ledger.postings(Clusters.MATTERS, "Ma", 5) == [Posting("Ma", 1.0)]
    assert ledger.postings(Clusters.STORIES, "cleanup", 5) == []


def test_equal_weights_latest_added_first_and_a_kept_term_keeps_its_place(ledger: Ledger) -> None:
    for matter in ("Mfirst", "Msecond"):
        ledger.add_to_matter(matter)
        ledger.save_centroid(Clusters.MATTERS, matter, Centroid({"lake": 0.5}, 0.5))
    assert [p.cluster_id for p in ledger.postings(Clusters.MATTERS, "lake", 5)] == ["Msecond", "Mfirst"]
    ledger.save_centroid(Clusters.MATTERS, "Mfirst", Centroid({"lake": 0.5, "tests": 0.1}, 0.51))
    assert [p.cluster_id for p in ledger.postings(Clusters.MATTERS, "lake", 5)] == ["Msecond", "Mfirst"]


def test_cluster_heads(ledger: Ledger, stored: World) -> None:
    ledger.add_to_story("Slake", stored.mayor, None, 1.0)
    ledger.save_centroid(Clusters.STORIES, "Slake", Centroid({"lake": 1.0}, 1.0))
    ledger.add_to_matter("Mcleanup")
    ledger.save_centroid(Clusters.MATTERS, "Mcleanup", Centroid({"cleanup": 2.0}, 2.0))
    assert ledger.cluster_heads(Clusters.STORIES, ["Slake", "Snope"]) == [ClusterHead("Slake", 1.0, None)]
    assert ledger.cluster_heads(Clusters.MATTERS, ["Mcleanup"]) == [ClusterHead("Mcleanup", 2.0, None)]
    assert ledger.cluster_heads(Clusters.MATTERS, []) == []
