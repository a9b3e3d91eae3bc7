"""Candidate claims read off the parse: who (the holder word), what (the predicate chain) and how
(its stance reading), before any decision to keep them.

Candidates come from clause heads ("X is preparing to deploy"), from participles and relative clauses
that take their holder from the noun they hang on ("Trump, who has said he wants ..."; "..., pledging to
deport"), and from position nouns with a possessor ("Obama's plan to admit refugees", "his refusal to
release"). The holder of a demand relayed by someone else is the one who relays it ("Israel must stop,
Trump said": Trump demands it of Israel). Whether a candidate is kept is the scorer's decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyledger.annotate.claims.condition import find_condition, is_condition_clause
from storyledger.annotate.claims.lexicon import (
    BELIEF,
    COPULAS,
    DEMAND,
    HAPPENINGS,
    NOUN_STANCE,
    PLAN_MAKERS,
    PLAN_NOUNS,
    OPPOSE,
    POSITION_NOUNS,
    REFUSE,
    REPORTING,
    SPEECH_ACTIONS,
    SUPPORT,
)
from storyledger.annotate.claims.stance import Reading, lemma, lexical_cue, modal, read, read_noun
from storyledger.records import Span, Stance

_HEAD_DEPS = {"ROOT", "ccomp", "conj", "parataxis", "advcl", "pcomp", "relcl"}
_RELATIVE = {"who", "that", "which"}
FIRST_PERSON = {"i", "we", "me", "us"}


class Via(StrEnum):
    """How the holder was found: which words name who holds the position."""

    SUBJECT = "subject"  # the clause's own subject
    AGENT = "agent"  # "was vetoed by the United States"
    RELATIVE = "relative"  # "Trump, who has said ..."
    MAIN = "main"  # a participle's holder is its clause's subject ("..., pledging to")
    POSSESSOR = "possessor"  # "Obama's plan to"
    REPORTER = "reporter"  # a demand relayed: the one who relays it


@dataclass(slots=True)
class Candidate:
    sent: SpacySpan
    head: Token  # the clause head (or the position noun) the candidate is read from
    chain: list[Token]  # outermost word first, down to the action
    reading: Reading
    holder: Token | None  # the word naming the holder (None: the speaker of the quote it sits in)
    via: Via
    subject: Token | None  # the clause's grammatical subject (the addressee when a demand is relayed)
    reporter: Token | None = None  # subject of the reporting verb the clause is the content of
    reporter_verb: Token | None = None
    addressee: Token | None = None
    passive_subject: Token | None = None
    nominal: bool = False
    condition: Span | None = None
    drop: set[int] = field(default_factory=set)  # tokens of the condition, kept out of the action


def predicate_chain(head: Token) -> list[Token]:
    """From a clause's head down to its action: "is preparing" -> "deploy"; "is willing" -> "help";
    "drawing up plans" -> "send"; "called on" -> "sanctions"."""
    chain = [head]
    seen = {head.i}
    token = head
    while True:
        kids = list(token.children)
        nxt = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX", "ADJ")), None)
        if nxt is None and lexical_cue(token) is not None and not any(c.dep_ == "dobj" for c in kids):
            # "volunteered to replace him", parsed as a purpose clause ("commit forces to deter" is one)
            nxt = next((c for c in kids if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > token.i
                        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        if nxt is None and token.lemma_.lower() in COPULAS:
            nxt = next((c for c in kids if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
        if nxt is None and token.lemma_.lower() in PLAN_MAKERS:
            plan = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in PLAN_NOUNS), None)
            if plan is not None:
                act = next((c for c in plan.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
                if act is None:  # "no intention of joining"
                    act = next((g for p in plan.children if p.dep_ == "prep" and p.lower_ in ("of", "to")
                                for g in p.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
                chain.append(plan)
                nxt = act
        if nxt is None and lemma(token) in DEMAND | {"rule_out", "discuss", "consider", "reject", "refuse"}:
            nxt = next((c for c in kids if c.dep_ in ("ccomp",) and c.pos_ in ("VERB", "AUX")), None)
            if nxt is None:
                nxt = next((c for c in kids if c.dep_ == "dobj" and c.pos_ in ("NOUN", "VERB")), None)
            if nxt is None:  # "calling for Trump to be banned": a clause marked by "for"
                nxt = next((c for c in kids if c.dep_ == "advcl" and any(
                    g.dep_ == "mark" and g.lower_ == "for" for g in c.children)), None)
            if nxt is None:
                for prep in (c for c in kids if c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon")):
                    nxt = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) or nxt
        if nxt is None or nxt.i in seen:
            return chain
        chain.append(nxt)
        seen.add(nxt.i)
        token = nxt


def is_reporting(token: Token) -> bool:
    return token.lemma_.lower() in REPORTING and any(
        c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "dobj" and c.pos_ == "VERB") for c in token.children)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing through coordinated and controlled verbs that have none."""
    t = verb
    if verb.dep_ == "conj" and verb.lemma_.lower() in REPORTING and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "... as the US president admitted X but stressed that Y": the subject of the nearer report.
        root = verb
        while root.head.i != root.i:
            root = root.head
        earlier = [w for w in root.subtree if w.i < verb.i and w.lemma_.lower() in REPORTING
                   and any(c.dep_ == "nsubj" for c in w.children)]
        if earlier:
            t = earlier[-1]
    for _ in range(4):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if subj is not None:
            return subj
        if t.dep_ == "conj":
            own = stranded_subject(t)
            if own is not None:
                return own
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
        else:
            return None
    return None


def stranded_subject(verb: Token) -> Token | None:
    """"X will withdraw from the city and Y will free hostages", parsed with Y hung on the first clause:
    a coordinated verb with an auxiliary of its own has the noun right before that auxiliary as subject."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not aux:
        return None
    before = aux[0].i - 1
    doc = verb.doc
    while before >= 0 and doc[before].dep_ in ("advmod", "neg") and doc[before].head.i == verb.i:
        before -= 1
    if before < 0 or doc[before].pos_ not in ("PROPN", "NOUN", "PRON") or doc[before].dep_ in ("nsubj", "nsubjpass"):
        return None
    noun = doc[before]
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i:
        noun = noun.head
    return noun if noun.i < aux[0].i else None


def _position_clause(t: Token) -> bool:
    """"it was his position that Parliament would have a say": a clause stating a held position."""
    return (t.dep_ in ("relcl", "acl", "ccomp") and t.head.lemma_.lower() in POSITION_NOUNS
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children))


def reporter_of(head: Token) -> Token | None:
    """Who the clause is reported by: the subject of the reporting verb it is the content of ("Downing
    Street has said"), the possessor of a position noun ("his position that"), or "according to X"."""
    t = head
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if _position_clause(t):
        return next((c for c in t.head.children if c.dep_ == "poss"), None)
    according = _according_to(t)
    if according is not None:
        return according
    verb: Token | None
    if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in REPORTING:
        verb = t.head
    elif t.dep_ == "ROOT":
        verb = next((c for c in t.children if c.dep_ in ("parataxis", "advcl", "ccomp") and c.lemma_.lower() in REPORTING
                     and c.i > t.i and not any(g.dep_ == "ccomp" for g in c.children)), None)
        if verb is None:
            return None
    else:
        return None
    return subject_of(verb)


def _according_to(t: Token) -> Token | None:
    """"According to Witkoff, ...": the named source of the clause."""
    for c in t.children:
        if c.lower_ == "according" and c.dep_ == "prep":
            to = next((g for g in c.children if g.lower_ == "to"), None)
            obj = next((g for g in (to or c).children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _reduced_passive(t: Token) -> bool:
    """"a meeting attended by more than 30 leaders": the agent acts on the noun the participle modifies."""
    return t.dep_ == "acl" and t.tag_ == "VBN" and any(c.dep_ == "agent" for c in t.children)


def clause_heads(sent: SpacySpan, skip: set[int]) -> list[Token]:
    """The words that head a clause which may state a position (reporting verbs themselves do not)."""
    heads = []
    for t in sent:
        if t.i in skip or t.pos_ not in ("VERB", "AUX"):
            continue
        if _position_clause(t) or _reduced_passive(t):
            heads.append(t)
            continue
        if t.dep_ not in _HEAD_DEPS:
            continue
        if t.pos_ == "AUX" and not any(c.dep_ in ("acomp", "attr", "xcomp") for c in t.children):
            continue
        if t.dep_ == "advcl" and (is_condition_clause(t) or any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)):
            continue
        if t.dep_ == "relcl" and not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE for c in t.children):
            continue
        if t.dep_ == "pcomp" and t.lemma_.lower() not in REPORTING:
            continue
        if (is_reporting(t) or (t.lemma_.lower() in REPORTING and t.dep_ in ("ROOT", "parataxis")
                                and any(c.dep_ == "nsubj" for c in t.children)
                                and not any(c.dep_ in ("dobj", "xcomp") for c in t.children))) and not modal(t):
            continue  # a report is no position of its own; "will testify" is a plan
        heads.append(t)
    return heads


def _antecedent(relative: Token, attached: Token) -> Token:
    """What "who" stands for: the noun right before it ("Patrick Murray of Christie, who opted to ...":
    Christie), where the parser may have hung the clause on an earlier noun."""
    before = relative.i - 1
    while before >= 0 and relative.doc[before].is_punct:
        before -= 1
    if before < 0:
        return attached
    near = relative.doc[before]
    while near.dep_ in ("compound", "flat") and near.head.i > near.i:
        near = near.head
    if near.pos_ == "PROPN" and near.i != attached.i and near.head.i != attached.i or near.dep_ == "pobj":
        return near if near.pos_ in ("PROPN", "NOUN") else attached
    return attached


def _holder(head: Token) -> tuple[Token | None, Via, Token | None]:
    """(holder word, how found, passive subject) for a verbal clause head."""
    subj = subject_of(head)
    via = Via.SUBJECT
    if subj is not None and subj.lower_ in _RELATIVE and head.dep_ == "relcl":
        subj, via = _antecedent(subj, head.head), Via.RELATIVE
    if subj is None and head.dep_ == "advcl" and head.tag_ == "VBG":
        subj, via = subject_of(head.head), Via.MAIN  # "..., pledging to deport refugees"
    agent = next((c for c in head.children if c.dep_ == "agent"), None)
    if subj is None and agent is not None and _reduced_passive(head):
        subj = head.head
    if agent is not None and subj is not None and (subj.dep_ == "nsubjpass" or subj.i == head.head.i):
        by = next((c for c in agent.children if c.dep_ == "pobj"), None)
        return by, Via.AGENT, subj
    return subj, via, None


def _conj_prefix(head: Token) -> list[Token]:
    """"promising to bomb X, bring back Y and deport Z": "deport" keeps "promising to" above it."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.i != head.i and head.tag_ == "VB" and first.tag_ != "VB":
        # "promising to bomb X, bring back Y ...", with "bring" hung on "promising": a bare verb after
        # the infinitive continues the infinitive's list
        inf = next((c for c in first.children if c.dep_ == "xcomp" and c.tag_ == "VB" and c.i < head.i), None)
        if inf is not None:
            chain = predicate_chain(first)
            return chain[:chain.index(inf)] if inf in chain else []
    if first.i == head.i or first.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "pcomp"):
        return []
    t = first
    for _ in range(4):
        if t.head.i == t.i:
            return []
        t = t.head
        chain = predicate_chain(t)
        if first in chain:
            return chain[:chain.index(first)]
    return []


def verbal(sent: SpacySpan, head: Token) -> Candidate | None:
    chain = _conj_prefix(head) + predicate_chain(head)
    reading = read(chain)
    holder, via, passive = _holder(head)
    if holder is None:
        return None
    if holder.dep_ == "nsubjpass" and via == Via.SUBJECT and reading.cue is not None and (
            lemma(reading.cue) in DEMAND | REFUSE | SUPPORT | OPPOSE):
        return None  # "Trump was asked to ...", "the bill was rejected": the subject is not who holds it
    inner = [t for t in chain[-1].subtree if t.i != chain[-1].i]
    cond, drop = find_condition(chain, inner)
    reporter = reporter_of(head)
    reporter_verb = reporter.head if reporter is not None else None
    if cond is None and reporter_verb is not None:
        cond, drop = find_condition([reporter_verb])
    addressee = None
    if reading.cue is not None and lemma(reading.cue) in DEMAND:
        addressee = next((c for c in reading.cue.children if c.dep_ in ("dobj", "dative", "nsubj")
                          and c.pos_ in ("PROPN", "NOUN", "PRON") and c.i != chain[-1].i
                          and c.i != holder.i), None)
        if addressee is None:
            addressee = _called_on(reading.cue)
        if addressee is None and len(chain) > 1 and chain[1].dep_ in ("advcl", "ccomp"):
            addressee = next((c for c in chain[1].children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (cond is not None and reading.modal is None and head.tag_ in ("VBZ", "VBP") and cond.start < head.idx
            and cond.text.lower().startswith("if")):
        # "If X moderates his rhetoric, he offers voters what they want": a hypothetical, no one's position
        reading = replace(reading, void=True)
    if not reading.lexical and lemma(chain[-1]) in BELIEF:
        # "couldn't believe that ...": what one thinks is no action one commits to
        reading = replace(reading, void=True)
    if not reading.lexical and reading.stance == Stance.CONSIDERING:
        # "Norvania could send troops": a bare "may", "might" or "could" is a possibility, not one weighed
        reading = replace(reading, void=True)
    if not reading.deontic and lemma(chain[-1]) in HAPPENINGS and (
            not reading.lexical or (reading.cue is not None and lemma(reading.cue) == "go")):
        # "Norvania will win the election", "a degree will cost $160,000": a prediction, no position
        reading = replace(reading, void=True)
    if reading.modal in ("would", "'d") and not reading.lexical and cond is None and reporter is None:
        # "Axelrod would meet directly with Ailes", "he would represent an unpredictable opponent": a
        # habit or a hypothesis, unless someone says it will happen or a condition says when
        reading = replace(reading, void=True)
    cand = Candidate(sent, head, chain, reading, holder, via, holder, reporter, reporter_verb, addressee, passive,
                     condition=cond, drop=drop)
    if _position_clause(head) and reporter is not None:
        # "it was his long-standing position that Parliament would have a say": his position
        cand.holder, cand.via, cand.reporter, cand.reporter_verb = reporter, Via.POSSESSOR, None, None
        return cand
    if reading.deontic and via == Via.SUBJECT and holder.lower_ not in FIRST_PERSON:
        # "Israel must stop the bombing, Trump said": the demand is Trump's, Israel the one called on.
        # With no reporter in the sentence, the speaker of the quote it sits in (resolved later).
        cand.holder, cand.via, cand.addressee = reporter, Via.REPORTER, holder
    return cand


def _called_on(cue: Token) -> Token | None:
    """"called on X to", "calling upon X to": X."""
    for prep in (c for c in cue.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")):
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    return None


def nominal(sent: SpacySpan, noun: Token) -> Candidate | None:
    """A position noun with a possessor and a content: "Obama's plan to admit refugees", "his refusal
    to release his taxes", "her support for the deal"."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in NOUN_STANCE:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    content = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
    if content is None:
        # "her support for", "his veto of", "opposition to"; not "his push on Twitter"
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "of", "against")):
            content = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
            if content is not None:
                break
    if owner is None or content is None:
        return None
    reading = read_noun(noun, content)
    if reading is None or lemma(content) in SPEECH_ACTIONS:
        return None  # "a request for comment" asks for no action
    chain = [noun, content]
    inner = [t for t in content.subtree if t.i != content.i]
    cond, drop = find_condition(chain, inner)
    return Candidate(sent, noun, chain, reading, owner, Via.POSSESSOR, owner, condition=cond, drop=drop,
                     nominal=True)


def candidates(sent: SpacySpan) -> list[Candidate]:
    skip = {t.i for c in sent if c.dep_ in ("advcl", "conj") and is_condition_clause(c) for t in c.subtree}
    out = []
    for head in clause_heads(sent, skip):
        cand = verbal(sent, head)
        if cand is not None:
            out.append(cand)
    seen = {t.i for c in out for t in c.chain}
    for t in sent:
        if t.i in skip or t.i in seen or t.pos_ != "NOUN":
            continue
        cand = nominal(sent, t)
        if cand is not None:
            out.append(cand)
    return out
