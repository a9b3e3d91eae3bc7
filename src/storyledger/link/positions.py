"""Positions over time: each actor's claims on each matter in date order, every step marked.

A matter is what claims are about, found from their action and target words: each claim joins the
matter whose term centroid it is most similar to (IDF-weighted cosine over an inverted index), or
founds one. Nothing here knows any story: matters emerge from the claims' own words.

Marks, comparing a step with the actor's previous step on the same matter:
  new · repeated · changed (stance, polarity or condition changed) · condition_dropped (the same
  position, now without its condition). A claim that depends on another party ("would need support
  from the US") is an open condition: that party's later positions in the story are marked
  condition_met (affirmed) or condition_refused (negated, ruled out or refused); reports and
  demands of others answer no need.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from storyledger.link.names import name_key, name_words
from storyledger.link.ports import LinkLedger
from storyledger.link.records import Clusters, Mark, PositionClaim, PositionStep
from storyledger.link.text import content_terms, fold, stem, surface_words, words
from storyledger.link.vectors import add_to_centroid, nearest, tfidf, top_terms
from storyledger.records import EntityType, Polarity, Stance

JOIN = 0.35
TOP_TERMS = 12
CENTROID_TERMS = 30  # terms kept per matter centroid
CANDIDATES = 10
_DEPENDS = frozenset("need needs needed require requires required depend depends dependent rely relies "
                     "conditional contingent hinge hinges".split())
_REFUSING = {Stance.RULED_OUT, Stance.REFUSED}
# A report of events or a demand of others neither meets nor refuses a need.
_NOT_ANSWERS = {Stance.REPORTED, Stance.DEMANDED}


def matter_terms(claim: PositionClaim) -> Counter[str]:
    counts = Counter(content_terms(f"{claim.action} {claim.target or ''}"))
    if claim.target_entity:
        counts["@" + claim.target_entity] += 1
    return counts


def actor_keys(claim: PositionClaim) -> list[str]:
    """Ledger entities, else the folded actor text (so "any reassurance force" still has a sequence)."""
    return claim.actor_entities or ["~" + (name_key(claim.actor_text) or fold(claim.actor_text).strip())]


def is_dependency(action: str) -> bool:
    return bool(_DEPENDS & set(words(action)))


def assign_matter(ledger: LinkLedger, claim: PositionClaim) -> str:
    counts = matter_terms(claim)
    ledger.bump_term_df(Clusters.MATTERS, counts)
    n_claims = ledger.n_position_claims() + 1
    vector = tfidf(counts, ledger.term_df(Clusters.MATTERS, counts), n_claims, TOP_TERMS) if counts else {}
    best, best_sim = None, JOIN
    for cand in nearest(ledger, Clusters.MATTERS, vector, CANDIDATES) if vector else []:
        if cand.similarity >= best_sim:
            best, best_sim = cand.id, cand.similarity
    mid = best or "M" + hashlib.sha1(f"{claim.document_id}/{claim.local_id}".encode()).hexdigest()[:10]
    ledger.add_to_matter(mid)
    top = top_terms(add_to_centroid(ledger, Clusters.MATTERS, mid, vector, CENTROID_TERMS), 4)
    ledger.set_matter_label(mid, _matter_label(ledger, top, claim))
    return mid


def _matter_label(ledger: LinkLedger, top: list[str], claim: PositionClaim) -> str:
    text = f"{claim.action} {claim.target or ''}"
    out = []
    for term in top:
        if term.startswith("@"):
            entity = ledger.ledger_entity(term[1:])
            out.append(entity.name if entity else term)
        else:
            forms = [w for w in surface_words(text) if stem(w.lower()) == term]
            out.append(forms[0].lower() if forms else term)
    seen: dict[str, str] = {}
    for word in out:
        seen.setdefault(word.lower(), word)
    return " ".join(list(seen.values())[:3]) or "(no words)"


def _condition_changed(a: str | None, b: str | None) -> bool:
    ta, tb = set(content_terms(a or "")), set(content_terms(b or ""))
    if not ta and not tb:
        return False
    return len(ta & tb) / max(1, len(ta | tb)) < 0.5


def step_mark(prev: PositionStep | None, cur: PositionStep) -> Mark:
    if prev is None:
        return Mark.NEW
    if (prev.stance, prev.polarity) != (cur.stance, cur.polarity):
        return Mark.CHANGED
    if prev.condition and not cur.condition:
        return Mark.CONDITION_DROPPED
    if bool(prev.condition) != bool(cur.condition):
        return Mark.CHANGED
    if _condition_changed(prev.condition, cur.condition):
        return Mark.CHANGED
    return Mark.REPEATED


def affiliations(ledger: LinkLedger, entity_id: str) -> set[str]:
    """Places a person acts for, read from their roles ("US president" -> the US)."""
    entity = ledger.ledger_entity(entity_id)
    if entity is None or entity.type != EntityType.PERSON:
        return set()
    keys = set()
    for role in entity.roles:
        ws = name_words(role)
        keys |= {f"name:{w}" for w in ws} | {f"name:{a} {b}" for a, b in zip(ws, ws[1:])}
    return {e.id for e in ledger.entities_by_keys(keys) if e.type == EntityType.PLACE} if keys else set()


def remark(ledger: LinkLedger, actor_key: str, matter: str) -> None:
    """Mark every step of one actor's sequence on one matter (a late-arriving older article can
    change the marks after it; the sequence is short, so it is redone whole)."""
    parties = [actor_key] if actor_key.startswith("~") else [actor_key, *affiliations(ledger, actor_key)]
    prev = None
    for step in ledger.position_sequence(actor_key, matter):
        mark, previous = step_mark(prev, step), (prev.document_id, prev.local_id) if prev else None
        if mark == Mark.NEW and not actor_key.startswith("~") and step.stance not in _NOT_ANSWERS:
            dep = _open_dependency(ledger, parties, step)
            if dep is not None:
                refused = step.stance in _REFUSING or step.polarity == Polarity.NEGATED
                mark, previous = (Mark.CONDITION_REFUSED if refused else Mark.CONDITION_MET), dep
        ledger.set_mark(step.document_id, step.local_id, actor_key, mark, previous)
        prev = step


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
    touched: set[tuple[str, str]] = set()
    for claim in claims:
        matter = assign_matter(ledger, claim)
        for key in actor_keys(claim):
            ledger.add_position(claim.document_id, claim.local_id, key, matter, claim.day)
            touched.add((key, matter))
    if any(c.target_entity and is_dependency(c.action) for c in claims):
        # an open condition arriving late re-marks the later positions of the story it belongs to
        touched |= ledger.story_sequences(ledger.story_of(document_id))
    for key, matter in sorted(touched):
        remark(ledger, key, matter)
    return len(claims)
