"""Conditions a claim depends on: "if a peace deal is reached", "when the time comes", "the day the
conflict stops", "subject to approval", and dependencies stated in a later sentence ("any force would
need support from the US")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyledger.records import Span

CONDITION_MARKS = {"if", "unless", "once", "provided", "providing", "until", "whenever", "when"}
CONDITION_PREPS = {("subject", "to"), ("conditional", "on"), ("dependent", "on"), ("contingent", "on"),
                   ("condition", "that"), ("condition", "of")}
TIME_NOUNS = {"day", "moment", "time", "minute", "week"}
DEPENDENCY_VERBS = {"need", "require", "depend", "hinge", "rely", "rest"}


def _span(tokens: list[Token]) -> Span:
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Span(start, end, doc[tokens[0].i: tokens[-1].i + 1].text)


def _subtree(token: Token) -> list[Token]:
    toks = [t for t in token.subtree if not (t.is_punct and t.lower_ in {",", ";", "—", "–"})]
    while toks and toks[-1].is_punct:
        toks.pop()
    return toks


def is_condition_clause(clause: Token) -> bool:
    marks = [c for c in clause.children if c.dep_ == "mark"]
    words = {m.lower_ for m in marks}
    if "when" in words or any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
        # "when" sets a condition for what has not happened yet, not for a past event.
        return clause.tag_ in ("VBZ", "VBP", "VB") or any(c.tag_ == "VBZ" for c in clause.children if c.dep_ == "aux")
    if words & CONDITION_MARKS:
        return True
    if clause.dep_ == "conj":
        return False
    # "as long as", "only if" are parsed with advmod children
    return any(c.lower_ in CONDITION_MARKS and c.dep_ in ("advmod", "mark") for c in clause.children)


def condition_clauses(token: Token) -> list[Token]:
    """Roots of the condition clauses (and phrases) attached to one word."""
    found = []
    for c in token.children:
        if c.dep_ in ("advcl", "conj") and is_condition_clause(c):
            found.append(c)
        elif c.dep_ == "relcl" and any(g.lower_ in ("when", "if", "once") and g.dep_ in ("advmod", "mark")
                                       for g in c.children) and is_condition_clause(c):
            found.append(c)  # "have a say when the time comes", parsed as a relative clause
        elif c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_NOUNS and any(g.dep_ == "relcl" for g in c.children):
            found.append(c)
        elif c.dep_ == "prep" and (token.lemma_.lower(), c.lower_) in CONDITION_PREPS:
            found.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("on", "to") and c.head.lemma_.lower() in {"conditional", "subject"}:
            found.append(c)
        elif c.dep_ in ("acomp", "amod") and c.lemma_.lower() in ("conditional", "subject", "contingent", "dependent"):
            preps = [g for g in c.children if g.dep_ == "prep"]
            if preps:
                found.append(c)
    return found


def find_condition(chain: list[Token], extra: Sequence[Token] = ()) -> tuple[Span | None, set[int]]:
    """The first condition attached to the chain (or the verbs in ``extra``), and its token indices."""
    for token in [*chain, *extra]:
        for clause in condition_clauses(token):
            toks = _subtree(clause)
            if toks:
                return _span(toks), {t.i for t in clause.subtree}
    return None, set()


def dependency_in(sent: SpacySpan) -> tuple[Token, Token, Span] | None:
    """A sentence that states what something needs ("any force would need support from the US"):
    (subject, verb, the span from the modal to the end of the clause), or None."""
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in DEPENDENCY_VERBS:
            continue
        if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children):
            continue
        subj = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        first = min(c.i for c in token.children if c.dep_ == "aux")
        toks = [t for t in token.subtree if t.i >= first]
        while toks and toks[-1].is_punct:
            toks.pop()
        return subj, token, _span(toks)
    return None
