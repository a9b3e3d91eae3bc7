"""One article's forms of one name made one entity, by the same rules the ledger links by.

An article that writes "Frederick C. LaRue" and then "Fred LaRue" names one man; one that writes
"Indianapolis Colts" and then "the Colts", or "European Commission" and then "the Commission" or
"EU Commission", names one body. Left apart here, the ledger could never join them: two entities of
one article are two by its own account.
"""

from __future__ import annotations

from storyledger.annotate.entities.body_names import BodyName, parse_body, same_body
from storyledger.annotate.entities.person_names import PersonName, compatible
from storyledger.annotate.entities.places import gazetteer
from storyledger.records import Entity, EntityType, Mention


def full_name_groups(names: list[tuple[str, PersonName]]) -> dict[str, str]:
    """Full names in order of appearance -> the first name of their group: a name joins the one
    earlier group every name of which it can be ("George Bush" after both "George W. Bush" and
    "George H. W. Bush" joins neither)."""
    groups: list[list[tuple[str, PersonName]]] = []
    out: dict[str, str] = {}
    for key, parsed in names:
        fits = [g for g in groups if all(compatible(parsed, p) for _, p in g)]
        if len(fits) == 1:
            fits[0].append((key, parsed))
            out[key] = fits[0][0][0]
        else:
            groups.append([(key, parsed)])
            out[key] = key
    return out


def merge_body_forms(entities: dict[str, Entity], mentions: list[Mention]) -> None:
    """Fold a body's shorter or other-qualified forms into the one longer name they can be."""
    first: dict[str, int] = {}
    for m in mentions:
        first[m.entity_id] = min(first.get(m.entity_id, m.start), m.start)
    parsed: dict[str, BodyName] = {}
    for e in entities.values():
        p = parse_body(e.name) if e.type is not EntityType.PERSON else None
        if p is not None:
            parsed[e.id] = p
    order = sorted(parsed, key=lambda i: (len(parsed[i].words), first.get(i, 0), i))
    for eid in order:
        short = parsed[eid]
        entity = entities.get(eid)
        if entity is None:
            continue
        if entity.type is EntityType.PLACE and (len(short.words) == 1 or gazetteer().country(entity.name)):
            continue  # "Africa" of "South Africa", "Korea": places are not short forms of one another
        targets = {t for t in _longer_forms(short, eid, parsed, first) if t in entities}
        if len(targets) == 1:
            _fold(entities, mentions, entity, entities[targets.pop()])
            parsed.pop(eid)


def _longer_forms(short: BodyName, eid: str, parsed: dict[str, BodyName], first: dict[str, int]) -> list[str]:
    out = []
    n = len(short.words)
    for other, p in parsed.items():
        if other == eid:
            continue
        if len(p.words) > n and p.words[-n:] == short.words:
            out.append(other)  # "Colts" of "Indianapolis Colts"
        elif same_body(short, p) and (len(p.words) > n or first.get(other, 0) < first.get(eid, 0)):
            out.append(other)  # "EU" of "European Union"; "EU Commission" after "European Commission"
    return out


def _fold(entities: dict[str, Entity], mentions: list[Mention], source: Entity, target: Entity) -> None:
    entities.pop(source.id)
    target.aliases.extend(a for a in source.aliases if a not in target.aliases)
    target.roles.extend(r for r in source.roles if all(r.text != x.text for x in target.roles))
    for m in mentions:
        if m.entity_id == source.id:
            m.entity_id = target.id
