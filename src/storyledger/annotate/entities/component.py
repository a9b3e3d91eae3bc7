"""Component: canonical entities within one article, from spaCy's NER.

Names are merged within the article: honorifics and possessives dropped ("Sir Keir Starmer's" ->
"Keir Starmer"), a lone surname or an honorific with a first name ("Starmer", "Sir Keir") joins the
full name it belongs to, and every name for a country ("UK", "Britain", "British") joins the country.
A capital acting as a subject ("Moscow will accept") stands for its country; a seat of government
("Downing Street") is an organisation whose role is that country's government. NER labels are
corrected on clear evidence: the same name labelled otherwise elsewhere in the article, a place verb
("getting Crimea back"). Titles ("the prime minister") resolve in entity_titles.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from storyledger.annotate import extensions  # noqa: F401
from storyledger.annotate.entities.bodies import (
    at_place,
    missed_capitals,
    quoted_bodies,
    spokesperson_mentions,
)
from storyledger.annotate.entities.body_names import parse_body, short_forms
from storyledger.annotate.entities.merges import full_name_groups, merge_body_forms
from storyledger.annotate.entities.name_spans import repaired_ents
from storyledger.annotate.entities.noise import cleaned
from storyledger.annotate.entities.person_names import PersonName, parse_person
from storyledger.annotate.entities.people import (
    PERSONAL_HONORIFICS,
    looks_like_person,
    merge_quoted_first_names,
)
from storyledger.annotate.entities.places import SEATS, gazetteer, seat_of
from storyledger.annotate.entities.roles import apposition_role, premodifier_role
from storyledger.annotate.entities.title_refs import resolve_titles
from storyledger.records import Entity, EntityType, Mention, Role

_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANISATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
}
HONORIFICS = PERSONAL_HONORIFICS | {"rep.", "sen.", "gov.", "president", "the"}
_PLACE_VERBS = {"annex", "occupy", "invade", "seize", "liberate", "retake", "regain", "capture", "visit", "leave"}
# Verbs whose object is a territory even when NER read it as a person or a people.
_TERRITORY_VERBS = {"annex", "occupy", "invade", "liberate", "retake", "regain", "reclaim"}
_PLACE_PREPS = {"across", "throughout", "near", "into", "inside", "outside"}


@dataclass(slots=True)
class _Builder:
    doc: Doc
    entities: dict[str, Entity] = field(default_factory=dict)
    keys: dict[tuple[str, EntityType], str] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    text: str = ""

    def __post_init__(self) -> None:
        self.text = self.doc.text  # Doc.text joins every token: read it once

    def entity(self, key: str, name: str, etype: EntityType) -> Entity:
        eid = self.keys.get((key, etype))
        if eid is None:
            eid = f"e{len(self.entities) + 1}"
            self.keys[(key, etype)] = eid
            self.entities[eid] = Entity(id=eid, name=name, type=etype)
        return self.entities[eid]

    def mention(self, entity: Entity, start: int, end: int) -> None:
        text = self.text[start:end]
        if text not in entity.aliases:
            entity.aliases.append(text)
        self.mentions.append(Mention(entity.id, start, end, text))


def _strip(ent: SpacySpan) -> tuple[int, int, list[str], int]:
    """Character span and words of a name without a leading honorific or a trailing possessive, and
    where its mention starts: on the honorific when one stands right before it ("Sir Keir")."""
    toks = [t for t in ent if not t.is_space]
    honorific = ent.start > 0 and ent.doc[ent.start - 1].lower_ in HONORIFICS - {"the", "president"}
    while len(toks) > 1 and (toks[0].lower_ in HONORIFICS or toks[0].pos_ in ("VERB", "DET") or toks[0].tag_ == "VBG"
                             or (toks[0].lower_.endswith("ing") and toks[0].is_sent_start)):
        toks.pop(0)
        honorific = True
    while len(toks) > 1 and (toks[-1].lower_ in ("'s", "’s", "‘s", "'") or toks[-1].is_punct):
        toks.pop()
    if not toks:
        return ent.start_char, ent.end_char, [], ent.start_char
    words = [t.text for t in toks]
    if honorific:
        words = ["~"] + words
    before = ent.doc[toks[0].i - 1] if toks[0].i > 0 else None
    mention_start = before.idx if before is not None and before.lower_ in PERSONAL_HONORIFICS else toks[0].idx
    return toks[0].idx, toks[-1].idx + len(toks[-1]), words, mention_start


def _label_votes(ents: list[SpacySpan]) -> dict[str, str]:
    votes: dict[str, Counter] = {}
    for ent in ents:
        if ent.label_ in _TYPES:
            votes.setdefault(ent.text.lower(), Counter())[ent.label_] += 1
    return {k: c.most_common(1)[0][0] for k, c in votes.items()}


def _corrected_label(ent: SpacySpan, votes: dict[str, str]) -> str:
    label = votes.get(ent.text.lower(), ent.label_)
    root = ent.root
    if label in ("ORG", "PERSON", "NORP") and len(ent) == 1 and not ent.text.isupper():
        verb = root.head
        back = label != "PERSON" and any(c.lower_ == "back" for c in verb.children)
        verbs = _PLACE_VERBS if label == "ORG" else _TERRITORY_VERBS
        if root.dep_ == "dobj" and (verb.lemma_.lower() in verbs or back) and not ent.text.endswith("s"):
            return "GPE"
        if label == "ORG" and root.dep_ == "pobj" and verb.lower_ in _PLACE_PREPS:
            return "GPE"
    if gazetteer().country(ent.text) and label in ("ORG", "PERSON"):
        return "GPE"
    if label in ("ORG", "PERSON") and len(ent) == 1 and gazetteer().capital_of(ent.text) and at_place(root):
        return "GPE"
    if label == "ORG" and looks_like_person(ent):
        return "PERSON"
    return label


def _acts(ent: SpacySpan) -> bool:
    """A place name used as an actor: subject, agent or possessor ("Moscow will accept")."""
    return ent.root.dep_ in ("nsubj", "nsubjpass", "poss") or ent.root.head.dep_ == "agent"


def build_entities(doc: Doc) -> tuple[list[Entity], list[Mention]]:
    ents = cleaned(doc, repaired_ents(doc))
    doc.ents = ents  # the whole names, for the components after this one too
    b = _Builder(doc)
    gaz = gazetteer()
    votes = _label_votes(ents)
    labelled = [(ent, _corrected_label(ent, votes)) for ent in ents]
    # one word of a person's full name is that person, however tagged ("Olaf" after "Olaf Scholz",
    # "Klitschko" a group after "Wladimir Klitschko"), unless it is a country or a capital
    name_words = {t.lower_ for ent, label in labelled if label == "PERSON" and len(ent) > 1 for t in ent}
    persons: list[tuple[SpacySpan, int, int, list[str], int]] = []
    for ent, label in labelled:
        if label in _TYPES and label != "PERSON" and len(ent) == 1 and ent[0].is_title \
                and ent[0].lower_ in name_words and not (gaz.country(ent.text) or gaz.capital_of(ent.text)):
            label = "PERSON"
        etype = _TYPES.get(label)
        if etype is None:
            continue
        start, end, words, mention_start = _strip(ent)
        if not words:
            continue
        name = b.text[start:end]
        if etype == EntityType.PERSON:
            persons.append((ent, start, end, words, mention_start))
            continue
        seat = seat_of(name)
        country = gaz.country(name)
        if seat:
            entity = b.entity(name.lower(), name if not name.lower().startswith("the ") else name[4:],
                              EntityType.ORGANISATION)
            if not entity.roles:
                entity.roles.append(Role(f"{seat} government", start, end))
        elif country and etype in (EntityType.PLACE, EntityType.GROUP):
            entity = b.entity(country.lower(), country, EntityType.PLACE)
        elif etype == EntityType.PLACE and gaz.capital_of(name) and _acts(ent):
            capital_country = gaz.capital_of(name) or name
            entity = b.entity(capital_country.lower(), capital_country, EntityType.PLACE)
        else:
            key = name.lower()[4:] if name.lower().startswith("the ") else name.lower()
            entity = b.entity(key, name, etype)
        b.mention(entity, start, end)
    single = _add_persons(b, persons)
    merge_quoted_first_names(doc, b.entities, b.mentions, single)
    _add_missed(b, doc)
    merge_body_forms(b.entities, b.mentions)
    _rescan(b)
    b.mentions.extend(spokesperson_mentions(doc, b.entities, b.mentions))
    resolve_titles(doc, b.entities, b.mentions, b.text)
    b.mentions.sort(key=lambda m: (m.start, m.end))
    return list(b.entities.values()), b.mentions


def _add_persons(b: _Builder, persons: list[tuple[SpacySpan, int, int, list[str], int]]) -> set[str]:
    """Person entities by full name; returns the ids of those the article names by one word only.

    Full names that can be one person (a nickname, a middle name, an initial more or less) are one
    entity; a surname alone ("Leyen", "von der Leyen") joins the full name it ends."""
    written: dict[str, str] = {}
    parsed: dict[str, PersonName | None] = {}
    for ent, start, end, words, _ in persons:
        name = " ".join(b.text[start:end].split())
        key = name.lower()
        written.setdefault(key, name)
        parsed.setdefault(key, parse_person(name))
    group_of = full_name_groups([(k, p) for k, p in parsed.items() if p is not None and p.is_full])
    full: dict[str, Entity] = {}
    for key, group in group_of.items():
        full[key] = full.get(group) or b.entity(group, written[group], EntityType.PERSON)
    entities = {e.id: e for e in full.values()}.values()
    by_last: dict[str, Entity] = {}
    by_first: dict[str, Entity] = {}
    for key in group_of:
        p = parsed[key]
        assert p is not None
        by_last.setdefault(p.core, full[key])
        by_first.setdefault(p.used_given[0], full[key])
    # A surname introduced with a title or honorific before a full name that is then presented as
    # someone new, in an apposition ("President Obama", "Mr. Obama" ... "the first lady, Michelle
    # Obama"), is a person of its own. A full name that is not so presented ("Mr. Trump, I have a
    # question" ... "Donald Trump said") is the same person.
    first_full: dict[str, tuple[int, bool]] = {}
    titled_alone: dict[str, int] = {}
    for ent, start, end, words, _ in persons:
        key = " ".join(b.text[start:end].split()).lower()
        p = parsed[key]
        if key in group_of:
            apposed = ent.root.dep_ == "appos" or any(c.dep_ == "appos" for c in ent.root.children)
            first_full.setdefault(full[key].id, (start, apposed))
        elif p is not None and (words[0] == "~" or premodifier_role(ent) is not None):
            titled_alone.setdefault(p.core, start)
    for last, entity in list(by_last.items()):
        at, apposed = first_full[entity.id]
        if apposed and titled_alone.get(last, at) < at:
            del by_last[last]
    single: set[str] = set()
    for ent, start, end, words, mention_start in persons:
        key = " ".join(b.text[start:end].split()).lower()
        p = parsed[key]
        if key in full:
            entity = full[key]
        elif p is not None and not p.given and p.core in by_last:
            entity = by_last[p.core]
        elif p is not None and len(p.surname) == 1 and p.core in by_first and (
                words[0] == "~" or sum(e.name.split()[0].lower() == p.core for e in entities) == 1):
            entity = by_first[p.core]
        else:
            entity = b.entity(key, written[key], EntityType.PERSON)
            single.add(entity.id)
        b.mention(entity, mention_start, end)
        for role in (premodifier_role(ent), apposition_role(ent)):
            if role is not None and all(r.text.lower() != role.text.lower() for r in entity.roles):
                entity.roles.append(role)
    return single


def _add_missed(b: _Builder, doc: Doc) -> None:
    """Capitals and quoted body names NER did not tag, where no other mention covers them."""
    gaz = gazetteer()
    taken = [(m.start, m.end) for m in b.mentions]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    for start, end in missed_capitals(doc, gaz.capital_of):
        if free(start, end):
            name = b.text[start:end]
            b.mention(b.entity(name.lower(), name, EntityType.PLACE), start, end)
    for name, spans in quoted_bodies(b.text):
        entity = b.entity(name.lower(), name, EntityType.ORGANISATION)
        for start, end in spans:
            if free(start, end):
                b.mention(entity, start, end)


def _short_forms(entities) -> dict[str, Entity]:
    """The short forms the article's bodies go by ("Chiefs" of "Kansas City Chiefs"), where only
    one of its bodies goes by each."""
    found: dict[str, list[Entity]] = {}
    for entity in entities:
        parsed = parse_body(entity.name) if entity.type is not EntityType.PERSON else None
        if parsed is None:
            continue
        words = entity.name.split()
        for short in short_forms(parsed):
            surface = " ".join(words[-len(short):])
            if len(surface) >= 4 and surface[:1].isupper() and surface.lower().split() == list(short):
                found.setdefault(surface, []).append(entity)
    return {s: es[0] for s, es in found.items() if len(es) == 1}


def _rescan(b: _Builder) -> None:
    """Every occurrence of a name the article uses is a mention, and seats of government are
    found even where NER missed them (it often reads "Downing Street has said" as nothing)."""
    taken = [(m.start, m.end) for m in b.mentions]
    text = b.text
    names: dict[str, Entity | None] = {}
    for entity in b.entities.values():
        for alias in entity.aliases:
            if len(alias) >= 4 and alias[:1].isupper():
                names.setdefault(alias, entity)
    for short, entity in _short_forms(b.entities.values()).items():
        names.setdefault(short, entity)
    for seat in SEATS:
        names.setdefault(seat, None)
    if not names:
        return
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    taken.sort()
    starts = [s for s, _ in taken]
    from bisect import bisect_right

    for m in pattern.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and taken[i][1] > m.start() or (i + 1 < len(taken) and taken[i + 1][0] < m.end()):
            continue
        entity = names[m.group()]
        if entity is None:
            entity = b.entity(m.group().lower(), m.group(), EntityType.ORGANISATION)
            entity.roles.append(Role(f"{SEATS[m.group()]} government", m.start(), m.end()))
            names[m.group()] = entity
        b.mention(entity, m.start(), m.end())


@Language.component("storyledger_entities", requires=["doc.ents"], assigns=["doc._.sl_entities", "doc._.sl_mentions"])
def entities_component(doc: Doc) -> Doc:
    doc._.sl_entities, doc._.sl_mentions = build_entities(doc)
    return doc
