"""Component: claims (commitments and positions) with stance, condition and time."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyledger.annotate import extensions  # noqa: F401


@Language.component(
    "storyledger_claims",
    requires=["doc.sents", "doc._.sl_entities", "doc._.sl_quotes", "doc._.sl_times"],
    assigns=["doc._.sl_claims"],
)
def claims_component(doc: Doc) -> Doc:
    doc._.sl_claims = []
    return doc
