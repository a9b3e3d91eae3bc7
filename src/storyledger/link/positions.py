"""Positions over time: each actor's claims on each matter, every step marked against the actor's
earlier statement on it (link/changes.py says how); matters are found by meaning (link/matters.py).

Whose sequence a claim joins: its actors' ledger entities, else the one ledger entity whose name or
alias its actor text is, else its folded actor text (so "any reassurance force" still has a sequence). A person the ledger gives a spokesperson's role for a body
("Hollin Group spokeswoman") speaks for that body: their claims join the body's sequence, and the
timeline shows them as its speaker. Nothing else merges actors.

A claim that depends on another party ("would need support from the US") is an open condition: that
party's later positions in the story that are otherwise new are marked condition_met (affirmed) or
condition_refused (negated, ruled out or refused); reports and demands of others answer no need.
"""

from __future__ import annotations

from storyledger.link.changes import mark_sequence
from storyledger.link.matters import assign_matters
from storyledger.link.names import name_key, name_words
from storyledger.link.ports import LinkLedger
from storyledger.link.records import Mark, PositionClaim, PositionStep
from storyledger.link.text import fold, words
from storyledger.records import EntityType, Polarity, Stance

_DEPENDS = frozenset("need needs needed require requires required depend depends dependent rely relies "
                     "conditional contingent hinge hinges".split())
_REFUSING = {Stance.RULED_OUT, Stance.REFUSED}
# A report of events or a demand of others neither meets nor refuses a need.
_NOT_ANSWERS = {Stance.REPORTED, Stance.DEMANDED}
# Roles whose holder speaks for the body the role names, by definition of the role.
_SPOKES = frozenset("spokesperson spokesman spokeswoman spokespeople spokespersons".split())
_BODIES = {EntityType.ORGANISATION, EntityType.PLACE, EntityType.GROUP}


def _role_entities(ledger: LinkLedger, roles: list[str], types: set[EntityType]) -> set[str]:
    """Ledger entities of these types that the roles name ("US president" -> the US)."""
    keys = set()
    for role in roles:
        ws = name_words(role)
        keys |= {f"name:{w}" for w in ws} | {f"name:{a} {b}" for a, b in zip(ws, ws[1:])}
    return {e.id for e in ledger.entities_by_keys(keys) if e.type in types} if keys else set()


def speaks_for(ledger: LinkLedger, entity_id: str) -> set[str]:
    """The bodies a person is a spokesperson of, as the ledger's roles for them say."""
    entity = ledger.ledger_entity(entity_id)
    if entity is None or entity.type != EntityType.PERSON:
        return set()
    roles = [r for r in entity.roles if _SPOKES & set(words(r))]
    return _role_entities(ledger, roles, _BODIES) - {entity_id}


def affiliations(ledger: LinkLedger, entity_id: str) -> set[str]:
    """Places a person acts for, read from their roles ("US president" -> the US)."""
    entity = ledger.ledger_entity(entity_id)
    if entity is None or entity.type != EntityType.PERSON:
        return set()
    return _role_entities(ledger, entity.roles, {EntityType.PLACE})


def _named(ledger: LinkLedger, text: str) -> str | None:
    """The one ledger entity whose name or alias the text is (annotation missed a name the ledger knows)."""
    wanted = name_key(text)
    if not wanted:
        return None
    found = [e.id for e in ledger.entities_by_keys([f"name:{wanted}"])
             if any(name_key(n) == wanted for n in [e.name, *e.aliases])]
    return found[0] if len(found) == 1 else None


def actor_keys(ledger: LinkLedger, claim: PositionClaim) -> list[str]:
    """The sequences a claim joins: its actors (a spokesperson's body in their place), else its actor text."""
    if not claim.actor_entities:
        named = _named(ledger, claim.actor_text)
        return [named] if named else ["~" + (name_key(claim.actor_text) or fold(claim.actor_text).strip())]
    keys: list[str] = []
    for entity in claim.actor_entities:
        keys += sorted(speaks_for(ledger, entity)) or [entity]
    return list(dict.fromkeys(keys))


def is_dependency(action: str) -> bool:
    return bool(_DEPENDS & set(words(action)))


def remark(ledger: LinkLedger, actor_key: str, matter: str, document_id: str | None = None) -> None:
    """Mark the steps of one actor's sequence on one matter. A step's mark depends only on the steps stated
    before it, so when ``document_id`` is new only its steps and those stated from its day on are written
    (a late-arriving older article can change the marks after it); otherwise every step is."""
    parties = [actor_key] if actor_key.startswith("~") else [actor_key, *affiliations(ledger, actor_key)]
    sequence = mark_sequence(ledger.position_sequence(actor_key, matter))
    new = [m.step.stated for m in sequence if m.step.document_id == document_id]
    since = min((d for d in new if d), default=None) if new and all(new) else None
    for marked in sequence:
        step, mark, change = marked.step, marked.mark, marked.change
        if since and step.stated and step.stated < since:
            continue
        previous = (marked.previous.document_id, marked.previous.local_id) if marked.previous else None
        if mark == Mark.NEW and not actor_key.startswith("~") and step.stance not in _NOT_ANSWERS:
            dep = _open_dependency(ledger, parties, step)
            if dep is not None:
                refused = step.stance in _REFUSING or step.polarity == Polarity.NEGATED
                mark, previous = (Mark.CONDITION_REFUSED if refused else Mark.CONDITION_MET), dep
        ledger.set_mark(step.document_id, step.local_id, actor_key, mark, change, previous)


def _open_dependency(ledger: LinkLedger, parties: list[str], step: PositionStep) -> tuple[str, str] | None:
    story = ledger.story_of(step.document_id)
    for dep in ledger.dependencies_on(parties, story):
        if dep.document_id == step.document_id or not is_dependency(dep.action):
            continue
        if dep.day and step.day and dep.day > step.day:
            continue
        return dep.document_id, dep.local_id
    return None


def link_positions(ledger: LinkLedger, document_id: str) -> int:
    """Place every claim of one document in its actors' sequences; returns how many claims."""
    claims = ledger.position_claims(document_id)
    story = ledger.story_of(document_id)
    keys = [actor_keys(ledger, claim) for claim in claims]
    matters = assign_matters(ledger, claims, story, sorted({k for ks in keys for k in ks}))
    touched: set[tuple[str, str]] = set()
    for claim, matter, claim_keys in zip(claims, matters, keys):
        for key in claim_keys:
            ledger.add_position(claim.document_id, claim.local_id, key, matter, claim.day)
            touched.add((key, matter))
    if any(c.target_entity and is_dependency(c.action) for c in claims):
        # an open condition arriving late re-marks the later positions of the story it belongs to
        for key, matter in sorted(ledger.story_sequences(story) - touched):
            remark(ledger, key, matter)
    for key, matter in sorted(touched):
        remark(ledger, key, matter, document_id)
    return len(claims)
