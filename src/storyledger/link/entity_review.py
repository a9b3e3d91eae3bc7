"""Entities a person should look at: where resolution may have put two in one.

An entity is suspicious when it holds full names that cannot be one person ("Hattie Quill" and
"Barnaby Quill"), when its articles tagged it a person in some and a place or a body in others, or
when it carries many different titles. The user decides (storyledger entity merge/split, or the
review page of the web app); the decision is replayed on every relink.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from storyledger.annotate.entities.person_names import PersonName, distinct_full_names, parse_person
from storyledger.annotate.entities.roles import HEAD_TITLES
from storyledger.link.record_names import is_name
from storyledger.records import EntityType

MANY_TITLES = 5  # different titles (president, senator...) from which one entity may be several people
MIXED_TYPES = 0.2  # share of its articles tagging it otherwise from which a person may be a place too
_TITLES = frozenset(w.rstrip(".") for w in HEAD_TITLES)


@dataclass(frozen=True, slots=True)
class Suspicion:
    entity_id: str
    name: str
    reasons: tuple[str, ...]


def clashing_full_names(names: Iterable[str]) -> list[str]:
    """Full personal names among ``names`` no two of which can be one person (empty when fewer than two)."""
    full: dict[str, tuple[str, PersonName]] = {}
    for n in names:
        p = parse_person(n) if is_name(n) else None
        if p is not None and p.is_full:
            full.setdefault(p.key, (n, p))
    reps: list[tuple[str, PersonName]] = []
    for n, p in sorted(full.values()):
        if all(distinct_full_names(p, q) for _, q in reps):
            reps.append((n, p))
    return [n for n, _ in reps] if len(reps) >= 2 else []


def review(entity_id: str, name: str, etype: EntityType, aliases: Iterable[str], roles: Iterable[str],
           document_types: Mapping[EntityType, int]) -> Suspicion | None:
    """Why the entity may be wrong, if it may."""
    reasons = []
    if etype is EntityType.PERSON and (clash := clashing_full_names([name, *aliases])):
        reasons.append("names of different people: " + ", ".join(clash))
    people = document_types.get(EntityType.PERSON, 0)
    others = {t: n for t, n in document_types.items() if t is not EntityType.PERSON and n}
    minority = min(people, sum(others.values()))
    if minority >= 2 and minority >= MIXED_TYPES * (people + sum(others.values())):
        told = ", ".join(f"{t.value} in {n}" for t, n in sorted(others.items(), key=lambda kv: kv[0].value))
        reasons.append(f"tagged a person in {people} articles, {told}")
    titles: dict[str, str] = {}
    for role in sorted(roles):
        words = re.findall(r"[a-z]+", role.lower())
        heads = [w for w in words if w in _TITLES]
        if heads:
            titles.setdefault(heads[-1], role)
    if len(titles) >= MANY_TITLES:
        reasons.append(f"{len(titles)} different titles: " + "; ".join(sorted(titles.values())[:6]))
    return Suspicion(entity_id, name, tuple(reasons)) if reasons else None
