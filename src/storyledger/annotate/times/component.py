"""Component: time expressions (spaCy DATE/TIME entities) resolved against the publication date."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyledger.annotate import extensions  # noqa: F401
from storyledger.annotate.times.resolve import resolve
from storyledger.records import TimeRef

# Vague relative times the small NER model often leaves out of its DATE entities.
_EXTRA = re.compile(r"\b(?:in )?the (?:coming|next few|following) [\"“”']?(?:days|weeks|months)\b|"
                    r"\bthis (?:morning|afternoon|evening)\b|\btonight\b|\bnext week\b", re.I)
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def _verb_of(token: Token) -> Token | None:
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def is_future(span: Span) -> bool:
    """Whether the expression modifies an event still to come: its verb has "will"/"shall"."""
    verb = _verb_of(span.root)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children)


def find_times(doc: Doc) -> list[TimeRef]:
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = resolve(ent.text, doc._.sl_published, future=is_future(ent))
        found.append(TimeRef(ent.text, ent.start_char, ent.end_char, start, end))
        taken.append((ent.start_char, ent.end_char))
    for m in _EXTRA.finditer(doc.text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        future = span is not None and is_future(span)
        start, end = resolve(m.group(0), doc._.sl_published, future=future)
        found.append(TimeRef(m.group(0), m.start(), m.end(), start, end))
    found.sort(key=lambda t: t.start)
    return found


@Language.component(
    "storyledger_times",
    requires=["doc.ents", "doc._.sl_published"],
    assigns=["doc._.sl_times"],
)
def times_component(doc: Doc) -> Doc:
    doc._.sl_times = find_times(doc)
    return doc
