"""The user's corrections to entity resolution: merge two entities, split a name or a document off.

Each decision is stored as a rule (entity_overrides) and the entities it touches are resolved again;
resolution replays the rules on every outcome (see entities.replay), so the choice survives new
articles, re-ingest and a full relink. Entity ids are deterministic, which is what lets a rule
written by id still hold on a ledger rebuilt from the same inputs.
"""

from __future__ import annotations

import hashlib

from storyledger.link.entities import reresolve
from storyledger.link.names import name_key
from storyledger.link.ports import LinkLedger
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
        seeds = ledger.resolution_records_of(source.id) + ledger.resolution_records_of(target.id)
        ledger.add_override(Override(OverrideKind.MERGE, source.id, target.id))
        reresolve(ledger, seeds)
    return ledger.ledger_entity(target.id) or target


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
        seeds = ledger.resolution_records_of(source.id)
        ledger.add_override(Override(OverrideKind.SPLIT, source.id, target_id, key, full_doc))
        reresolve(ledger, seeds)
    return ledger.ledger_entity(target_id)  # type: ignore[return-value]
