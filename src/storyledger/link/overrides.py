"""The user's corrections to entity resolution: merge two entities, split a name or a document off.

Each decision is stored as a rule (entity_overrides) before it is applied, and resolution replays
the rules on every document it links, so the choice survives re-ingest and a full relink. Entity
ids are deterministic (see entities.entity_id), which is what lets a rule written by id still hold
on a ledger rebuilt from the same inputs.
"""

from __future__ import annotations

import hashlib

from storyledger.link.names import keys_for, name_key
from storyledger.link.ports import LinkLedger
from storyledger.link.positions import remark
from storyledger.link.records import LedgerEntity, Override, OverrideKind


class OverrideError(ValueError):
    """A merge or split the ledger cannot do, with a message the user can act on."""


def find_one(ledger: LinkLedger, ref: str) -> LedgerEntity:
    found = ledger.find_entities(ref)
    if not found:
        raise OverrideError(f"no entity {ref!r} (give an id from `storyledger entities` or an exact name)")
    if len(found) > 1:
        ids = ", ".join(f"{e.id} ({e.name})" for e in found)
        raise OverrideError(f"{ref!r} names several entities: {ids}; give an id")
    return found[0]


def merge(ledger: LinkLedger, target_ref: str, source_ref: str) -> LedgerEntity:
    """Fold ``source`` into ``target``; returns the merged entity."""
    target, source = find_one(ledger, target_ref), find_one(ledger, source_ref)
    if target.id == source.id:
        raise OverrideError(f"{target_ref!r} and {source_ref!r} are already one entity ({target.id})")
    with ledger.transaction():
        ledger.add_override(Override(OverrideKind.MERGE, source.id, target.id))
        target.aliases = sorted({*target.aliases, *source.aliases, source.name})
        target.roles = sorted({*target.roles, *source.roles})
        ledger.upsert_entity(target)
        ledger.move_entity(source.id, target.id)
        _remark_actor(ledger, target.id)
    return target


def split(ledger: LinkLedger, entity_ref: str, name: str | None = None,
          document_id: str | None = None) -> LedgerEntity:
    """Take the mentions under ``name`` (or those in ``document_id``) out of an entity into a new one."""
    source = find_one(ledger, entity_ref)
    if not name and not document_id:
        raise OverrideError("say what to split off: --name ALIAS or --doc DOCUMENT_ID")
    key = name_key(name) if name else None
    everything = ledger.doc_entities_of(source.id)
    rows = [r for r in everything if (key is None or name_key(r.name) == key)
            and (document_id is None or r.document_id.startswith(document_id))]
    if not rows:
        raise OverrideError(f"entity {source.id} ({source.name}) has no mentions "
                            f"{'named ' + repr(name) if name else ''}{' in ' + document_id if document_id else ''}")
    if len(rows) == len(everything):
        raise OverrideError("that would take every mention: nothing would be left of the entity")
    full_doc = rows[0].document_id if document_id else None
    salt = f"split:{key or ''}:{full_doc or ''}"
    target_id = "E" + hashlib.sha1(f"{source.id}:{salt}".encode()).hexdigest()[:12]
    with ledger.transaction():
        ledger.add_override(Override(OverrideKind.SPLIT, source.id, target_id, key, full_doc))
        names = sorted({r.name for r in rows})
        ledger.upsert_entity(LedgerEntity(target_id, rows[0].name, rows[0].type, names, []))
        for r in rows:
            ledger.assign_doc_entity(r.document_id, r.local_id, target_id)
            ledger.add_entity_keys(target_id, keys_for(r.name, r.type, [], []))
        if key is not None:
            ledger.remove_entity_keys(source.id, {k for n in names for k in keys_for(n, source.type, [], [])
                                                  if k.startswith(("name:", "skel:"))})
            source.aliases = [a for a in source.aliases if name_key(a) != key]
            ledger.upsert_entity(source)
        ledger.move_positions(source.id, target_id, [r.document_id for r in rows])
        _remark_actor(ledger, source.id)
        _remark_actor(ledger, target_id)
    return ledger.ledger_entity(target_id)  # type: ignore[return-value]


def _remark_actor(ledger: LinkLedger, entity_id: str) -> None:
    for matter in ledger.actor_matters(entity_id):
        remark(ledger, entity_id, matter)
