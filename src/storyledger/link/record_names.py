"""Which of a document entity's names it may be linked by, and the keys it is filed under.

A document entity carries every way its article referred to it: names, but also titles resolved
within the article ("the prime minister") and short forms ("the Commission"). Only names link
across documents: a title never does (it resolves across documents only as a role, with its
qualifiers and date, see resolution), and a short form that is the bare head of the entity's own
longer name ("Commission" of "European Commission") is the article's shorthand, not a name of
its own; linking by it would chain every commission into one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from storyledger.annotate.entities.places import gazetteer
from storyledger.annotate.entities.roles import TITLE_WORDS
from storyledger.annotate.entities.body_names import BodyName, parse_body, short_forms, variant_key
from storyledger.annotate.entities.person_names import PersonName, compatible, parse_person, skeleton
from storyledger.link.resolution_records import EntityRecord
from storyledger.link.text import fold
from storyledger.records import Entity, EntityType, Mention

_DETERMINERS = frozenset("the a an this that these those his her its their our my your".split())
_PRONOUNS = frozenset("he she it they him them i we you me us who".split())
_ROLE_STOP = frozenset("the of a an s and for in to".split())
_TITLES = frozenset(w.rstrip(".") for w in TITLE_WORDS)


def is_name(text: str) -> bool:
    """A proper name rather than a title, a description or a pronoun: a capitalised last word that
    is not a title, and no determiner in front ("President Obama" is a name, "the president" and
    "the US President" are not)."""
    words = text.replace("’", "'").split()
    if not words or not any(ch.isupper() for ch in text):
        return False
    first, last = words[0].lower(), re.sub(r"'s$", "", words[-1]).strip(".,")
    if first in _PRONOUNS and len(words) == 1:
        return False
    if not last[:1].isupper() and not (last[:1].isdigit() or any(c.isupper() for c in last)):
        return False
    if last.lower() in _TITLES:
        return False
    return first not in _DETERMINERS or len(words) > 1 and words[1][:1].isupper()


def _names_a_body(text: str) -> bool:
    """Any name of a body but a pronoun or a person speaking for it ("a Downing Street spokesperson")."""
    words = text.lower().split()
    return bool(words) and words[-1].strip(".,") not in _TITLES and not (len(words) == 1 and words[0] in _PRONOUNS)


@dataclass(frozen=True, slots=True)
class PersonNames:
    """A person record's names: ``full`` (given and surname) it links by, or else the ``partial``
    name (a surname, with an initial at most) it may attach by."""

    full: tuple[PersonName, ...]
    partial: PersonName | None

    @property
    def primary(self) -> PersonName | None:
        return self.full[0] if self.full else self.partial


@lru_cache(maxsize=200_000)
def person_names(names: tuple[str, ...]) -> PersonNames:
    """The record's first full name is its primary one; other full names count only if they can be
    the same person as it (an in-article merge of two full names is not trusted across documents)."""
    parsed = [p for p in (parse_person(n) for n in names if is_name(n)) if p is not None and p.surname]
    full = [p for p in parsed if p.is_full]
    if full:
        primary = full[0]
        kept = [primary] + [p for p in full[1:] if compatible(primary, p) and p != primary]
        return PersonNames(tuple(dict.fromkeys(kept)), None)
    partial = max(parsed, key=lambda p: (len(p.given), len(p.surname)), default=None)
    return PersonNames((), partial)


def body_names(names: tuple[str, ...]) -> tuple[BodyName, ...]:
    """The names a body record links by: its own name (the first) in the forms the article wrote
    it. Its other names are no link: an acronym stands for several bodies ("DNC"), a short form
    for several ("Post" of the Washington and the New York Post), and a capital used for its
    country ("Paris said") is metonymy; one article's use of them must not chain bodies together.
    Short forms and acronyms meet their body one record at a time (see resolution)."""
    parsed = [p for p in (parse_body(n) for n in names if _names_a_body(n)) if p is not None]
    if not parsed:
        return ()
    primary = parsed[0]
    return tuple(dict.fromkeys([primary] + [p for p in parsed[1:] if p.words == primary.words]))


def person_block(name: PersonName) -> str:
    return "p:" + skeleton(name.core)


def person_like_key(record: EntityRecord) -> str | None:
    """For a body record whose name could be a person's, the key people of that name are filed
    under: "n:" and the full name ("Maurice Cheeks"), or "s:" and one word that is no country or
    capital ("Klitschko" tagged a group); None for any other body record."""
    if not is_name(record.name):
        return None
    p = parse_person(record.name)
    if p is None:
        return None
    if p.is_full and len(p.surname) + len(p.given) <= 4:
        return "n:" + p.key
    if not p.given and len(p.surname) == 1 and not is_place(record.name):
        return "s:" + p.core
    return None


def is_place(name: str) -> bool:
    """A country, or a capital, in any of its forms: never a person however the parser tags it."""
    gaz = gazetteer()
    return bool(gaz.country(name) or gaz.capital_of(name))


def blocks(record: EntityRecord) -> set[str]:
    """The keys that decide which records are resolved together: records sharing one may be merged."""
    if record.type is EntityType.PERSON:
        pn = person_names(record.names)
        names = pn.full or ((pn.partial,) if pn.partial else ())
        return {person_block(n) for n in names} | {"n:" + n.key for n in pn.full[:1]}
    out: set[str] = set()
    for n in body_names(record.names):
        out.add("b:" + n.key)
        if n.written_acronym:
            out.add("a:" + n.written_acronym)
        elif n.acronym:
            out.add("a:" + n.acronym)
        if (v := variant_key(n)) is not None:
            out.add("v:" + v)
    like = person_like_key(record)
    if like is not None:
        out.add(like if like.startswith("n:") else "p:" + skeleton(like[2:]))
    return out


def suffix_keys(record: EntityRecord) -> set[str]:
    """Keys under which a body's shorter forms find it ("h:colts" for "Indianapolis Colts")."""
    if record.type is EntityType.PERSON:
        return set()
    return {"h:" + " ".join(short) for n in body_names(record.names) for short in short_forms(n)}


def short_key(record: EntityRecord) -> str | None:
    """The key under which a body named by a short form looks for the longer names it may be
    ("h:colts" for "the Colts"); None for people, acronyms and places."""
    if record.type is EntityType.PERSON or is_place(record.name):
        return None
    names = body_names(record.names)
    if not names or names[0].written_acronym:
        return None
    return "h:" + names[0].key


def role_key(role: str) -> str | None:
    """A role with its qualifiers, countries in one form: "Ukraine's president" = "president of
    Ukraine" = "Ukrainian President" -> "r:president|ukraine". None without a qualifier ("the
    president" names no one across documents)."""
    words = [w for w in re.findall(r"[a-z]+", fold(role).replace("'s", "")) if w not in _ROLE_STOP]
    titles = [w for w in words if w in _TITLES]
    if not titles:
        return None
    head = titles[-1]
    qualifiers = set()
    for w in words:
        if w == head:
            continue
        country = gazetteer().country(w)
        qualifiers.add(country.lower() if country else w)
    return f"r:{head}|{' '.join(sorted(qualifiers))}" if qualifiers else None


def role_keys(record: EntityRecord) -> set[str]:
    """Keys of the record's roles, and of names that are titles ("The transport minister of Valmora")."""
    texts = list(record.roles) + [n for n in record.names if not is_name(n)]
    return {k for k in (role_key(t) for t in texts) if k}


def is_role_only(record: EntityRecord) -> bool:
    """A person the article names by a role alone."""
    return record.type is EntityType.PERSON and person_names(record.names).primary is None


def context_key(record: EntityRecord) -> str | None:
    """How a record is seen in the company of others: a person by surname, a body by its initials
    (or its one word)."""
    if record.type is EntityType.PERSON:
        primary = person_names(record.names).primary
        return person_block(primary) if primary else None
    names = body_names(record.names)
    if not names or gazetteer().country(record.name):
        return None  # a country is company every article keeps: it tells nothing
    name = names[0]
    initials = name.written_acronym or name.acronym  # "HWU" and "Harbour Workers Union" keep the same company
    return "a:" + initials if initials else "b:" + name.key


def with_context(records: list[EntityRecord]) -> list[EntityRecord]:
    """One document's records, each given the keys of the others as its context."""
    keys = {r.ref: context_key(r) for r in records}
    present = {k for k in keys.values() if k}
    return [replace(r, context=frozenset(present - {keys[r.ref]})) for r in records]


def document_records(document_id: str, published: date | None, entities: list[Entity],
                     mentions: list[Mention]) -> list[EntityRecord]:
    """The records resolution takes for one annotated article."""
    counts = Counter(m.entity_id for m in mentions)
    return with_context([
        EntityRecord(document_id, e.id, e.name, e.type, tuple(e.aliases), tuple(r.text for r in e.roles),
                     counts.get(e.id, 0), published)
        for e in entities
    ])
