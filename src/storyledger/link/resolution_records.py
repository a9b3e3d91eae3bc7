"""What cross-document entity resolution reads and returns: typed records, no store in sight."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from storyledger.records import EntityType

Ref = tuple[str, str]  # (document id, entity id local to the document)


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One document's entity as resolution sees it. ``context`` holds the keys of the other
    entities the same document names (see ``context_key``): the company it keeps."""

    document_id: str
    local_id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: int = 1
    published: date | None = None
    context: frozenset[str] = frozenset()

    @property
    def ref(self) -> Ref:
        return (self.document_id, self.local_id)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(slots=True)
class ResolvedEntity:
    """A ledger-wide entity: the document entities that are one person, body or place."""

    id: str
    name: str
    type: EntityType
    members: list[Ref] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
