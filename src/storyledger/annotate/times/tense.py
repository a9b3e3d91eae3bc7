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
    UNKNOWN = "unknown"


_FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
# Verbs whose complement happens later: "expects to finish by June", "is due to open in May".
_INTENT = {"expect", "plan", "schedule", "intend", "aim", "hope", "seek", "want", "propose", "prepare", "vow",
           "promise", "pledge", "threaten", "set", "due", "likely", "poised", "slate", "decide", "agree", "try",
           "need", "have", "going", "go", "ready", "able", "about", "be"}
# Verbs that move a date ("extended the offer to Nov. 20"): their tense says nothing of the date's.
_RESCHEDULE = {"extend", "postpone", "delay", "defer", "schedule", "reschedule", "adjourn", "push", "move", "set",
               "plan", "intend", "propose"}
_MAX_CLIMB = 12  # a parse path longer than this is not one clause


def _verb_of(token: Token) -> Token | None:
    for _, t in zip(range(_MAX_CLIMB), [token, *token.ancestors]):
        if t.pos_ in ("VERB", "AUX") or t.tag_ in ("MD", "VBD", "VBZ", "VBP", "VBN", "VBG", "VB"):
            return t
    return None


def verb_tense(verb: Token) -> Tense:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX or (verb.lower_ in _FUTURE_AUX):
        return Tense.FUTURE
    if verb.lemma_.lower() in _RESCHEDULE:
        return Tense.FUTURE
    if verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head
        if head is not verb:
            # "plans to open in May", "asked it to respond by Oct. 31": later than the head verb's
            # time; when that was in the past, the date may lie either side of the DCT.
            return Tense.UNKNOWN if verb_tense(head) is Tense.PAST else Tense.FUTURE
    if "would" in words:
        return Tense.FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return Tense.PAST
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve", "'s"}:
        return Tense.PAST
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl"):
        return Tense.PAST
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return Tense.PRESENT
    if verb.tag_ == "VBG" and verb.dep_ in ("ROOT", "conj", "ccomp"):
        return Tense.PRESENT
    return Tense.UNKNOWN


def tense_at(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the clause that the expression at characters [start, end) modifies."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Tense.UNKNOWN
    verb = _verb_of(span.root)
    return Tense.UNKNOWN if verb is None else verb_tense(verb)
