"""Stance and polarity of a predicate from its modality, negation and verbs.

A claim's predicate is a chain read off the parse, outermost word first: "is preparing to deploy",
"has pledged to commit", "would not rule out sending". Each word may carry a cue (a stance verb or
adjective, a modal); the outermost cue sets the stance. Negation on the cue turns it ("will not" rules
out, "would not rule out" only considers, "is not ready to" rules out); negation below it negates the
action ("pledged not to raise taxes": committed, negated); a weak modal leaves only considering. As the
guide says, ruled_out and refused are never negated: the stance says it. Some readings are no position at
all ("did not call for", "does not necessarily want to", an indirect question): those are void.
Hand-written because no offline library reads commitment from English modality; the cue lists are small
and closed (lexicon.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from storyledger.annotate.claims.lexicon import (
    CLAUSE_DEMANDS,
    COMMIT,
    CONSIDER,
    DEMAND,
    DEONTIC,
    HEDGES,
    MUST_MODALS,
    NEGATIVE_NOUNS,
    NOUN_STANCE,
    OBJECT_DEMANDS,
    OPPOSE,
    PLAN_NOUNS,
    PREPARE,
    REFUSE,
    SPEECH_ACTIONS,
    STATEMENTS,
    STRONG_MODALS,
    SUPPORT,
    WEAK_MODALS,
    WILLING,
)
from storyledger.records import Polarity, Stance

# What negating the stance word does to it; None: no position is left ("did not call for").
_NEGATE: dict[Stance, Stance | None] = {
    Stance.COMMITTED: Stance.RULED_OUT,
    Stance.PREPARING: Stance.RULED_OUT,
    Stance.WILLING: Stance.RULED_OUT,
    Stance.CONSIDERING: Stance.RULED_OUT,
    Stance.DEMANDED: None,
    Stance.RULED_OUT: Stance.CONSIDERING,
    Stance.REFUSED: Stance.CONSIDERING,
    Stance.REPORTED: Stance.REPORTED,
}


@dataclass(frozen=True, slots=True)
class Reading:
    stance: Stance
    polarity: Polarity
    cue: Token | None  # the word that set the stance
    deontic: bool = False  # set by "had to", "must", "should": a demand on the subject
    void: bool = False  # no position is taken ("did not ask", "not necessarily", "whether ...")
    modal: str | None = None  # the modal that set or weakened the stance
    lexical: bool = False  # the stance came from a stance word, not a bare modal


def lemma(token: Token) -> str:
    """Lemma with particles folded in where they change the meaning ("rule out", "call for")."""
    low = token.lemma_.lower()
    # only a particle or a preposition right after the verb (past its object) makes a phrasal verb:
    # "called on X to", "called for sanctions", "ruled it out"; not "On Twitter, Bush called Trump ..."
    prts = {c.lower_ for c in token.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.i > token.i)}
    if (low == "rule" and "out" in prts) or (low == "turn" and "down" in prts):
        return "rule_out"
    if low == "call" and (prts & {"for", "on", "upon"} or any(
            c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children) for c in token.children)):
        return "call_for"
    if low == "draw" and "up" not in prts:
        return "draw_"
    if low == "insist" and "on" in prts:
        return "insist_on"
    if low == "work" and not prts & {"on", "toward", "towards"}:
        return "work_"
    if low == "go" and (not any(c.dep_ == "xcomp" for c in token.children) or token.tag_ != "VBG" or "on" in prts
                        or any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in token.children)):
        return "go_"  # only "is going to" plans; "went on to say", "was going to lose" do not
    if low == "set" and "to" not in {c.lower_ for c in token.children if c.dep_ == "aux"} and not any(
            c.dep_ == "xcomp" for c in token.children):
        return "set_"
    return low


def negations(token: Token) -> int:
    """Negators on a word: "not", "never", and "no" on a noun ("has no intention of", "no plans to")."""
    return sum(1 for c in token.children if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never", "no"))
               or (c.dep_ == "det" and c.lower_ == "no" and token.pos_ == "NOUN"))


def negated(token: Token) -> bool:
    """Negated an odd number of times ("would not not supply" is affirmed)."""
    return negations(token) % 2 == 1


def hedged(token: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in HEDGES for c in token.children)


def _governor(token: Token) -> Token:
    """The verb whose auxiliaries and negation belong to an adjective or noun in the chain."""
    if token.pos_ in ("ADJ", "NOUN") and token.dep_ in ("acomp", "attr", "dobj") and token.head.pos_ in ("AUX", "VERB"):
        return token.head
    return token


def modal(token: Token) -> str | None:
    for c in token.children:
        if c.dep_ == "aux" and c.tag_ == "MD" and not (c.lower_ in ("'d", "’d") and token.tag_ == "VBN"):
            return c.lower_  # "I'd never seen" is "had", not "would"
    return None


def _has_content(token: Token) -> bool:
    return any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and c.i > token.i and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in c.children)) for c in token.children)


def _others_act(token: Token) -> bool:
    """"wants Clinton to embrace", "asked them to": the content has a subject of its own."""
    return any(c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "nsubj" for g in c.children) for c in token.children) or (
        any(c.dep_ == "dobj" for c in token.children) and any(c.dep_ == "xcomp" for c in token.children))


def _says_of_another(token: Token) -> bool:
    """"pledged that Trump really is in favor": a statement about another party, not a pledge of one's own."""
    if any(c.dep_ == "xcomp" for c in token.children):
        return False
    content = next((c for c in token.children if c.dep_ == "ccomp"), None)
    subj = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None) if content is not None else None
    return subj is not None and subj.pos_ != "PRON"


def _statement_object(token: Token) -> bool:
    """"rejected the allegation": what is refused is a statement, not an action or a proposal."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in STATEMENTS for c in token.children)


def _asks_for_action(token: Token, low: str) -> bool:
    """A demand names what is to be done: "asked X to resign", "called for sanctions", "urged restraint".
    "asked Trump about his remarks", "pressed him on the issue" or "challenged the claim" ask nothing done."""
    kids = list(token.children)
    if any(c.dep_ == "ccomp" and (any(g.dep_ in ("mark", "advmod") and g.lower_ in ("if", "whether", "why", "how", "when")
                                     for g in c.children) or c.tag_ in ("WP", "WRB")) for c in kids):
        return False  # "asked Mook if ...", "asked whom she supported": a question, not a demand
    if any(c.dep_ == "ccomp" and low in CLAUSE_DEMANDS and (c.tag_ in ("VB", "VBP") or modal(c) in MUST_MODALS)
           for c in kids):
        return True  # "demanded that he resign", "urged that the party should"
    if any(c.dep_ == "xcomp" for c in kids) or any(
            c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children) for c in kids):
        return True
    if low in OBJECT_DEMANDS and any(c.dep_ == "dobj" for c in kids):
        return True
    return any(c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon") and low in OBJECT_DEMANDS | {"push", "press", "ask", "lobby", "appeal", "petition", "plead"}
               for c in kids) and not any(c.dep_ in ("prep",) and c.lower_ in ("about", "whether") for c in kids)


def _undergoes(token: Token, low: str) -> bool:
    """Stance words used of what happens to the subject, not of what it holds: "is favored to keep the
    House", "is almost guaranteed to attract", "backed away from the deal", "due to the enrollment"."""
    passive = any(c.dep_ == "auxpass" for c in token.children) or (token.tag_ == "VBN" and token.dep_ in ("acomp", "amod"))
    if passive and low in SUPPORT | OPPOSE | {"guarantee", "expect", "force", "pressure"} and not any(
            c.dep_ == "agent" for c in token.children):
        return True
    if low == "back" and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("away", "down", "off", "out")
                             for c in token.children):
        return True
    return low == "due" and not any(c.dep_ == "xcomp" for c in token.children)


def lexical_cue(token: Token) -> tuple[Stance, Polarity] | None:
    """The stance a word itself carries, if any."""
    low = lemma(token)
    pos = token.pos_
    if pos == "NOUN":
        return (Stance.PREPARING, Polarity.AFFIRMED) if token.lower_ in PLAN_NOUNS else None
    if (low in COMMIT and _says_of_another(token)) or ((low in REFUSE or low in OPPOSE) and _statement_object(token)):
        return None
    if _undergoes(token, low):
        return None
    if low in REFUSE:
        return (Stance.RULED_OUT if low == "rule_out" else Stance.REFUSED), Polarity.AFFIRMED
    if low in DEMAND and low != "insist" and (pos == "VERB" or low == "call_for") and _asks_for_action(token, low):
        return Stance.DEMANDED, Polarity.AFFIRMED
    if low in ("want", "need") and _others_act(token):
        return Stance.DEMANDED, Polarity.AFFIRMED
    if pos == "ADJ" and low in WILLING:
        return Stance.WILLING, Polarity.AFFIRMED
    if low in PREPARE and (low in ("prepare", "draw") or any(c.dep_ == "xcomp" for c in token.children)):
        return Stance.PREPARING, Polarity.AFFIRMED
    if low == "mean" and not any(c.dep_ == "xcomp" for c in token.children):
        return None  # "I meant he is ...": what one meant to say, not what one means to do
    if low == "offer":  # "offered to send troops", "offered a ceasefire"; not "offers voters what they want"
        return (Stance.COMMITTED, Polarity.AFFIRMED) if any(
            c.dep_ == "xcomp" or (c.dep_ == "dobj" and c.pos_ == "NOUN") for c in token.children) else None
    if low in COMMIT and (pos != "VERB" or _has_content(token)
                          or low in ("pledge", "promise", "vow", "commit", "agree", "threaten", "propose", "accept")):
        return Stance.COMMITTED, Polarity.AFFIRMED
    if low in WILLING and pos == "VERB" and any(c.dep_ == "xcomp" for c in token.children):
        return Stance.WILLING, Polarity.AFFIRMED
    if low in CONSIDER and pos == "VERB":
        return Stance.CONSIDERING, Polarity.AFFIRMED
    if low in SUPPORT and pos == "VERB":
        return Stance.REPORTED, Polarity.AFFIRMED
    if low in OPPOSE and pos == "VERB":
        return Stance.REPORTED, Polarity.NEGATED
    return None


def _question(token: Token) -> bool:
    """An indirect question ("did not say whether they will ..."): no position is stated."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children) and token.dep_ in (
        "ccomp", "xcomp", "pcomp", "advcl") and token.head.pos_ in ("VERB", "AUX", "ADJ")


def read(chain: list[Token]) -> Reading:
    """The stance of a predicate chain (outermost word first) and the polarity of its action."""
    found: tuple[Stance, Polarity] | None = None
    cue: Token | None = None
    stance_neg = inner_neg = weak = deontic = void = lexical = False
    weak_modal: str | None = None
    set_modal: str | None = None
    for n, token in enumerate(chain):
        if (token.lemma_.lower() in ("be", "become", "remain") and n + 1 < len(chain)
                and chain[n + 1].pos_ == "ADJ" and lexical_cue(chain[n + 1]) is not None):
            continue  # "will be ready to": the adjective carries the stance, with the copula's modal
        gov = _governor(token)
        neg = negated(token) != (gov.i != token.i and negated(gov))
        void = void or hedged(token) or _question(token) or (n > 0 and any(
            c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in token.children))
        md = modal(token) or (modal(gov) if gov.i != token.i else None)
        lex = lexical_cue(token)
        is_lex = lex is not None
        if lex is None and lemma(token) in DEONTIC and any(c.dep_ == "xcomp" for c in token.children):
            lex, deontic = (Stance.DEMANDED, Polarity.AFFIRMED), True
        if md in WEAK_MODALS and found is None:
            weak, weak_modal = True, md
        if found is None:
            if md in MUST_MODALS and (lex is None or lex[0] in (Stance.COMMITTED, Stance.WILLING, Stance.PREPARING)):
                # "Hamas should accept the framework": a demand on Hamas, whatever the verb
                lex, deontic, is_lex = (Stance.DEMANDED, Polarity.AFFIRMED), True, False
            if lex is None and md in STRONG_MODALS:
                lex = (Stance.COMMITTED, Polarity.AFFIRMED)
            if lex is None and md in WEAK_MODALS:
                lex = (Stance.CONSIDERING, Polarity.AFFIRMED)
            if lex is not None:
                found, cue, stance_neg, lexical, set_modal = lex, token, neg, is_lex, md
                continue
            if neg:
                stance_neg = not stance_neg
        elif neg:
            inner_neg = not inner_neg
    if found is None:
        polarity = Polarity.NEGATED if stance_neg else Polarity.AFFIRMED
        return Reading(Stance.REPORTED, polarity, None, void=void, modal=weak_modal)
    stance, polarity = found
    if stance_neg and stance == Stance.REPORTED and (set_modal or weak_modal):
        # "could not support the movement", "won't back him": a statement one will not do it
        return Reading(Stance.RULED_OUT, Polarity.AFFIRMED, cue, deontic, void, set_modal or weak_modal, lexical)
    if stance_neg:
        turned = _NEGATE[stance]
        if turned is None:
            return Reading(stance, polarity, cue, deontic, True, set_modal or weak_modal, lexical)
        if stance == Stance.REPORTED:
            polarity = Polarity.AFFIRMED if polarity == Polarity.NEGATED else Polarity.NEGATED
        stance = turned
        if deontic:  # "must not", "should not": a demand not to
            stance, polarity = Stance.DEMANDED, Polarity.NEGATED
    if weak and stance in (Stance.COMMITTED, Stance.PREPARING):
        stance = Stance.CONSIDERING
    if stance in (Stance.REFUSED, Stance.RULED_OUT) and chain[-1].lemma_.lower() in SPEECH_ACTIONS:
        void = True  # "declined to comment", "wouldn't discuss whether": no position on any matter
    if inner_neg and stance not in (Stance.RULED_OUT, Stance.REFUSED):
        polarity = Polarity.AFFIRMED if polarity == Polarity.NEGATED else Polarity.NEGATED
    return Reading(stance, polarity, cue, deontic, void, set_modal or weak_modal, lexical)


def read_noun(noun: Token, content: Token | None = None) -> Reading | None:
    """The stance a position noun gives its possessor ("his refusal to", "her support for")."""
    name = NOUN_STANCE.get(noun.lemma_.lower())
    if name is None:
        return None
    polarity = Polarity.NEGATED if noun.lemma_.lower() in NEGATIVE_NOUNS else Polarity.AFFIRMED
    if content is not None and negated(content) and name not in ("refused", "ruled_out"):
        polarity = Polarity.AFFIRMED if polarity == Polarity.NEGATED else Polarity.NEGATED
    return Reading(Stance(name), polarity, noun, lexical=True)
