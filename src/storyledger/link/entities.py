"""Entities across articles: the ledger's side of resolution (link/resolution.py holds the rules).

Linking a document files its entities as resolution records under their keys, gathers every record
whose resolution they can change (``resolution.closure``: the affected names, not the ledger),
resolves that group afresh and writes the outcome. Resolution is a function of the set of records,
so the ledger reached is the same whatever order the documents came in. The user's merges and
splits are replayed on every outcome, in the order they were made, so they survive new articles and
a full relink. A document entity that changes ledger entity takes its claims' positions along.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from storyledger.link.names import name_key, name_words
from storyledger.link.ports import EntityIndex
from storyledger.link.positions import remark
from storyledger.link.record_names import with_context
from storyledger.link.records import DocEntity, LedgerEntity, Override, OverrideKind
from storyledger.link.resolution import closure, index_keys, resolve
from storyledger.link.resolution_records import EntityRecord, Ref, ResolvedEntity


def records_of(entities: list[DocEntity], published: date | None) -> list[EntityRecord]:
    """One document's entities as resolution records, each with the others as its company."""
    return with_context([EntityRecord(e.document_id, e.local_id, e.name, e.type, tuple(e.aliases), tuple(e.roles),
                                      e.mentions, published) for e in entities])


def link_document_entities(ledger: EntityIndex, entities: list[DocEntity], published: date | None) -> dict[str, str]:
    """Resolve one document's entities with everything they touch; returns local id -> ledger entity id."""
    records = records_of(entities, published)
    ledger.save_resolution_records(records, {r.ref: index_keys(r) for r in records})
    outcome = reresolve(ledger, records)
    return {local: outcome[(doc, local)] for doc, local in (r.ref for r in records) if (doc, local) in outcome}


def reresolve(ledger: EntityIndex, seeds: Iterable[EntityRecord]) -> dict[Ref, str]:
    """Resolve afresh every record the seeds can affect and write the outcome; returns ref -> entity id."""
    group = closure(seeds, ledger.resolution_records)
    records = {r.ref: r for r in group}
    overrides = ledger.overrides()
    resolved = replay(overrides, resolve(group), records)
    targets = {o.target_id for o in overrides if o.target_id}
    before = ledger.linked_entities(records)
    moved: dict[tuple[str, str], list[str]] = defaultdict(list)
    outcome: dict[Ref, str] = {}
    for entity in resolved:
        _write(ledger, entity, entity.id in targets and records)
        for ref in entity.members:
            outcome[ref] = entity.id
            old = before.get(ref)
            if old != entity.id:
                ledger.assign_doc_entity(ref[0], ref[1], entity.id)
                if old is not None:
                    moved[(old, entity.id)].append(ref[0])
    for (old, new), documents in sorted(moved.items()):
        ledger.move_positions(old, new, sorted(set(documents)))
    ledger.prune_entities(set(before.values()) - set(outcome.values()))
    for actor in sorted({a for pair in moved for a in pair}):
        for matter in ledger.actor_matters(actor):
            remark(ledger, actor, matter)
    return outcome


def _write(ledger: EntityIndex, entity: ResolvedEntity, group: dict[Ref, EntityRecord] | bool) -> None:
    """Save the entity; one the user merged into keeps its name and what its other documents gave it."""
    current = ledger.ledger_entity(entity.id) if group else None
    if current is not None and any((d.document_id, d.local_id) not in group for d in ledger.doc_entities_of(entity.id)):
        entity.name = current.name
        entity.aliases = sorted({*entity.aliases, *current.aliases})
        entity.roles = sorted({*entity.roles, *current.roles})
    ledger.upsert_entity(LedgerEntity(entity.id, entity.name, entity.type, entity.aliases, entity.roles))
    # what positions look places up by (link.positions.affiliations)
    ledger.add_entity_keys(entity.id, {f"name:{' '.join(name_words(a))}" for a in entity.aliases if name_words(a)})


def replay(overrides: list[Override], resolved: list[ResolvedEntity],
           records: dict[Ref, EntityRecord]) -> list[ResolvedEntity]:
    """The user's decisions applied to a resolution outcome, in the order they were made: a merge
    sends the source's documents to the target, a split sends the source's entities under a name
    (or in a document) to a new entity."""
    by_id = {e.id: e for e in resolved}
    for o in overrides:
        source = by_id.get(o.source_id)
        if source is None or not o.target_id:
            continue
        if o.kind is OverrideKind.MERGE:
            taken = list(source.members)
            del by_id[o.source_id]
        else:
            taken = [ref for ref in source.members if (o.document_id and ref[0] == o.document_id)
                     or (o.name_key and name_key(records[ref].name) == o.name_key)]
            if not taken or len(taken) == len(source.members):
                continue
            source.members = [ref for ref in source.members if ref not in taken]
            source.aliases = sorted({n for ref in source.members for n in records[ref].names})
        target = by_id.setdefault(o.target_id, ResolvedEntity(o.target_id, records[taken[0]].name, source.type))
        target.members = sorted({*target.members, *taken})
        target.aliases = sorted({*target.aliases, *(n for ref in taken for n in records[ref].names)})
        target.roles = sorted({*target.roles, *(x for ref in taken for x in records[ref].roles)})
    return sorted(by_id.values(), key=lambda e: e.id)
