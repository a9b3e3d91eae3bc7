"""Bodies and places NER misses: named groups in quote marks, spokespeople, capitals.

The small pipeline does not tag a lower-case name in quote marks ("the “coalition of the willing”"),
nor "Kyiv" in "send military chiefs to Kyiv". A quoted phrase headed by a collective noun after
"the" names a body; a known capital after a place preposition is a place. "a Downing Street
spokesperson" speaks for the body: the whole phrase is a mention of it (unless a person is named in
it, who is then the one speaking).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storyledger.records import Entity, EntityType, Mention

_COLLECTIVE = {"coalition", "alliance", "group", "league", "union", "bloc", "council", "committee", "forum",
               "club", "axis", "partnership", "caucus", "contact", "quartet", "quad", "friends", "task"}
_SPOKES = {"spokesperson", "spokesman", "spokeswoman"}
_PLACE_PREPS = {"in", "from", "at", "into", "via", "toward", "towards", "near", "outside", "inside"}
_MOTION = {"travel", "go", "send", "fly", "return", "come", "move", "head", "deploy", "trip", "journey", "visit",
           "arrive", "flee", "take", "bring", "dispatch", "delegation", "mission", "way", "road", "flight"}
_QUOTED = re.compile(r"(?<![\w’'])the\s+[“\"]([a-z][a-z\- ]{2,60}?)[”\"]")


def quoted_bodies(text: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """Names of bodies given in quote marks after "the", with every span of each in the text (any case)."""
    names: dict[str, str] = {}
    for m in _QUOTED.finditer(text):
        words = m.group(1).split()
        if 2 <= len(words) <= 6 and words[0] in _COLLECTIVE:
            names.setdefault(m.group(1).lower(), m.group(1))
    out = []
    for key, name in names.items():
        spans = [(m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(key) + r"\b", text, re.IGNORECASE)]
        out.append((name, spans))
    return out


def spokesperson_mentions(doc: Doc, entities: dict[str, Entity], mentions: list[Mention]) -> list[Mention]:
    """"a Downing Street spokesperson" as a mention of the body its spokesperson speaks for."""
    text = doc.text
    out = []
    for m in mentions:
        entity = entities.get(m.entity_id)
        if entity is None or entity.type != EntityType.ORGANISATION:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.end >= len(doc):
            continue
        noun = doc[span.end]
        if noun.lower_ not in _SPOKES or any(c.ent_type_ == "PERSON" for c in noun.children) \
                or (noun.i + 1 < len(doc) and doc[noun.i + 1].ent_type_ == "PERSON"):
            continue
        start = span.start
        if start > 0 and doc[start - 1].lower_ in ("a", "an", "the"):
            start -= 1
        begin = doc[start].idx
        end = noun.idx + len(noun)
        out.append(Mention(entity.id, begin, end, text[begin:end]))
    return out


def missed_capitals(doc: Doc, is_capital) -> list[tuple[int, int]]:
    """Spans of known capitals NER left untagged, where they stand as places ("to Kyiv")."""
    return [(t.idx, t.idx + len(t)) for t in doc
            if not t.ent_type_ and t.is_title and t.pos_ == "PROPN" and is_capital(t.text) and at_place(t)]


def at_place(t: Token) -> bool:
    """A word in a place's slot: after "in", "from", "at"..., or after "to" of a motion ("travel to")."""
    if t.dep_ != "pobj":
        return False
    prep = t.head
    return prep.lower_ in _PLACE_PREPS or (prep.lower_ == "to" and prep.head.lemma_.lower() in _MOTION)
