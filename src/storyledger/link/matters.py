"""Matters: what positions are about ("troops to Ukraine", "tariffs on EU steel"), found by meaning.

Each claim's "what" (its action and target) is a sentence vector; it joins the matter of its story
whose centroid it is nearest, when the cosine reaches ``JOIN``, or founds one. Claims are compared with
their own story's matters only, so adding an article costs about the same whatever the ledger's size.
A matter is labelled with the claim text nearest its centroid, short phrases preferred, so a reader
sees words a person wrote ("suspend its mediation role"), not a bag of stems.

Without the sentence model (its packages not installed), matters fall back to the words of the claims:
IDF-weighted term centroids behind an inverted index. Nothing here knows any story.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import numpy as np

from storyledger.link.embeddings import Encoder, encoder, unit
from storyledger.link.ports import LinkLedger
from storyledger.link.records import Clusters, MatterVector, PositionClaim
from storyledger.link.text import content_terms, fold, stem, surface_words
from storyledger.link.vectors import add_to_centroid, nearest, tfidf, top_terms

JOIN = 0.65  # cosine with a matter's centroid at or above which a claim joins it
ACTOR_RECENT = 200  # an actor's latest positions whose matters a claim also meets (a story split in two)
LABEL_WORDS = 8
LONG_LABEL_PENALTY = 0.02  # per word past five: a short phrase near the centroid beats a long one
# The lexical fallback's parameters.
LEXICAL_JOIN = 0.35
TOP_TERMS = 12
CENTROID_TERMS = 30
CANDIDATES = 10

# Where a claim's action phrase stops saying what it is about and starts its circumstances.
_CLAUSE_END = re.compile(r"[,;:()“”\"]| [–—-] | (?:which|while|who|whom|whose|including|such as|so that|so it|"
                         r"as they|as soon as|in order to|with talks|after|before|because|until|unless|if)\b")


# Words that say how a position is held, not what it is about: left out of a matter's label, so one
# label serves the refusal and the acceptance of the same offer.
_STANCE_WORDS = frozenset(
    "not no accept accepts accepted accepting reject rejects rejected rejecting refuse refuses refused refusing "
    "agree agrees agreed agreeing to approve approves approved back backs backed support supports supported "
    "oppose opposes opposed consider considers considered considering weigh weighs weighed weighing "
    "discuss discusses discussed discussing endorse endorsed welcome welcomed".split()
)


def matter_text(claim: PositionClaim) -> str:
    """What the claim is about: its action, with its target when the action doesn't name it."""
    action = claim.action.strip()
    if claim.target and fold(claim.target) not in fold(action):
        return f"{action} ({claim.target})"
    return action


def short_label(text: str) -> str:
    """The phrase's head without the stance it was taken with ("accepted the offer" -> "the offer"): up to its
    first clause break, at most ``LABEL_WORDS`` words."""
    words = text.replace("“", "").replace("”", "").replace('"', "").split()
    while len(words) > 2 and words[0].lower() in _STANCE_WORDS:
        words = words[1:]
    head = " ".join(words)
    cut = next((m.start() for m in _CLAUSE_END.finditer(head) if len(head[: m.start()].split()) >= 2), len(head))
    words = head[:cut].split()
    return " ".join(words[:LABEL_WORDS]) + (" …" if len(words) > LABEL_WORDS else "")


def _label_score(vector: np.ndarray, centroid: np.ndarray, label: str) -> float:
    return float(vector @ centroid) - LONG_LABEL_PENALTY * max(0, len(label.split()) - 5)


def _matter_id(claim: PositionClaim) -> str:
    return "M" + hashlib.sha1(f"{claim.document_id}/{claim.local_id}".encode()).hexdigest()[:10]


def assign_matters(ledger: LinkLedger, claims: list[PositionClaim], story: str | None,
                   actors: list[str]) -> list[str]:
    """The matter of each claim, in order (founding matters as needed); ``actors`` are the sequences the
    claims join, whose matters in other stories are candidates too."""
    model = encoder()
    if model is None:
        return [lexical_matter(ledger, c) for c in claims]
    return _by_meaning(ledger, model, claims, story, actors)


def _by_meaning(ledger: LinkLedger, model: Encoder, claims: list[PositionClaim], story: str | None,
                actors: list[str]) -> list[str]:
    known = {m.id: m for m in ledger.actor_matter_vectors(actors, model.name, ACTOR_RECENT)}
    known |= {m.id: m for m in ledger.story_matter_vectors(story, model.name)} if story else {}
    ids = sorted(known)
    totals = [np.frombuffer(known[i].total, dtype=np.float32) for i in ids]
    texts = [matter_text(c) for c in claims]
    out = []
    for claim, text, vector in zip(claims, texts, model.encode(texts)):
        best = None
        if ids:
            sims = unit(np.stack(totals)) @ vector
            nearest_i = int(np.argmax(sims))  # the first of equals: matters are in a fixed order
            best = ids[nearest_i] if sims[nearest_i] >= JOIN else None
        mid = best or _matter_id(claim)
        ledger.add_to_matter(mid)
        total = (totals[ids.index(mid)] if best else np.zeros_like(vector)) + vector
        label, label_vector = short_label(text), vector
        if best:
            old = known[mid]
            old_vector = np.frombuffer(old.label_vector, dtype=np.float32)
            centroid = unit(total)
            if _label_score(old_vector, centroid, old.label) >= _label_score(vector, centroid, label):
                label, label_vector = old.label, old_vector
            totals[ids.index(mid)] = total
        else:
            ids.append(mid)
            totals.append(total)
        known[mid] = MatterVector(mid, model.name, total.astype(np.float32).tobytes(), label,
                                  label_vector.astype(np.float32).tobytes())
        ledger.save_matter_vector(story, known[mid])
        ledger.set_matter_label(mid, label)
        out.append(mid)
    return out


# -- the lexical fallback ----------------------------------------------------------------------


def matter_terms(claim: PositionClaim) -> Counter[str]:
    counts = Counter(content_terms(f"{claim.action} {claim.target or ''}"))
    if claim.target_entity:
        counts["@" + claim.target_entity] += 1
    return counts


def lexical_matter(ledger: LinkLedger, claim: PositionClaim) -> str:
    """The claim's matter by shared words (IDF-weighted cosine with the matters' term centroids)."""
    counts = matter_terms(claim)
    ledger.bump_term_df(Clusters.MATTERS, counts)
    n_claims = ledger.n_position_claims() + 1
    vector = tfidf(counts, ledger.term_df(Clusters.MATTERS, counts), n_claims, TOP_TERMS) if counts else {}
    best, best_sim = None, LEXICAL_JOIN
    for cand in nearest(ledger, Clusters.MATTERS, vector, CANDIDATES) if vector else []:
        if cand.similarity >= best_sim:
            best, best_sim = cand.id, cand.similarity
    mid = best or _matter_id(claim)
    ledger.add_to_matter(mid)
    top = top_terms(add_to_centroid(ledger, Clusters.MATTERS, mid, vector, CENTROID_TERMS), 4)
    ledger.set_matter_label(mid, _lexical_label(ledger, top, claim))
    return mid


def _lexical_label(ledger: LinkLedger, top: list[str], claim: PositionClaim) -> str:
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
