"""Entities across articles: each document entity is resolved to one ledger-wide entity.

Candidates come from an index of name keys (folded name, consonant skeleton, surname, acronym,
role), so resolving one document reads only the entities it could be. Each candidate is scored on
the evidence: how well the names agree, whether roles agree or clash ("Nato Secretary General" vs
"a plumber"), and whether the entities seen around it overlap. A namesake with clashing roles in
unrelated company becomes a new entity. The user's merges and splits (entity_overrides) win.
"""

from __future__ import annotations

import hashlib

from storyledger.link.names import keys_for, name_key, name_similarity, name_words, probe_keys, role_key
from storyledger.link.ports import EntityIndex
from storyledger.link.records import DocEntity, LedgerEntity, Override, OverrideKind
from storyledger.records import EntityType

ACCEPT = 0.75


def entity_id(type: EntityType, name: str, salt: str = "") -> str:
    """Deterministic, so the same ledger rebuilt from the same inputs gets the same ids (and the
    user's overrides, stored by id, still apply)."""
    return "E" + hashlib.sha1(f"{type}:{name_key(name)}{salt}".encode()).hexdigest()[:12]


def _resolution_order(entities: list[DocEntity]) -> list[DocEntity]:
    """Things first (their ids are the context persons are judged by), then longer names first, so
    "Volodymyr Zelensky" founds the entity that "Zelensky" then joins."""
    return sorted(entities,
                  key=lambda e: (e.type == EntityType.PERSON, -len(name_words(e.name)), -e.mentions, e.local_id))


def _role_keys(roles: list[str]) -> set[str]:
    return {k for k in (role_key(r) for r in roles) if k}


def score(doc: DocEntity, cand: LedgerEntity, context: set[str], cand_context: set[str],
          same_document: bool = False) -> float:
    """Evidence that ``doc`` is ``cand``: name agreement, adjusted by roles and shared context."""
    if (doc.type == EntityType.PERSON) != (cand.type == EntityType.PERSON):
        return 0.0
    names = max(name_similarity(a, b) for a in doc.names for b in [cand.name, *cand.aliases])
    if doc.type != EntityType.PERSON and names < 0.9:
        names = 0.0  # organisations and places meet on their name, not on a resemblance
    doc_roles, cand_roles = _role_keys(doc.roles), _role_keys(cand.roles)
    as_role = {k for k in (role_key(n) for n in doc.names) if k}
    if as_role & cand_roles:
        names = max(names, 0.8)  # "Ukraine's president" named by its role alone
    s = names
    if same_document and doc.type == EntityType.PERSON and names >= 0.6:
        s += 0.3  # "Keir" beside "Keir Starmer" in one article: the article's own shorthand
    if doc_roles & cand_roles:
        s += 0.3
    elif doc_roles and cand_roles and doc.type == EntityType.PERSON:
        s -= 0.35
    if context and cand_context:
        overlap = len(context & cand_context) / min(len(context), len(cand_context))
        s += 0.3 * overlap
        if overlap == 0 and min(len(context), len(cand_context)) >= 3:
            s -= 0.3  # same name, wholly different company: a namesake unless other evidence says not
    if doc.type != cand.type:
        s -= 0.05
    return s


def apply_overrides(overrides: list[Override], document_id: str, doc: DocEntity, chosen: str) -> str:
    """Replay the user's decisions in the order they were made: a merge sends its source to its
    target, a split sends the source's mentions under that name (or in that document) to the new one."""
    keys = {name_key(n) for n in doc.names}
    for o in overrides:
        if o.source_id != chosen:
            continue
        if o.kind == OverrideKind.MERGE:
            chosen = o.target_id
        elif (o.document_id and o.document_id == document_id) or (o.name_key and o.name_key in keys):
            chosen = o.target_id
    return chosen


def _better_name(current: str, new: str, type: EntityType) -> str:
    """A person's canonical name is the fullest spelling seen ("Keir Starmer" over "Starmer")."""
    if type != EntityType.PERSON:
        return current
    cw, nw = name_words(current), name_words(new)
    if len(nw) > len(cw) and name_similarity(current, new) >= 0.85:
        return new
    return current


def resolve_document(ledger: EntityIndex, document_id: str, entities: list[DocEntity]) -> dict[str, str]:
    """Assign every entity of one document; returns local id -> ledger entity id."""
    overrides = ledger.overrides()
    assigned: dict[str, str] = {}
    for doc in _resolution_order(entities):
        context = set(assigned.values())
        best, best_score = None, ACCEPT
        for cand in ledger.entities_by_keys(probe_keys(doc.name, doc.type, doc.aliases, doc.roles)):
            s = score(doc, cand, context - {cand.id}, ledger.entity_neighbours(cand.id), cand.id in context)
            if s >= best_score:
                best, best_score = cand, s
        if best is not None:
            chosen = best.id
        else:
            chosen = entity_id(doc.type, doc.name)
            if ledger.ledger_entity(chosen) is not None:  # a namesake the evidence keeps apart
                chosen = entity_id(doc.type, doc.name, ":" + document_id)
        chosen = apply_overrides(overrides, document_id, doc, chosen)
        _attach(ledger, document_id, doc, chosen)
        assigned[doc.local_id] = chosen
    ids = set(assigned.values())
    for eid in ids:
        ledger.add_entity_context(eid, ids - {eid})
    return assigned


def _attach(ledger: EntityIndex, document_id: str, doc: DocEntity, entity: str) -> None:
    current = ledger.ledger_entity(entity)
    if current is None:
        current = LedgerEntity(entity, doc.name, doc.type, [], [])
    current.name = _better_name(current.name, doc.name, current.type)
    current.aliases = sorted({*current.aliases, *doc.names})
    current.roles = sorted({*current.roles, *doc.roles})
    ledger.upsert_entity(current)
    ledger.add_entity_keys(entity, keys_for(doc.name, doc.type, doc.aliases, doc.roles))
    ledger.assign_doc_entity(document_id, doc.local_id, entity)
