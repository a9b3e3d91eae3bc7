"""Stance and polarity of a predicate from its modality, negation and verbs.

A claim's predicate is a chain read off the parse, outermost word first: "is preparing to deploy",
"has pledged to commit", "would not rule out sending". Each word may carry a cue (a stance verb or
adjective, a modal); the outermost cue sets the stance, negation on it turns it ("not rule out" is
considering), negation below it negates the action ("pledged not to send" rules it out), and a weak
modal anywhere ("could", "may") leaves only considering. Hand-written because no offline library
reads commitment from English modality; the cue lists are small and closed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from storyledger.records import Polarity, Stance

COMMIT = {"pledge", "promise", "vow", "commit", "agree", "undertake", "guarantee", "decide", "resolve",
          "threaten", "swear", "insist_on", "determine", "set", "go", "schedule", "due"}
PREPARE = {"prepare", "plan", "draw", "intend", "aim", "gear", "try", "attempt", "work", "move", "organise",
           "organize", "arrange", "finalise", "finalize", "seek_to", "begin", "start"}
PLAN_NOUNS = {"plan", "plans", "preparation", "preparations", "proposal", "proposals", "option", "options",
              "intention", "bid", "effort", "efforts"}
WILLING = {"willing", "ready", "prepared", "open", "able", "happy", "eager", "keen", "offer", "want", "hope",
           "wish", "seek", "volunteer", "able"}
CONSIDER = {"consider", "weigh", "discuss", "explore", "mull", "examine", "study", "review", "debate",
            "contemplate", "expect", "possible", "likely", "evaluate", "assess", "ponder", "look"}
DEMAND = {"urge", "demand", "ask", "press", "push", "pressure", "request", "appeal", "implore", "call_for",
          "order", "instruct", "require", "encourage", "beg", "plead", "exhort"}
REFUSE = {"refuse", "reject", "decline", "rebuff", "veto", "oppose", "resist", "deny", "spurn"}
DEONTIC = {"have", "need", "ought"}  # "had to show flexibility", "need to see this developing"
STRONG_MODALS = {"will", "shall", "'ll", "wo", "would", "'d"}
WEAK_MODALS = {"may", "might", "could", "can", "ca"}
MUST_MODALS = {"must", "should", "ought"}
NEGATORS = {"not", "n't", "never", "no"}

_NEGATE = {
    Stance.COMMITTED: (Stance.RULED_OUT, Polarity.NEGATED),
    Stance.PREPARING: (Stance.REPORTED, Polarity.NEGATED),
    Stance.WILLING: (Stance.REFUSED, Polarity.NEGATED),
    Stance.CONSIDERING: (Stance.RULED_OUT, Polarity.NEGATED),
    Stance.DEMANDED: (Stance.REPORTED, Polarity.NEGATED),
    Stance.RULED_OUT: (Stance.CONSIDERING, Polarity.AFFIRMED),
    Stance.REFUSED: (Stance.CONSIDERING, Polarity.AFFIRMED),
    Stance.REPORTED: (Stance.REPORTED, Polarity.NEGATED),
}


@dataclass(frozen=True, slots=True)
class Reading:
    stance: Stance
    polarity: Polarity
    cue: Token | None  # the word that set the stance
    deontic: bool = False  # set by "had to", "must", "should": a demand on the subject


def lemma(token: Token) -> str:
    """Lemma with particles folded in where they change the meaning ("rule out", "call for")."""
    low = token.lemma_.lower()
    prts = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    if (low == "rule" and "out" in prts) or (low == "turn" and "down" in prts):
        return "rule_out"
    if low == "call" and prts & {"for", "on"}:
        return "call_for"
    if low == "draw" and "up" not in prts:
        return "draw_"
    if low == "insist" and "on" in prts:
        return "insist_on"
    if low == "work" and not any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children):
        return "work_"
    return low


def negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never", "no")) for c in token.children)


def _governor(token: Token) -> Token:
    """The verb whose auxiliaries and negation belong to an adjective or noun in the chain."""
    if token.pos_ in ("ADJ", "NOUN") and token.dep_ in ("acomp", "attr", "dobj") and token.head.pos_ in ("AUX", "VERB"):
        return token.head
    return token


def modal(token: Token) -> str | None:
    for c in token.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            return c.lower_
    return None


def lexical_cue(token: Token) -> Stance | None:
    low = lemma(token)
    if low == "rule_out":
        return Stance.RULED_OUT
    if low in REFUSE:
        return Stance.REFUSED
    if low in DEMAND:
        return Stance.DEMANDED
    if token.pos_ == "ADJ" and low in WILLING | {"prepared"}:
        return Stance.WILLING
    if token.pos_ == "NOUN" and token.lower_ in PLAN_NOUNS:
        return Stance.PREPARING
    if low in PREPARE and (low in ("prepare", "plan", "draw") or any(c.dep_ == "xcomp" for c in token.children)):
        return Stance.PREPARING
    if low in COMMIT and (token.pos_ != "VERB" or any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
                          or low in ("pledge", "promise", "vow", "commit", "agree", "threaten")):
        return Stance.COMMITTED
    if low in WILLING and not (token.pos_ == "VERB" and low == "open"):  # "opened fire" is no offer
        return Stance.WILLING
    if low in CONSIDER:
        return Stance.CONSIDERING
    return None


def read(chain: list[Token]) -> Reading:
    """The stance of a predicate chain (outermost word first) and the polarity of its action."""
    stance: Stance | None = None
    cue: Token | None = None
    stance_neg = inner_neg = weak = deontic = False
    for n, token in enumerate(chain):
        if (token.lemma_.lower() in ("be", "become", "remain") and n + 1 < len(chain)
                and chain[n + 1].pos_ == "ADJ" and lexical_cue(chain[n + 1]) is not None):
            continue  # "will be ready to": the adjective carries the stance, with the copula's modal
        gov = _governor(token)
        neg = negated(token) or (gov.i != token.i and negated(gov))
        md = modal(token) or (modal(gov) if gov.i != token.i else None)
        lex = lexical_cue(token)
        if lemma(token) in DEONTIC and any(c.dep_ == "xcomp" for c in token.children):
            lex, deontic = Stance.DEMANDED, True
        if md in WEAK_MODALS and stance is None:
            weak = True
        if stance is None:
            if lex is None and md in MUST_MODALS:
                lex, deontic = Stance.DEMANDED, True
            if lex is None and md in STRONG_MODALS:
                lex = Stance.COMMITTED
            if lex is None and md in WEAK_MODALS:
                lex = Stance.CONSIDERING
            if lex is not None:
                stance, cue, stance_neg = lex, token, neg
                continue
            if neg:
                stance_neg = True
        elif neg:
            inner_neg = True
    if stance is None:
        return Reading(Stance.REPORTED, Polarity.NEGATED if stance_neg else Polarity.AFFIRMED, None)
    polarity = Polarity.NEGATED if stance in (Stance.RULED_OUT, Stance.REFUSED) else Polarity.AFFIRMED
    if stance_neg:
        stance, polarity = _NEGATE[stance]
    if weak and stance in (Stance.COMMITTED, Stance.PREPARING, Stance.WILLING):
        stance = Stance.CONSIDERING
    if inner_neg:
        if stance == Stance.COMMITTED:
            stance = Stance.RULED_OUT
        polarity = Polarity.AFFIRMED if polarity == Polarity.NEGATED else Polarity.NEGATED
    return Reading(stance, polarity, cue, deontic)
