"""The records link reads from and writes to the ledger.

They are declared here, not in the store, because link comes before the store in the flow: the
store builds and takes these records, link never sees how they are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from storyledger.records import EntityType, Polarity, Stance


class Clusters(StrEnum):
    """The two incremental clusterings, each kept as centroids behind an inverted index of their terms."""

    STORIES = "stories"  # articles, by their words and entities
    MATTERS = "matters"  # claims, by their action and target words


class Mark(StrEnum):
    """How a step in an actor's positions on a matter compares with the actor's earlier statement on it."""

    NEW = "new"
    REPEATED = "repeated"  # the same position, stated again on a later day
    CHANGED = "changed"  # the position moved; ``Change`` says which way
    CONDITION_MET = "condition_met"  # the party another claim depended on affirmed
    CONDITION_REFUSED = "condition_refused"  # the party another claim depended on refused


class Change(StrEnum):
    """Which way a changed position moved."""

    REVERSED = "reversed"  # for it, now against it (or back)
    HARDENED = "hardened"  # firmer: from considering to committed or to ruled out
    SOFTENED = "softened"  # less firm: from committed or ruled out to considering
    CONDITION_MET = "condition met"  # its condition is now stated as fulfilled
    CONDITION_DROPPED = "condition dropped"  # said to hold now without its condition
    CONDITION_ADDED = "condition added"  # said to hold now only under a condition
    CONDITION_CHANGED = "condition changed"  # the same position under another condition


class OverrideKind(StrEnum):
    MERGE = "merge"
    SPLIT = "split"


@dataclass(slots=True)
class LinkDoc:
    """What the link stage reads of one stored document."""

    id: str
    text: str
    title: str | None
    outlet: str | None
    published: date | None


@dataclass(slots=True)
class DocEntity:
    """An entity as one document's annotation found it; ``entity_id`` is its ledger entity once linked."""

    document_id: str
    local_id: str
    name: str
    type: EntityType
    aliases: list[str]
    roles: list[str]
    mentions: int
    entity_id: str | None = None

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys([self.name, *self.aliases]))


@dataclass(slots=True)
class LedgerEntity:
    """An entity across the ledger: the one many documents' entities resolve to."""

    id: str
    name: str
    type: EntityType
    aliases: list[str]
    roles: list[str]


@dataclass(frozen=True, slots=True)
class Override:
    """A user's decision, replayed on every (re)link: a merge sends ``source_id`` to ``target_id``; a split
    sends the source's entities under ``name_key`` (or in ``document_id``) to ``target_id``."""

    kind: OverrideKind
    source_id: str
    target_id: str
    name_key: str | None = None
    document_id: str | None = None


@dataclass(frozen=True, slots=True)
class Posting:
    """One cluster whose centroid holds a term, with the term's weight there."""

    cluster_id: str
    weight: float


@dataclass(frozen=True, slots=True)
class ClusterHead:
    """What scoring needs of a cluster besides its postings: its centroid's norm and its latest date."""

    id: str
    norm: float
    last: date | None = None


@dataclass(frozen=True, slots=True)
class Centroid:
    """A cluster's centroid (the sum of its members' vectors, capped to its strongest terms) and its L2 norm."""

    terms: dict[str, float]
    norm: float


@dataclass(slots=True)
class PositionClaim:
    """A claim as the positions step places it, with the ledger entities of its actor and target."""

    document_id: str
    local_id: str
    actor_text: str
    actor_entities: list[str]
    action: str
    target: str | None
    target_entity: str | None
    day: date | None  # when it happens, else when it was reported


@dataclass(frozen=True, slots=True)
class PositionStep:
    """One claim in an actor's sequence on a matter, with what marking it needs. ``stated`` is when the
    position was taken: the article's date, or the claim's own date when that is earlier ("rejected the
    plan in 2015"); ``canonical`` is the document's near-duplicate group, so copies are one statement."""

    document_id: str
    local_id: str
    day: date | None
    stance: Stance
    polarity: Polarity
    condition: str | None
    action: str
    stated: date | None = None
    canonical: str = ""
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class MatterVector:
    """A matter found by meaning: the sum of its claims' unit sentence vectors, and the claim text that
    labels it (the member nearest the centroid, short phrases preferred) with that text's vector."""

    id: str
    model: str
    total: bytes  # float32 sum of member vectors
    label: str
    label_vector: bytes


@dataclass(frozen=True, slots=True)
class Dependency:
    """A claim that names a party it depends on ("would need support from the US")."""

    document_id: str
    local_id: str
    day: date | None
    action: str
    target: str | None
