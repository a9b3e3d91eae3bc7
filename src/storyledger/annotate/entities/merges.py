"""One article's forms of one name made one entity, by the same rules the ledger links by.

An article that writes "Frederick C. LaRue" and then "Fred LaRue" names one man; one that writes
"Indianapolis Colts" and then "the Colts", or "European Commission" and then "the Commission" or
"EU Commission", names one body. Left apart here, the ledger could never join them: two entities of
one article are two by its own account.
"""

from __future__ import annotations

from storyledger.annotate.entities.body_names import BodyName, is_short_form, parse_body, same_body
from storyledger.annotate.entities.person_names import PersonName, compatible
from storyledger.annotate.entities.places import known_place
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
    """Fold a body's other forms into it: first the same name in another form ("EU" of "European
    Union", "EU Commission" of "European Commission"), then a short form into the one longer name
    it can be ("the Commission", "the Colts")."""
    first: dict[str, int] = {}
    for m in mentions:
        first[m.entity_id] = min(first.get(m.entity_id, m.start), m.start)
    parsed: dict[str, BodyName] = {}
    for e in entities.values():
        p = parse_body(e.name) if e.type is not EntityType.PERSON else None
        if p is not None and e.type is not EntityType.GROUP and not known_place(e.name):
            parsed[e.id] = p  # "Africa" of "South Africa", "Americans" of "African Americans" are no forms
    order = sorted(parsed, key=lambda i: (-len(parsed[i].words), -first.get(i, 0), i))
    for eid in order:  # the later and shorter of two forms of one name folds into the other
        others = [o for o in parsed if o != eid and o in entities and same_body(parsed[eid], parsed[o])
                  and (len(parsed[o].words), -first.get(o, 0)) > (len(parsed[eid].words), -first.get(eid, 0))]
        if len(others) == 1 and eid in entities:
            _fold(entities, mentions, entities[eid], entities[others[0]])
    for eid in sorted(parsed, key=lambda i: (len(parsed[i].words), first.get(i, 0), i)):
        if eid not in entities:
            continue
        targets = {o for o in parsed if o in entities and o != eid and is_short_form(parsed[eid], parsed[o])}
        if len(targets) == 1:
            _fold(entities, mentions, entities[eid], entities[targets.pop()])


def _fold(entities: dict[str, Entity], mentions: list[Mention], source: Entity, target: Entity) -> None:
    entities.pop(source.id)
    target.aliases.extend(a for a in source.aliases if a not in target.aliases)
    target.roles.extend(r for r in source.roles if all(r.text != x.text for x in target.roles))
    for m in mentions:
        if m.entity_id == source.id:
            m.entity_id = target.id
