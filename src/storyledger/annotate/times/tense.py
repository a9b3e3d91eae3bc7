"""Which way an underspecified date points: the tense and aspect of the clause it modifies.

"The law will take effect on March 4" (future: the next March 4), "prices rose in March" (past: the
last March), "the show premieres Sept. 30" (present: the coming one for a day or weekday, the
publication year for a month). Read off spaCy's dependency parse and Penn tags: the verb that
governs the expression, its auxiliaries, and whether it depends on a verb of intention ("plans to
open in May").
"""

from __future__ import annotations

from enum import Enum

from spacy.tokens import Doc, Token


class Tense(Enum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    INTENDED = "intended"  # an infinitive under a present verb: "expects to open in May"
    UNKNOWN = "unknown"

    @property
    def forward(self) -> bool:
        return self in (Tense.FUTURE, Tense.INTENDED)


_FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
# Verbs that move a date ("extended the offer to Nov. 20"): their tense says nothing of the date's.
# Verbs that move a date ("extended the offer to Nov. 20", "postponed until Tuesday"): forward.
_POSTPONE = {"extend", "postpone", "delay", "defer", "adjourn", "push"}
# Verbs that fix a date, before or after they are said ("set Friday as the deadline"): either way.
_SCHEDULE = {"schedule", "reschedule", "set", "plan", "intend", "propose", "move"}
_MAX_CLIMB = 12  # a parse path longer than this is not one clause
_VERB_TAGS = ("MD", "VBD", "VBZ", "VBP", "VBN", "VBG", "VB")


def _has_aux(token: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in token.children)


def _verb_of(token: Token) -> Token | None:
    """The verb of the clause: the nearest verb above, passing over participles that only modify a
    noun ("shares tendered by holders", "a plan announced Monday") when a finite verb lies above."""
    fallback = None
    for _, t in zip(range(_MAX_CLIMB), [token, *token.ancestors]):
        if t.pos_ in ("VERB", "AUX") or t.tag_ in _VERB_TAGS:
            if t.tag_ in ("VBN", "VBG") and t.dep_ in ("acl", "amod") and not _has_aux(t):
                fallback = fallback or t
                continue
            return t
    return fallback


def grammatical_tense(verb: Token) -> Tense:
    """Tense and aspect from the verb's tag and auxiliaries; the perfect counts as past."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX or "would" in words:
        return Tense.FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return Tense.PAST
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve", "'s"}:
        return Tense.PAST
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return Tense.PRESENT
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl") and not aux:
        return Tense.PAST
    if verb.tag_ == "VBG" and verb.dep_ in ("ROOT", "conj", "ccomp"):
        return Tense.PRESENT
    return Tense.UNKNOWN


def verb_tense(verb: Token) -> Tense:
    """The direction a date modifying ``verb`` points, from its tense, its auxiliaries, and the verb
    it depends on when it is an infinitive."""
    lemma = verb.lemma_.lower()
    if lemma in _POSTPONE:
        return Tense.FUTURE
    if lemma in _SCHEDULE:
        return Tense.UNKNOWN
    if verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = _verb_of(verb.head) if verb.head is not verb else None
        if head is not None and head is not verb:
            # "plans to open in May", "asked it to respond by Oct. 31": later than the head verb's
            # time; when that was in the past, the date may lie either side of the DCT.
            return Tense.UNKNOWN if grammatical_tense(head) is Tense.PAST else Tense.INTENDED
    return grammatical_tense(verb)


def tense_at(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the clause that the expression at characters [start, end) modifies."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Tense.UNKNOWN
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN"):
        return Tense.UNKNOWN  # "a June agreement", "third-quarter profit": the clause's tense is not its own
    verb = _verb_of(root)
    return Tense.UNKNOWN if verb is None else verb_tense(verb)
