"""Name spans repaired before anything is built on them: whole names, one line, no headline verbs.

The small parser cuts names at their particles ("Ursula von der" PERSON + "Leyen" GPE), runs
them across a line break ("New Orleans Saints\\nJan 5") and swallows a headline's verb ("Colts
beat Chiefs"). A name is rebuilt here as the run of capitalised words, particles and hyphens it
sits in, typed as a whole: a place the gazetteer knows is a place, a run with a particle a fragment
called a person is a person. A fragment that is only particles ("von der") is no name at all.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storyledger.annotate.entities.person_names import PARTICLES
from storyledger.annotate.entities.places import gazetteer

_KEPT = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_CAPITAL_PARTICLES = {"abu", "al", "el", "bin", "ibn", "von", "van", "de", "di", "da", "du", "del", "la", "le"}
# Particles only personal names carry: with one inside, a name is a person's whatever its tag.
_STRONG = {"von", "van", "der", "den", "bin", "ibn", "bint", "ter", "zu"}
MAX_RUN = 6


def _word(t: Token) -> bool:
    return t.is_alpha and (t.is_title or t.is_upper) and "\n" not in t.text_with_ws[:-1]


def _particle(t: Token) -> bool:
    return t.lower_ in PARTICLES and (t.is_lower or t.lower_ in _CAPITAL_PARTICLES)


def _hyphen(t: Token) -> bool:
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _run(doc: Doc, start: int, end: int, person: bool) -> tuple[int, int]:
    """Widen [start, end) over particles and the capitalised words they join, on one line; over a
    hyphen only in a person's name ("Ocasio-Cortez") or after a particle ("al-Hayya"): "British-French"
    is two peoples."""
    while start > 0 and end - start < MAX_RUN:
        prev = doc[start - 1]
        if _hyphen(prev) and start >= 2 and (_particle(doc[start - 2]) or person and _word(doc[start - 2])):
            start -= 2  # al-Hayya, Ocasio-Cortez
        elif _particle(prev) or (_word(prev) and _particle(doc[start])):
            start -= 1  # von der Leyen; Ursula von der Leyen
        else:
            break
    while end < len(doc) and end - start < MAX_RUN:
        nxt = doc[end]
        if _hyphen(nxt) and end + 1 < len(doc) and _word(doc[end + 1]) and (person or _particle(doc[end - 1])):
            end += 2
        elif _particle(nxt) and end + 1 < len(doc) and (_word(doc[end + 1]) or _particle(doc[end + 1])):
            end += 1
        elif _word(nxt) and _particle(doc[end - 1]):
            end += 1
        else:
            break
    return start, end


def _one_line(span: SpacySpan) -> SpacySpan | None:
    """The part of a span on the line of its root (a heading glued to the next line is two things)."""
    cuts = [t.i for t in span if "\n" in t.text]
    if not cuts:
        return span
    bounds = [span.start, *cuts, span.end]
    parts = [(a + (1 if a in cuts else 0), b) for a, b in zip(bounds, bounds[1:])]
    parts = [(a, b) for a, b in parts if b > a and any(t.is_alpha for t in span.doc[a:b])]
    if not parts:
        return None
    root = span.root.i
    a, b = next(((a, b) for a, b in parts if a <= root < b), max(parts, key=lambda p: p[1] - p[0]))
    return SpacySpan(span.doc, a, b, label=span.label_)


def _whole_type(doc: Doc, start: int, end: int, labels: list[str]) -> str:
    text = doc[start:end].text
    if gazetteer().country(text) or gazetteer().capital_of(text):
        return "GPE"
    if "PERSON" in labels and (len(set(labels)) == 1 or any(_particle(t) for t in doc[start:end])):
        return "PERSON"
    if any(t.is_lower and t.lower_ in _STRONG for t in doc[start + 1:end - 1]):
        return "PERSON"  # "Von der Leyen", "Mohammed bin Salman", however the parser typed them
    return Counter(labels).most_common(1)[0][0]


def repaired_ents(doc: Doc) -> list[SpacySpan]:
    """The document's entity spans, names whole and on one line, in text order."""
    names: list[tuple[int, int, str]] = []
    others: list[SpacySpan] = []
    for ent in doc.ents:
        if ent.label_ not in _KEPT:
            others.append(ent)
            continue
        one = _one_line(ent)
        if one is None or all(_particle(t) or not any(c.isalpha() for c in t.text) for t in one):
            continue
        start, end = _run(doc, one.start, one.end, one.label_ == "PERSON")
        names.append((start, end, one.label_))
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, label in sorted(names):
        if merged and start < merged[-1][1]:
            s, e, labels = merged[-1]
            merged[-1] = (s, max(e, end), [*labels, label])
        else:
            merged.append((start, end, [label]))
    spans = [SpacySpan(doc, s, e, label=_whole_type(doc, s, e, labels)) for s, e, labels in merged]
    others = [o for o in others if not any(o.start < e and s < o.end for s, e, _ in merged)]
    return sorted(spans + others, key=lambda x: x.start)
