"""A claim's fields read off its candidate: evidence, action as written, target and time."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storyledger.annotate.claims.candidates import Candidate, Via, stranded_subject
from storyledger.annotate.claims.lexicon import STATEMENT_CUES
from storyledger.annotate.claims.stance import lemma, lexical_cue
from storyledger.records import Span, Stance, TimeRef

_TARGET_PREPS = {"to", "for", "on", "against", "with", "at", "into", "towards", "toward"}


def same_line(tokens: list[Token], anchor: Token) -> list[Token]:
    """Only the tokens in the anchor's paragraph: the parser sometimes runs a sentence across a line
    break (a caption or a dateline glued to the first paragraph)."""
    breaks = [t.i for t in tokens if "\n" in t.text_with_ws[len(t.text):] or ("\n" in t.text and t.is_space)]
    lo = max((b for b in breaks if b < anchor.i), default=-1)
    hi = min((b for b in breaks if b >= anchor.i), default=10**9)
    return [t for t in tokens if lo < t.i <= hi and not t.is_space]


def span_of(doc: Doc, tokens: list[Token]) -> Span:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Span(start, end, doc[tokens[0].i: tokens[-1].i + 1].text)  # not doc.text: it rebuilds the text


def evidence(cand: Candidate) -> Span:
    return span_of(cand.sent.doc, same_line(list(cand.sent), cand.head) or [cand.head])


_LEADING = {"prep", "npadvmod", "advmod", "advcl", "punct", "intj", "cc", "tmod"}


def enumerated(cand: Candidate) -> list[Token]:
    """The items of an enumerated action ("support for A, B and C", "called for A and B"): one claim
    each, as the guide asks; just the action's head when it lists nothing."""
    content = cand.chain[-1]
    if content.pos_ not in ("NOUN", "PROPN"):
        return [content]
    items = [content]
    t = content
    while True:
        nxt = next((c for c in t.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "VERB")), None)
        if nxt is None and t.i == content.i:
            # "A, B and C" parsed with B as A's apposition and C as B's conjunct
            nxt = next((c for c in t.children if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)), None)
        if nxt is None:
            return items
        items.append(nxt)
        t = nxt


def action(cand: Candidate, item: Token | None = None) -> str:
    """The action as written: the innermost predicate's phrase (or one item of an enumeration), without
    its condition, its subject, what precedes the verb ("On Monday, ...") or the negation the stance
    already carries ("will not send troops" -> "send troops")."""
    content = cand.chain[-1]
    drop = set(cand.drop)
    drop |= {c.i for t in cand.chain for c in t.children if c.dep_ == "neg"}
    matter = _matter(cand)
    if matter is not None and item is None:
        return _words([t for t in matter.subtree if t.i not in drop], matter)
    agent = {t.i for c in content.children if c.dep_ == "agent" for t in c.subtree}
    # a coordinated clause is a claim of its own ("withdraw from the city and Y will free hostages")
    drop |= _other_clauses(content)
    toks = [t for t in content.subtree if t.i not in drop and t.i not in agent]
    if item is not None:
        listed = {t.i for c in item.children if c.dep_ in ("conj", "cc", "appos") for t in c.subtree}
        toks = [t for t in item.subtree if t.i not in listed and t.i not in drop]
    elif content.pos_ in ("VERB", "AUX") and (content.dep_ != "ccomp" or len(cand.chain) == 1):
        held = cand.via == Via.POSSESSOR and not cand.nominal  # "his position that Parliament would have a say"
        subj = set() if held else {t.i for c in content.children if c.dep_ in ("nsubj", "nsubjpass", "expl")
                                   for t in c.subtree}
        lead = {t.i for c in content.children if c.i < content.i and c.dep_ in _LEADING for t in c.subtree}
        dropped = ("mark",) if held else ("aux", "auxpass", "mark")
        toks = [t for t in toks if t.i not in subj and t.i not in lead and not (t.i < content.i and t.dep_ in dropped)]
        passive = next((c for c in content.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and cand.passive_subject is None and len(cand.chain) > 1:
            # "calling for Trump to be banned from the country": ban Trump from the country
            rest = " ".join(_words(toks, content).split()[1:])
            return " ".join(f"{content.lemma_} {_words(list(passive.subtree), passive)} {rest}".split())
    else:
        toks = [t for t in toks if not (t.dep_ == "mark" and t.lower_ == "that")]
    text = _words(toks, content)
    if cand.passive_subject is not None:
        own = {t.i for t in content.subtree}
        subj_toks = same_line([t for t in cand.passive_subject.subtree if t.i not in own], cand.passive_subject)
        text = f"{content.lemma_} {''.join(t.text_with_ws for t in subj_toks)}".strip().rstrip(",;:")
    return " ".join(text.split())


def _other_clauses(content: Token) -> set[int]:
    """Tokens of the clauses coordinated with the action's, and their subjects where the parser hung
    them on the action ("withdraw from the city and the Dravik Front | will free hostages")."""
    out: set[int] = set()
    for c in content.children:
        if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX"):
            continue
        out |= {t.i for t in c.subtree}
        subj = stranded_subject(c)
        if subj is not None:
            out |= {t.i for t in subj.subtree}
            out |= {t.i for t in subj.head.children if t.dep_ == "cc" and t.i < subj.i}
    out |= {t.i for t in content.children if t.dep_ == "cc" and out and t.i > content.i}
    return out


def _matter(cand: Candidate) -> Token | None:
    """What a refusal or a stated position is about, when the verb itself is the position ("vetoed the
    resolution", "was vetoed by the US", "supports the deal", "voted against the bill"): its object."""
    content = cand.chain[-1]
    if len(cand.chain) != 1 or content.pos_ != "VERB" or cand.reading.cue is None or cand.reading.cue.i != content.i:
        return None
    own = lexical_cue(content)
    if own is None or own[0] != cand.reading.stance or own[0] not in (Stance.REFUSED, Stance.RULED_OUT, Stance.REPORTED):
        return None  # "could not support X" rules out supporting X: the verb is part of the action
    if cand.passive_subject is not None:
        return cand.passive_subject
    obj = next((c for c in content.children if c.dep_ == "dobj"), None)
    if obj is None:
        prep = next((c for c in content.children if c.dep_ == "prep" and c.lower_ in ("against", "for", "to")), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return obj


def _closes(mark: str, before: list[Token]) -> bool:
    """A closing bracket or quote mark ends an action only if the action opened it."""
    pairs = {")": "(", "”": "“", '"': '"'}
    return mark in pairs and any(t.lower_ == pairs[mark] for t in before)


def _words(toks: list[Token], anchor: Token) -> str:
    """The tokens' text on the anchor's line, gaps marked by a space, end punctuation trimmed."""
    toks = sorted(toks, key=lambda t: t.i)
    while toks and ((toks[-1].is_punct or toks[-1].is_space) and not _closes(toks[-1].lower_, toks[:-1])
                    or toks[-1].dep_ == "cc"):
        toks.pop()
    toks = same_line(toks, anchor)
    words: list[str] = []
    prev = None
    for t in toks:
        if prev is not None and t.i != prev + 1 and words:
            words.append(" ")
        words.append(t.text_with_ws)
        prev = t.i
    return "".join(words).strip().strip(",;:—–-").strip()


def target_tokens(cand: Candidate, exclude: set[int]) -> list[Token]:
    """Proper nouns among the action's objects, nearest the action first: where a target is named."""
    out = []
    exclude = exclude | _other_clauses(cand.chain[-1])
    for token in reversed(cand.chain[1:] or cand.chain):
        for t in token.subtree:
            if t.i in exclude or t.i in cand.drop or t.dep_ in ("compound", "amod", "poss", "nsubj") or t.pos_ != "PROPN":
                continue
            if t.dep_ in ("pobj", "dobj", "dative", "appos", "conj") or t.head.lower_ in _TARGET_PREPS:
                out.append(t)
    return out


_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_MONTH = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I)
_PAST_WORDS = re.compile(r"\b(last|ago|earlier|previous|past|since)\b", re.I)
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
# Stances whose action lies ahead of the statement: their unqualified weekdays and months lie ahead too.
_AHEAD = {Stance.COMMITTED, Stance.PREPARING, Stance.WILLING, Stance.CONSIDERING, Stance.DEMANDED}


def when(cand: Candidate, times: list[TimeRef], published: date | None) -> TimeRef | None:
    """The time of the action: in its own phrase, or on the words above it only where the stance word is
    itself the act (a report of support or opposition, a refusal); "insisted in June" dates the statement.
    A weekday or month the time component placed in the past moves forward when the action is ahead
    ("will testify Monday", "plans to release it in August")."""
    sent, chain = cand.sent, cand.chain
    cue = lemma(cand.reading.cue) if cand.reading.cue is not None else ""
    act = cand.reading.stance in (Stance.REPORTED, Stance.REFUSED) or len(chain) == 1 or cue not in STATEMENT_CUES

    def inside(tokens: set[int], t: TimeRef) -> bool:
        return any(tok.i in tokens for tok in sent if t.start <= tok.idx < t.end)

    own = {t.i for t in chain[-1].subtree}
    for token in chain if act else chain[-1:]:
        own |= {t.i for c in token.children if c.dep_ in ("prep", "npadvmod", "advmod", "tmod") for t in c.subtree}
    if cand.via == Via.MAIN:  # "On Tuesday, Sanders went further, endorsing ...": the main verb's time
        own |= {t.i for c in cand.head.head.children if c.dep_ in ("prep", "npadvmod", "tmod") for t in c.subtree}
    own -= cand.drop
    for child in chain[0].children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            own -= {t.i for t in child.subtree}
    found = next((tref for tref in times if inside(own, tref)), None)
    if found is None and cand.reporter_verb is not None and cand.reading.stance == Stance.REPORTED:
        near = {t.i for c in cand.reporter_verb.children if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree}
        found = next((tref for tref in times if inside(near, tref)), None)
    if found is not None and published is not None and cand.reading.stance in _AHEAD and _ahead(cand):
        found = _forward(found, published)
    return found


def _ahead(cand: Candidate) -> bool:
    """Whether the action is still to come: a modal or a stance word, not a past-tense act."""
    return cand.reading.modal is not None or (len(cand.chain) > 1 and cand.chain[-1].tag_ != "VBD")


def _forward(tref: TimeRef, published: date) -> TimeRef:
    if tref.date is None or tref.date >= published or _PAST_WORDS.search(tref.text) or _YEAR.search(tref.text):
        return tref
    if _WEEKDAY.search(tref.text) and (published - tref.date).days < 7:
        shift = timedelta(days=7)
        return replace(tref, date=tref.date + shift, end_date=tref.end_date + shift if tref.end_date else None)
    if _MONTH.search(tref.text):
        return replace(tref, date=_next_year(tref.date), end_date=_next_year(tref.end_date) if tref.end_date else None)
    return tref


def _next_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def times_in(sent: SpacySpan, times: list[TimeRef]) -> list[TimeRef]:
    return [t for t in times if sent.start_char <= t.start < sent.end_char]
