"""Component: time expressions (spaCy DATE/TIME entities) resolved against the publication date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyledger.annotate import extensions  # noqa: F401
from storyledger.annotate.timex import resolve
from storyledger.records import TimeRef


@Language.component(
    "storyledger_times",
    requires=["doc.ents", "doc._.sl_published"],
    assigns=["doc._.sl_times"],
)
def times_component(doc: Doc) -> Doc:
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = resolve(ent.text, doc._.sl_published)
        found.append(TimeRef(ent.text, ent.start_char, ent.end_char, start, end))
    doc._.sl_times = found
    return doc
