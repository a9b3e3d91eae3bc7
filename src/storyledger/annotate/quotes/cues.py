"""Reporting cues read off the dependency parse: the verb, who it has speaking, and what is said.

A cue is a verb of saying, writing, believing or intending whose content is a clause ("said that
...", "“...,” he said"), a quoted object ("called it a “disgrace”") or, for directives, an infinitive
("urged Putin to come ..."); "according to X" is a cue too. The speaker is the verb's subject, or the
subject of the verb it hangs from ("..., saying ..." takes the subject of the main clause).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

SAYING = {
    "say", "tell", "add", "write", "ask", "note", "report", "announce", "suggest", "tweet", "argue", "explain",
    "continue", "acknowledge", "declare", "insist", "claim", "warn", "admit", "stress", "state", "reply",
    "respond", "concede", "predict", "confirm", "deny", "reveal", "recall", "conclude", "complain", "contend",
    "maintain", "emphasise", "emphasize", "reiterate", "assert", "observe", "point", "allege", "boast",
    "testify", "caution", "affirm", "repeat", "remark", "joke", "quip", "retort", "answer", "shout", "post",
    "describe", "hail", "call", "brand", "dub", "label", "accuse", "praise", "criticise", "criticize", "slam",
    "blast", "blame", "thank", "urge", "promise", "vow", "pledge", "agree", "signal", "indicate", "estimate",
    "show", "find", "mention", "hint", "disclose", "charge", "counter", "demand",
}
# Stances taken towards a thing: PolNeAR attributes their object ("praised the deal", "dismissed the report").
OBJECT_CUES = {"describe", "hail", "call", "brand", "dub", "label", "accuse", "praise", "criticise", "criticize",
               "slam", "blast", "blame", "announce", "reveal", "deny", "confirm", "demand", "urge", "promise",
               "pledge", "vow", "predict", "suggest", "support", "propose", "dismiss", "cite", "mock", "ridicule",
               "reject", "oppose", "endorse", "defend", "condemn", "welcome", "question", "recommend", "tout",
               "applaud", "dispute", "challenge", "acknowledge", "admit", "concede", "repeat", "reiterate",
               "decry", "lament", "champion", "advocate", "favor", "favour", "embrace"}
# Verbs of uttering that count as a cue only when what they take is quoted ("yelled “You lie!”").
UTTERING = {"yell", "chant", "scream", "exclaim", "mouth", "whisper", "shout", "cry", "read", "refer", "bemoan",
            "imagine", "cast", "sing", "proclaim", "muse", "wonder", "ask", "tweet", "write", "post"}
SAYING |= OBJECT_CUES | UTTERING
BELIEVING = {"believe", "think", "hope", "fear", "feel", "expect", "know", "worry", "doubt", "understand",
             "suspect", "assume", "reckon", "guess", "want", "wish", "plan", "intend", "seem", "appear"}
DIRECTIVE = {"urge", "ask", "tell", "call", "warn", "promise", "vow", "pledge", "want", "plan", "expect",
             "hope", "agree", "refuse", "threaten", "decline", "offer", "seek", "intend", "wish", "encourage"}
CUE_LEMMAS = SAYING | BELIEVING | DIRECTIVE
_CONTENT_DEPS = {"ccomp", "parataxis"}
_NEVER_ALONE = {"show", "find", "seem", "appear", "call", "know", "feel",
                "continue", "point", "post", "answer", "counter", "charge", "thank", "blame", "estimate"}


@dataclass(slots=True)
class CueParse:
    """What the parse says about one cue: its verb, speaker head and the tokens of its content."""

    cue: Token
    speaker: Token | None
    content: list[Token]
    according_to: bool = False


# Verbs of perceiving: "Smoke was seen rising" reports what was seen, by no one; not a quote.
PERCEIVING = {"see", "hear", "watch", "spot", "notice", "observe", "film", "photograph", "sight"}
# What a refusal is of when it is a statement ("declined to comment"); "refused to send troops" is an act.
_WORDS = {"comment", "discuss", "elaborate", "speculate", "answer", "respond", "identify", "name", "disclose",
          "specify", "detail", "address", "release", "provide", "give", "endorse", "rule", "say", "confirm", "deny",
          "explain", "reveal", "apologize", "apologise", "concede", "acknowledge", "talk", "speak", "testify"}


def used_as_report(cue: Token) -> bool:
    """Whether a cue the model or the rules read is used to report speech or thought: not a perception
    in the passive with no one perceiving ("was seen"), not a refusal of an act ("refused to send its
    representatives"): those are events, which the claims read, not words anyone said."""
    lemma = cue.lemma_.lower()
    if cue.pos_ not in ("VERB", "AUX"):
        return True
    passive = any(c.dep_ == "auxpass" for c in cue.children) and not any(c.dep_ == "agent" for c in cue.children)
    if lemma in PERCEIVING and passive:
        return False
    if lemma in ("refuse", "decline", "fail"):
        act = next((c for c in cue.children if c.dep_ == "xcomp"), None)
        return act is None or act.lemma_.lower() in _WORDS or act.lemma_.lower() in SAYING
    return True


def misread_report(t: Token) -> CueParse | None:
    """"But Starmer insisted peacekeeping plans were still in motion": a past-tense reporting verb the
    parser hung as a modifier of the noun after it (a tagger's finite tense against a parser's
    adjective) is the report it reads as: the name right before it speaks, the clause after it is said."""
    if t.tag_ not in ("VBD", "VBZ") or t.dep_ not in ("amod", "compound") or t.i == 0 \
            or t.lemma_.lower() not in SAYING | BELIEVING:
        return None
    speaker = t.doc[t.i - 1]
    if speaker.pos_ not in ("PROPN", "PRON") or speaker.lower_ in ("it", "this", "that"):
        return None
    clause = t.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    content = [x for x in clause.subtree if x.i > t.i]
    return CueParse(t, speaker, content) if clause.pos_ in ("VERB", "AUX") and content else None


def verb_subject(verb: Token) -> Token | None:
    return _subject_of(verb) or _inverted(verb)


def _inverted(verb: Token) -> Token | None:
    """"Said Ellis: “...”": a sentence that opens on the verb names its speaker right after it."""
    if verb.i != verb.sent.start or not verb.text[:1].isupper():
        return None
    names = []
    for t in verb.doc[verb.i + 1:verb.i + 6]:
        if t.pos_ != "PROPN":
            break
        names.append(t)
    return names[-1] if names else None


def _report_subject(span: Span) -> Token | None:
    """The subject of the last reporting verb in ``span`` that has one."""
    for w in reversed(span):
        if w.lemma_.lower() in CUE_LEMMAS and w.pos_ == "VERB":
            subj = next((c for c in w.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
    return None


def _subject_of(verb: Token) -> Token | None:
    t = verb
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "csubj") for c in verb.children):
        # "X said A but pledged B": a report joined to a report shares its subject; "... as X admitted A
        # – but stressed B": the subject of the nearest report between the verb it is joined to and
        # itself; else that verb's own ("I laughed and said ..."); else the nearest report's before it.
        head = verb.head
        joined = next((c for c in head.children if c.dep_ in ("nsubj", "csubj") and c.i < verb.i), None)
        if joined is not None and _is_cue_verb(head):
            return joined
        between = _report_subject(verb.doc[head.i if head.i < verb.i else verb.sent.start:verb.i])
        if between is not None:
            return between
        if joined is not None and head.pos_ in ("VERB", "AUX"):
            return joined
        earlier = _report_subject(verb.doc[verb.sent.start:verb.i])
        if earlier is not None:
            return earlier
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ == "PROPN":
        return verb.head  # "footage of Jane Roe asking, “...”"
    for level in range(4):
        # Above the cue a passive subject speaks too: "After saying A, she was whisked off".
        deps = ("nsubj", "csubj") if level == 0 else ("nsubj", "csubj", "nsubjpass")
        subjects = [c for c in t.children if c.dep_ in deps]
        if subjects:
            # Two subjects ("Referencing Macron, Starmer added"): the parser misread the opening
            # phrase; the one nearest before the verb is the speaker.
            before = [c for c in subjects if c.i < t.i]
            return before[-1] if before else subjects[0]
        agent = next((c for c in t.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if t.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and t.head.i != t.i:
            t = t.head
            if t.dep_ == "prep":  # "..., before saying ..." hangs from a preposition
                t = t.head
        else:
            return None
    return None


def _is_cue_verb(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in CUE_LEMMAS


def cue_of(t: Token) -> CueParse | None:
    """A CueParse when ``t`` is a reporting cue with content, else None."""
    if t.lower_ == "according" and any(c.lower_ == "to" for c in t.children):
        to = next(c for c in t.children if c.lower_ == "to")
        who = next((c for c in to.children if c.dep_ == "pobj"), None)
        head = t.head
        skip = {x.i for x in t.subtree}
        content = [x for x in head.subtree if x.i not in skip] if head.i != t.i else []
        return CueParse(t, who, content, according_to=True) if who is not None and content else None
    if not _is_cue_verb(t):
        return None
    if any(c.dep_ == "auxpass" for c in t.children) and not any(c.dep_ == "agent" for c in t.children):
        return None  # "he was asked", "it is understood": no speaker given
    lemma = t.lemma_.lower()
    content: list[Token] = []
    for c in t.children:
        if c.dep_ in _CONTENT_DEPS and c.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "ADJ") or c.dep_ == "xcomp" and lemma in DIRECTIVE:
            content.extend(c.subtree)
        elif c.dep_ in ("dobj", "oprd") and lemma in SAYING and lemma not in ("tell", "ask", "thank"):
            sub = list(c.subtree)
            if any(x.lower_ in "\"“”" for x in sub) or lemma in OBJECT_CUES:
                content.extend(sub)
                for d in t.children:  # "hailed the talks as a breakthrough"
                    if d.dep_ in ("prep", "oprd") and d.lower_ in ("as", "for") and d.i > c.i:
                        content.extend(d.subtree)
        elif c.dep_ == "prep" and c.lower_ in ("for", "on") and lemma in ("call", "urge", "ask"):
            content.extend(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in ("to", "as") and any(x.lower_ in "\"“”" for x in c.subtree):
            content.extend(x for x in c.subtree if c.lower_ == "as" or x.i != c.i)  # "refers to X as “Y”"
    if not content and t.dep_ in ("parataxis", "ccomp") and t.head.pos_ in ("VERB", "AUX") and t.i > t.head.i:
        # "X is true, he said": the cue hangs from the content's own verb.
        first = min(x.i for x in t.subtree)
        if first > 0 and (t.doc[first - 1].is_punct and t.doc[first - 1].text in ",”\"—–-"):
            content = [x for x in t.head.subtree if x.i < first]
    if not content:
        return None
    if lemma in _NEVER_ALONE and not any(x.dep_ == "mark" or x.lower_ in "\"“”" for x in content) \
            and not any(c.dep_ == "ccomp" for c in t.children):
        return None
    speaker = verb_subject(t)
    if speaker is not None and speaker.lower_ in ("who", "that", "which") and speaker.head.dep_ == "relcl":
        speaker = speaker.head.head  # "Reid, who said ...": the relative's antecedent
    if speaker is not None and speaker.lower_ in ("it", "there", "this", "that", "which", "what"):
        return None
    return CueParse(t, speaker, sorted(set(content), key=lambda x: x.i))
