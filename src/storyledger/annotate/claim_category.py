"""PLOVER category of a claim's predicate, from a lemma lexicon (data/plover_lexicon.tsv).

No public model codes PLOVER and runs offline, and the categories are largely signalled by the verb
or its object noun ("impose sanctions", "send troops"), so a lexicon read off the parse does it.
PLOVER's own rule is applied on top: future or intended cooperation (CONSULT, SUPPORT, COOPERATE,
AID) is coded AGREE, and speech acts about an action (urge, refuse, threaten) take their own category.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from storyledger.records import Stance

_INTENT_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"}
# A promised or planned coercive act is a threat of it (PLOVER THREATEN: "warn of, or say one will ...");
# MOBILIZE stays: a plan to deploy troops is coded as the mobilisation itself.
_INTENT_THREATEN = {"COERCE", "SANCTION", "ASSAULT"}
_INTENT = {Stance.COMMITTED, Stance.WILLING, Stance.PREPARING}
_OBJECT_DEPS = {"dobj", "pobj", "attr", "nsubjpass", "oprd", "dative"}


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], str]:
    """(lemma, kind) -> category; kind is verb, noun or light (a light verb's category may be empty)."""
    table: dict[tuple[str, str], str] = {}
    text = files("storyledger.data").joinpath("plover_lexicon.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, kind, *rest = line.split("\t")
        table[(lemma, kind)] = rest[0].strip() if rest else ""
    return table


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        if lemma in ("rule", "turn"):
            return "reject"
        if lemma in ("pull", "move"):
            return "withdraw"
        if lemma == "carry":
            return "carry"
    if lemma == "call" and any(c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on") for c in token.children):
        return "call_for"
    if lemma == "work" and any(c.lower_ == "together" for c in token.children):
        return "cooperate"
    if lemma == "crack" and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return "crack"
    return lemma


def _object_category(token: Token) -> str | None:
    """The category of the first categorised noun among the token's objects (two levels deep)."""
    table = lexicon()
    frontier = [token]
    for _ in range(3):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in _OBJECT_DEPS or c.dep_ in ("prep", "conj", "compound", "xcomp", "acl"):
                    if c.pos_ in ("NOUN", "PROPN"):
                        cat = table.get((c.lemma_.lower(), "noun")) or table.get((c.lower_, "noun"))
                        if cat and c.dep_ != "compound":
                            return cat
                    nxt.append(c)
        frontier = nxt
    return None


def word_category(token: Token) -> str | None:
    """The category the word itself carries: a verb, a noun, or a light verb through its object."""
    table = lexicon()
    lemma = _lemma(token)
    if token.pos_ in ("NOUN", "PROPN"):
        return table.get((lemma, "noun")) or table.get((token.lower_, "noun")) or None
    if (lemma, "light") in table:
        return _object_category(token) or table[(lemma, "light")] or None
    cat = table.get((lemma, "verb"))
    if cat == "PROTEST" and any(c.dep_ == "dobj" for c in token.children):
        cat = None  # "demonstrated the shared goal" is not a demonstration
    if cat:
        return cat
    if token.pos_ in ("VERB", "AUX", "ADJ"):
        return _object_category(token)
    return None


_SPEECH_ACTS = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT"}


def categorise(chain: list[Token], stance: Stance, lexical: bool = True) -> str:
    """Category for a predicate chain, outermost word first ("pledged" -> "commit" -> ...).

    A speech act in the chain (agree, urge, refuse, threaten) is the event PLOVER codes; otherwise
    the innermost action decides, and intended cooperation becomes AGREE. With nothing to go on the
    stance decides (willing -> AGREE) unless it came from a bare modal ("would"). "" when nothing fits."""
    for token in chain[:-1]:
        cat = word_category(token)
        if cat == "REJECT" and stance not in (Stance.RULED_OUT, Stance.REFUSED):
            continue  # "would not rule out sending troops" is about the troops
        if cat in _SPEECH_ACTS:
            return cat
    inner = ""
    for token in reversed(chain):
        inner = word_category(token) or ""
        if inner:
            break
    if inner in _INTENT_AGREE and stance in (Stance.COMMITTED, Stance.WILLING):
        return "AGREE"
    if inner in _INTENT_THREATEN and stance in _INTENT:
        return "THREATEN"
    if not inner and (lexical or stance != Stance.COMMITTED):
        return {Stance.DEMANDED: "REQUEST", Stance.REFUSED: "REJECT", Stance.RULED_OUT: "REJECT",
                Stance.WILLING: "AGREE", Stance.COMMITTED: "AGREE"}.get(stance, "")
    return inner
