"""Component: canonical entities within one article, from spaCy's NER."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyledger.annotate import extensions  # noqa: F401
from storyledger.records import Entity, EntityType, Mention

_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANISATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
}


@Language.component("storyledger_entities", requires=["doc.ents"], assigns=["doc._.sl_entities", "doc._.sl_mentions"])
def entities_component(doc: Doc) -> Doc:
    by_key: dict[tuple[str, EntityType], Entity] = {}
    mentions = []
    for ent in doc.ents:
        etype = _TYPES.get(ent.label_)
        if etype is None:
            continue
        key = (ent.text.lower(), etype)
        entity = by_key.get(key)
        if entity is None:
            entity = Entity(id=f"e{len(by_key) + 1}", name=ent.text, type=etype, aliases=[ent.text])
            by_key[key] = entity
        mentions.append(Mention(entity.id, ent.start_char, ent.end_char, ent.text))
    doc._.sl_entities = list(by_key.values())
    doc._.sl_mentions = mentions
    return doc
