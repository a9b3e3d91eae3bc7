"""What the link stage reads from and writes to the ledger.

Link comes before the store in the flow, so it states what it needs here and the store implements
it structurally (SQLite now, PostgreSQL later). Every method touches a bounded number of rows found
through an index, which is what keeps linking one more article cheap on a large ledger.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Protocol

from storyledger.link.resolution_records import EntityRecord, Ref
from storyledger.link.records import (
    Centroid, Change, ClusterHead, Clusters, Dependency, DocEntity, LedgerEntity, LinkDoc, Mark, MatterVector,
    Override, PositionClaim, PositionStep, Posting,
)


class DuplicateIndex(Protocol):
    """MinHash signatures, their LSH buckets and the near-duplicate groups they found."""

    def lsh_candidates(self, buckets: Sequence[tuple[int, str]]) -> list[str]:
        """Documents sharing at least one (band, bucket) with these."""

    def minhash_signature(self, document_id: str) -> bytes | None: ...

    def store_minhash(self, document_id: str, signature: bytes, buckets: Sequence[tuple[int, str]]) -> None: ...

    def set_duplicate(self, document_id: str, canonical_id: str, similarity: float) -> None: ...

    def canonical_of(self, document_id: str) -> str:
        """The canonical document of its near-duplicate group (itself when it has none)."""


class ClusterIndex(Protocol):
    """Centroids of stories and matters behind an inverted index of their terms, and term statistics."""

    def term_df(self, clusters: Clusters, terms: Iterable[str]) -> dict[str, int]:
        """How many clustered items hold each term (terms never seen are left out)."""

    def bump_term_df(self, clusters: Clusters, terms: Iterable[str]) -> None:
        """Count one more item holding each of these terms."""

    def postings(self, clusters: Clusters, term: str, limit: int) -> list[Posting]:
        """The ``limit`` clusters where ``term`` weighs most, heaviest first; among equal weights, the
        term added to its centroid last comes first."""

    def cluster_heads(self, clusters: Clusters, cluster_ids: Sequence[str]) -> list[ClusterHead]: ...

    def centroid(self, clusters: Clusters, cluster_id: str) -> Centroid:
        """The cluster's centroid; empty for a cluster not seen yet."""

    def save_centroid(self, clusters: Clusters, cluster_id: str, centroid: Centroid) -> None:
        """Replace the cluster's centroid. Terms already there keep their place in the index; new ones
        are added in the order ``centroid.terms`` lists them."""


class EntityIndex(Protocol):
    """Document entities, the ledger entities they resolve to, the records resolution works on and
    the user's overrides."""

    def doc_entities(self, document_id: str) -> list[DocEntity]:
        """The document's entities, most mentioned first."""

    def doc_entities_of(self, entity_id: str) -> list[DocEntity]:
        """Every document entity resolved to this ledger entity, by document and local id."""

    def ledger_entity(self, entity_id: str) -> LedgerEntity | None: ...

    def entities_by_keys(self, keys: Iterable[str]) -> list[LedgerEntity]:
        """Ledger entities filed under any of these lookup keys, by id (at most 200)."""

    def find_entities(self, ref: str) -> list[LedgerEntity]:
        """Entities whose id is ``ref`` or whose name or alias is ``ref`` (case-insensitive), by id."""

    def add_entity_keys(self, entity_id: str, keys: Iterable[str]) -> None: ...

    def upsert_entity(self, entity: LedgerEntity) -> None:
        """Create the entity or replace its name, type, aliases and roles."""

    def assign_doc_entity(self, document_id: str, local_id: str, entity_id: str) -> None: ...

    def prune_entities(self, entity_ids: Iterable[str]) -> None:
        """Delete those of these entities no document entity resolves to any more."""

    def save_resolution_records(self, records: Sequence[EntityRecord], keys: Mapping[Ref, Iterable[str]]) -> None:
        """Keep the records (replacing earlier ones of the same document entities), each filed under its keys."""

    def resolution_records(self, key: str) -> list[EntityRecord]:
        """Every record filed under the key, by document and local id."""

    def resolution_records_of(self, entity_id: str) -> list[EntityRecord]:
        """The records of the document entities resolved to this ledger entity."""

    def linked_entities(self, refs: Iterable[Ref]) -> dict[Ref, str]:
        """The ledger entity each of these document entities resolves to now (linked ones only)."""

    def overrides(self) -> list[Override]:
        """The user's decisions in the order they were made."""

    def add_override(self, override: Override) -> None: ...


class LinkLedger(DuplicateIndex, ClusterIndex, EntityIndex, Protocol):
    """Everything the link stage reads and writes."""

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""

    # -- progress ------------------------------------------------------------------------------

    def unlinked_documents(self) -> list[str]:
        """Stored documents not linked yet, in the order they were stored."""

    def mark_linked(self, document_id: str) -> None: ...

    def n_linked(self) -> int: ...

    def link_doc(self, document_id: str) -> LinkDoc: ...

    def clear_links(self) -> None:
        """Forget every link (not the user's overrides), so everything can be linked again."""

    # -- stories -------------------------------------------------------------------------------

    def add_to_story(self, story_id: str, document_id: str, day: date | None, similarity: float) -> None:
        """Put the document in the story (created if new), widening the story's dates to ``day``."""

    def story_of(self, document_id: str) -> str | None: ...

    def set_story_label(self, story_id: str, label: str) -> None: ...

    def story_latest_text(self, story_id: str) -> str:
        """Title and text of the story's most recently stored document."""

    # -- positions -----------------------------------------------------------------------------

    def position_claims(self, document_id: str) -> list[PositionClaim]:
        """The document's claims in text order."""

    def n_position_claims(self) -> int: ...

    def add_to_matter(self, matter_id: str) -> None:
        """Count one more claim in the matter (created if new)."""

    def set_matter_label(self, matter_id: str, label: str) -> None: ...

    def story_matter_vectors(self, story_id: str, model: str) -> list[MatterVector]:
        """The story's matters found by meaning with this sentence model, by id."""

    def actor_matter_vectors(self, actor_keys: Sequence[str], model: str, recent: int) -> list[MatterVector]:
        """Matters found by meaning with this model among these actors' ``recent`` latest positions, by id."""

    def save_matter_vector(self, story_id: str | None, matter: MatterVector) -> None:
        """Keep a matter's vector sum and label (created if new), and file it under the story."""

    def add_position(self, document_id: str, local_id: str, actor_key: str, matter_id: str, day: date | None) -> None:
        """Place a claim in an actor's sequence on a matter, marked new until the sequence is marked."""

    def position_sequence(self, actor_key: str, matter_id: str) -> list[PositionStep]:
        """One actor's claims on one matter in the order they were stated (``PositionStep.stated``;
        undated last), then in linking and text order."""

    def set_mark(self, document_id: str, local_id: str, actor_key: str, mark: Mark, change: Change | None,
                 previous: tuple[str, str] | None) -> None:
        """Mark a step (``change``: which way a changed one moved); ``previous`` is the (document id,
        claim id) of the earlier step it refers to."""

    def story_sequences(self, story_id: str | None) -> set[tuple[str, str]]:
        """Every (actor, matter) sequence with a step in the story."""

    def actor_matters(self, actor_key: str) -> list[str]: ...

    def move_positions(self, source: str, target: str, document_ids: Sequence[str]) -> None:
        """Positions of ``source`` in these documents become ``target``'s (after a split)."""

    def dependencies_on(self, entity_ids: Sequence[str], story_id: str | None) -> list[Dependency]:
        """Claims in the story whose target is one of these entities."""
