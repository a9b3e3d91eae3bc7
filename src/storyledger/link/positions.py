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
import re
from collections import Counter

from storyledger.link.names import name_key, name_words
from storyledger.link.text import content_terms, fold, stem, tfidf
from storyledger.store.sqlite import SQLiteLedger
from storyledger.store.story_queries import PositionClaim

JOIN = 0.35
TOP_TERMS = 12
NEW, REPEATED, CHANGED = "new", "repeated", "changed"
CONDITION_DROPPED, CONDITION_MET, CONDITION_REFUSED = "condition_dropped", "condition_met", "condition_refused"
MARKS = (NEW, REPEATED, CHANGED, CONDITION_DROPPED, CONDITION_MET, CONDITION_REFUSED)
_DEPENDS = frozenset("need needs needed require requires required depend depends dependent rely relies "
                     "conditional contingent hinge hinges".split())
_REFUSING = {"ruled_out", "refused"}
_NOT_ANSWERS = {"reported", "demanded"}  # a report of events or a demand of others neither meets nor refuses a need


def matter_terms(claim: PositionClaim) -> Counter[str]:
    counts = Counter(content_terms(f"{claim.action} {claim.target or ''}"))
    if claim.target_entity:
        counts["@" + claim.target_entity] += 1
    return counts


def actor_keys(claim: PositionClaim) -> list[str]:
    """Ledger entities, else the folded actor text (so "any reassurance force" still has a sequence)."""
    return claim.actor_entities or ["~" + (name_key(claim.actor_text) or fold(claim.actor_text).strip())]


def is_dependency(action: str) -> bool:
    return bool(_DEPENDS & set(re.findall(r"[a-z]+", fold(action))))


def assign_matter(ledger: SQLiteLedger, claim: PositionClaim) -> str:
    counts = matter_terms(claim)
    ledger.bump_claim_df(counts)
    vector = tfidf(counts, ledger.claim_df(counts), ledger.n_position_claims() + 1, TOP_TERMS) if counts else {}
    best, best_sim = None, JOIN
    for cand in ledger.matter_candidates(vector) if vector else []:
        sim = cand.dot / cand.norm if cand.norm else 0.0
        if sim >= best_sim:
            best, best_sim = cand.id, sim
    mid = best or "M" + hashlib.sha1(f"{claim.document_id}/{claim.local_id}".encode()).hexdigest()[:10]
    ledger.add_to_matter(mid, vector)
    ledger.set_matter_label(mid, _matter_label(ledger, mid, claim))
    return mid


def _matter_label(ledger: SQLiteLedger, matter: str, claim: PositionClaim) -> str:
    text = f"{claim.action} {claim.target or ''}"
    out = []
    for term in ledger.matter_top_terms(matter, limit=4):
        if term.startswith("@"):
            entity = ledger.ledger_entity(term[1:])
            out.append(entity.name if entity else term)
        else:
            forms = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if stem(w.lower()) == term]
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


def step_mark(prev, cur) -> str:
    if prev is None:
        return NEW
    if (prev["stance"], prev["polarity"]) != (cur["stance"], cur["polarity"]):
        return CHANGED
    if prev["condition_text"] and not cur["condition_text"]:
        return CONDITION_DROPPED
    if bool(prev["condition_text"]) != bool(cur["condition_text"]):
        return CHANGED
    if _condition_changed(prev["condition_text"], cur["condition_text"]):
        return CHANGED
    return REPEATED


def affiliations(ledger: SQLiteLedger, entity_id: str) -> set[str]:
    """Places a person acts for, read from their roles ("US president" -> the US)."""
    entity = ledger.ledger_entity(entity_id)
    if entity is None or entity.type != "person":
        return set()
    keys = set()
    for role in entity.roles:
        ws = name_words(role)
        keys |= {f"name:{w}" for w in ws} | {f"name:{a} {b}" for a, b in zip(ws, ws[1:])}
    return {e.id for e in ledger.entities_by_keys(keys) if e.type == "place"} if keys else set()


def remark(ledger: SQLiteLedger, actor_key: str, matter: str) -> None:
    """Mark every step of one actor's sequence on one matter (a late-arriving older article can
    change the marks after it; the sequence is short, so it is redone whole)."""
    parties = [actor_key] if actor_key.startswith("~") else [actor_key, *affiliations(ledger, actor_key)]
    prev = None
    for row in ledger.position_sequence(actor_key, matter):
        mark, previous = step_mark(prev, row), (prev["document_id"], prev["local_id"]) if prev else None
        if mark == NEW and not actor_key.startswith("~") and row["stance"] not in _NOT_ANSWERS:
            dep = _open_dependency(ledger, parties, row)
            if dep is not None:
                refused = row["stance"] in _REFUSING or row["polarity"] == "negated"
                mark, previous = (CONDITION_REFUSED if refused else CONDITION_MET), dep
        ledger.set_mark(row["document_id"], row["local_id"], actor_key, mark, previous)
        prev = row


def _open_dependency(ledger: SQLiteLedger, parties: list[str], row) -> tuple[str, str] | None:
    story = ledger.story_of(row["document_id"])
    for dep in ledger.dependencies_on(parties, story):
        if dep["document_id"] == row["document_id"] or not is_dependency(dep["action"]):
            continue
        if dep["day"] and row["day"] and dep["day"] > row["day"]:
            continue
        return dep["document_id"], dep["local_id"]
    return None


def link_positions(ledger: SQLiteLedger, document_id: str) -> int:
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
