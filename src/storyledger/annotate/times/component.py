"""Component: time expressions found by the rule grammar and resolved against the publication date,
the parse giving each one's direction (tense) and ruling out words that only look like dates."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from storyledger.annotate import extensions  # noqa: F401
from storyledger.annotate.times.grammar import Context, find
from storyledger.annotate.times.resolve import to_time_ref
from storyledger.annotate.times.tense import tense_at
from storyledger.records import TimeRef


def _is_noun(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.tag_.startswith("NN") or t.pos_ in ("NOUN", "PROPN") for t in span)


def find_times(doc: Doc, published: date | None = None) -> list[TimeRef]:
    """Every time expression in the Doc, in text order; ``published`` defaults to doc._.sl_published."""
    text = doc.text  # (spaCy rebuilds Doc.text on every access)
    ctx = Context(text, published or doc._.sl_published, tense=lambda s, e: tense_at(doc, s, e),
                  is_noun=lambda s, e: _is_noun(doc, s, e))
    return [to_time_ref(f, text) for f in find(ctx)]


@Language.component(
    "storyledger_times",
    requires=["token.tag", "token.dep", "doc._.sl_published"],
    assigns=["doc._.sl_times"],
)
def times_component(doc: Doc) -> Doc:
    doc._.sl_times = find_times(doc)
    return doc
