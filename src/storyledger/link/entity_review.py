"""Entities a person should look at: where resolution may have put two in one.

An entity is suspicious when it holds full names that cannot be one person ("Hattie Quill" and
"Barnaby Quill"), when its articles tagged it a person in some and a place or a body in others, or
when it carries many different titles. The user decides (storyledger entity merge/split, or the
review page of the web app); the decision is replayed on every relink.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from storyledger.annotate.entities.person_names import PersonName, distinct_full_names, parse_person
from storyledger.link.record_names import is_name, role_key
from storyledger.records import EntityType

MANY_ROLES = 4  # distinct titles (with their qualifiers) past which one entity may be several people


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
    if people and others:
        told = ", ".join(f"{t.value} in {n}" for t, n in sorted(others.items(), key=lambda kv: kv[0].value))
        reasons.append(f"tagged a person in {people} articles, {told}")
    titles = sorted({k for k in (role_key(r) for r in roles) if k})
    if len(titles) >= MANY_ROLES:
        reasons.append(f"{len(titles)} different titles: " + "; ".join(k[2:].replace("|", " of ") for k in titles[:6]))
    return Suspicion(entity_id, name, tuple(reasons)) if reasons else None
