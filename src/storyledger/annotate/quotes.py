"""Component: quotes (direct, partial, indirect) with speaker and cue."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyledger.annotate import extensions  # noqa: F401


@Language.component(
    "storyledger_quotes",
    requires=["doc.sents", "doc._.sl_entities"],
    assigns=["doc._.sl_quotes"],
)
def quotes_component(doc: Doc) -> Doc:
    doc._.sl_quotes = []
    return doc
