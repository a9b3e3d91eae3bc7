"""Cross-document entity resolution: document entities in, ledger entities out, in any order.

The result is a function of the set of records, never of the order they came in: records are
resolved in groups that share a block key (a surname's skeleton, a body's name, acronym or
qualified head, see record_names), each group in one canonical order. A new document therefore
re-resolves only the groups its names touch (``closure``), and the ledger it leaves is the one a
rebuild from scratch would give.

Within a group of people:
1. Full names ("Ursula von der Leyen") found one entity each, and two of them merge only when
   every full name of the one can be a full name of the other (``person_names.compatible``) and no
   document names both as different people: no chain of merges can join two names that clash.
2. A surname alone ("Leyen", "Mr Trump") joins the one full-name entity of that surname whose
   company it shares (the other names of its document), or the clearly dominant one; otherwise
   it stays an entity of its own: unsure, abstain.
3. A person named by a role alone ("the transport minister of Valmora") joins the one entity
   holding that role with the same qualifiers within a year; roles never merge named entities.
Bodies and places merge on their name, an acronym that has one expansion, or a short form that
qualifies the same head by the same territory ("EU Commission" / "European Commission").
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from storyledger.annotate.entities.places import gazetteer
from storyledger.annotate.entities.body_names import parse_body, variant_key
from storyledger.annotate.entities.person_names import (
    PersonName, compatible, honorific_gender, parse_person, same_word,
)
from storyledger.link.record_names import (
    blocks, body_names, context_key, is_name, is_role_only, person_block, person_like_key, person_names, role_keys,
    short_key, suffix_keys,
)
from storyledger.link.resolution_records import EntityRecord, Ref, ResolvedEntity
from storyledger.records import EntityType

_ROLE_STOP = frozenset("the a an of from in at for and to s his her its their".split())
ROLE_DAYS = 365  # a role held in one document is the same office-holder's within a year
# A surname alone joins the most prominent full name of that surname only when it is this many
# times more present than the next and the context does not say otherwise.
DOMINANCE = 4


@dataclass(slots=True)
class _Cluster:
    records: list[EntityRecord] = field(default_factory=list)
    names: set[PersonName] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)

    def genders(self) -> set[str]:
        """What the honorifics its articles gave it say ("Mrs. Clinton"): empty when nothing does."""
        return {g for r in self.records for n in r.names if (g := honorific_gender(n))}

    def add(self, record: EntityRecord, names: Iterable[PersonName] = ()) -> None:
        self.records.append(record)
        self.names.update(names)
        self.docs.add(record.document_id)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            ra, rb = min(ra, rb), max(ra, rb)
            self.parent[rb] = ra
        return ra


def resolve(records: Iterable[EntityRecord]) -> list[ResolvedEntity]:
    """Partition document entities into ledger entities; the same set gives the same partition
    and the same ids whatever its order."""
    ordered = sorted(records, key=lambda r: r.ref)
    clusters: list[_Cluster] = []
    for group in components([r for r in ordered if not is_role_only(r)]):
        group = retyped(group)
        clusters += _cluster_people([r for r in group if r.type is EntityType.PERSON])
        clusters += _cluster_bodies([r for r in group if r.type is not EntityType.PERSON])
    _attach_short_bodies(clusters)
    roles_alone = [r for r in ordered if is_role_only(r)]
    clusters += _attach_roles(roles_alone, [c for c in clusters if c.names])
    return _entities([c for c in clusters if c.records])


def retyped(group: list[EntityRecord]) -> list[EntityRecord]:
    """The small parser calls one person a place in one article and a group in the next
    ("Klitschko", "Maurice Cheeks"): a body record whose name the group's people carry at least
    as often as its bodies do is a person. Counted within the group, so the order never matters."""
    people_full: Counter[str] = Counter()
    people_core: Counter[str] = Counter()
    for r in group:
        if r.type is EntityType.PERSON:
            pn = person_names(r.names)
            for n in pn.full[:1]:
                people_full[n.key] += 1
            if pn.primary is not None:
                people_core[pn.primary.core] += 1
    bodies: Counter[str] = Counter(k for r in group if r.type is not EntityType.PERSON
                                   for k in [person_like_key(r)] if k)
    out = []
    for r in group:
        key = person_like_key(r) if r.type is not EntityType.PERSON else None
        if key is not None:
            people = people_full[key[2:]] if key.startswith("n:") else \
                sum(n for core, n in people_core.items() if same_word(core, key[2:]))
            # an organisation's name needs its people to outnumber it clearly ("Bloomberg" the
            # agency stays, "Trump" tagged an organisation in a few articles of hundreds goes)
            needed = DOMINANCE * bodies[key] if r.type is EntityType.ORGANISATION else bodies[key]
            if people and people >= needed:
                r = replace(r, type=EntityType.PERSON)
        out.append(r)
    return out


def components(records: list[EntityRecord]) -> list[list[EntityRecord]]:
    """Records joined by shared block keys, each group in the order given."""
    uf = _UnionFind()
    keys = {}
    for r in records:
        ks = sorted(blocks(r)) or [f"ref:{r.document_id}:{r.local_id}"]
        keys[r.ref] = ks[0]
        for k in ks[1:]:
            uf.union(ks[0], k)
    groups: dict[str, list[EntityRecord]] = {}
    for r in records:
        groups.setdefault(uf.find(keys[r.ref]), []).append(r)
    return [groups[k] for k in sorted(groups)]


def closure(seeds: Iterable[EntityRecord], with_key: Callable[[str], Iterable[EntityRecord]]) -> list[EntityRecord]:
    """Every record whose resolution may change when ``seeds`` are added: those sharing a block
    with them, transitively, and the records a leaf attachment ties them to: a person named by a
    role alone and the named people holding that role, a body's short form and the bodies it is
    short for. ``with_key`` returns the records filed under a key (see ``index_keys``)."""
    seen: dict[Ref, EntityRecord] = {}
    asked: set[tuple[str, bool]] = set()  # each key is read once for each side of it
    todo = list(seeds)
    while todo:
        r = todo.pop()
        if r.ref in seen:
            continue
        seen[r.ref] = r
        for k in sorted(index_keys(r)):
            side = _side(r, k)
            if (k, side) in asked:
                continue
            asked.add((k, side))
            todo.extend(other for other in with_key(k) if other.ref not in seen and _depends(r, other, k))
    return sorted(seen.values(), key=lambda r: r.ref)


def _side(record: EntityRecord, key: str) -> bool:
    """Which end of a leaf key the record is at (the leaf or what it may join); one end for other keys."""
    if key.startswith("r:"):
        return is_role_only(record)
    if key.startswith("h:"):
        return short_key(record) == key
    return True


def _depends(a: EntityRecord, b: EntityRecord, key: str) -> bool:
    """Whether records filed under one key are resolved together. Roles and short forms bind a
    leaf to the named records it may join, never named records to one another."""
    if key.startswith(("r:", "h:")):
        return _side(a, key) != _side(b, key)
    return True


def index_keys(record: EntityRecord) -> set[str]:
    """Every key a store should file the record under for ``closure``."""
    keys = blocks(record) | suffix_keys(record)
    if record.type is EntityType.PERSON:
        keys |= role_keys(record)
    if (short := short_key(record)) is not None:
        keys.add(short)
    return keys


# -- people ------------------------------------------------------------------------------------

def _cluster_people(records: list[EntityRecord]) -> list[_Cluster]:
    uf = _UnionFind()
    nodes: dict[str, _Cluster] = {}
    partial: list[EntityRecord] = []
    for r in records:
        pn = person_names(r.names)
        if not pn.full:
            partial.append(r)
            continue
        key = pn.full[0].key
        nodes.setdefault(key, _Cluster()).add(r, pn.full)
        for other in pn.full[1:]:
            nodes.setdefault(other.key, _Cluster())
            uf.union(key, other.key)  # one article's spellings of one name
    for key in sorted(nodes):
        for i, group in enumerate(_namesakes(nodes[key].records)[1:], 1):
            apart = nodes.setdefault(f"{key}#{i}", _Cluster())
            for r in group:
                nodes[key].records.remove(r)
                apart.add(r, person_names(r.names).full)
        nodes[key].docs = {r.document_id for r in nodes[key].records}
    merged = _merge_nodes(nodes, uf)
    clusters = list(merged.values())
    leftovers = _attach_surnames(partial, clusters)
    return clusters + leftovers


def _namesakes(records: list[EntityRecord]) -> list[list[EntityRecord]]:
    """One full name's records, the person most of them name first, then namesakes: a group that
    shares no company and no role word with the rest, and whose roles say another trade
    ("Dana Okafor, a nurse from Pellham" is not the union's general secretary of that name)."""
    if not records:
        return [records]
    uf = _UnionFind()
    for r in records:
        uf.find(f"{r.document_id}:{r.local_id}")
        for k in sorted(r.context | {f"w:{w}" for w in _role_words(r)}):
            uf.union(f"{r.document_id}:{r.local_id}", k)
    groups: dict[str, list[EntityRecord]] = {}
    for r in records:
        groups.setdefault(uf.find(f"{r.document_id}:{r.local_id}"), []).append(r)
    ordered = sorted(groups.values(), key=lambda g: (-len(g), min(r.ref for r in g)))
    main, out = list(ordered[0]), []
    main_words = {w for r in main for w in _role_words(r)}
    for group in ordered[1:]:
        words = {w for r in group for w in _role_words(r)}
        if words and main_words and not words & main_words:
            out.append(group)
        else:
            main += group
            main_words |= words
    return [main, *out]


def _role_words(record: EntityRecord) -> set[str]:
    return {w for role in record.roles for w in re.findall(r"[a-z]+", role.lower()) if w not in _ROLE_STOP}


def _merge_nodes(nodes: dict[str, _Cluster], uf: _UnionFind) -> dict[str, _Cluster]:
    """Complete-link merging of full-name nodes in a canonical order, strongest evidence first."""
    clusters: dict[str, _Cluster] = {}
    for key in sorted(nodes):
        root = uf.find(key)
        c = clusters.setdefault(root, _Cluster())
        c.records += nodes[key].records
        c.names |= nodes[key].names
        c.docs |= nodes[key].docs
    bases: dict[str, set[str]] = {root: set() for root in clusters}
    told_apart = {k.split("#")[0] for k in nodes if "#" in k}
    for key in nodes:
        if key.split("#")[0] in told_apart:
            bases[uf.find(key)].add(key.split("#")[0])
    by_block: dict[str, list[str]] = {}
    for key, c in clusters.items():
        for n in c.names:
            by_block.setdefault(person_block(n), []).append(key)
    pairs = []
    for keys in by_block.values():
        keys = sorted(set(keys))
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                strength = _strength(clusters[a].names, clusters[b].names)
                if strength:
                    sa, sb = len(clusters[a].docs), len(clusters[b].docs)
                    pairs.append((-strength, -min(sa, sb), -max(sa, sb), a, b))
    for _, _, _, a, b in sorted(set(pairs)):
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        ca, cb = clusters[ra], clusters[rb]
        if ca.docs & cb.docs or not all(compatible(x, y) for x in ca.names for y in cb.names):
            continue
        if bases[ra] & bases[rb]:
            continue  # namesakes told apart by their roles and company

        ga, gb = ca.genders(), cb.genders()
        if ga and gb and not ga & gb:
            continue
        root = uf.union(ra, rb)
        gone = rb if root == ra else ra
        bases[root] = bases[ra] | bases[rb]
        keep = clusters[root]
        other = clusters.pop(gone)
        keep.records += other.records
        keep.names |= other.names
        keep.docs |= other.docs
    return clusters


def _strength(a: set[PersonName], b: set[PersonName]) -> int:
    """2 when two names differ at most in middle names, 1 for a nickname, initial or
    transliteration, 0 when they cannot be one person."""
    best = 0
    for x in a:
        for y in b:
            if compatible(x, y):
                same = x.surname == y.surname and x.used_given[:1] == y.used_given[:1]
                best = max(best, 2 if same else 1)
    return best


def _attach_surnames(partial: list[EntityRecord], clusters: list[_Cluster]) -> list[_Cluster]:
    """Attach each surname-alone record to the full-name entity it names, if one clearly; the
    rest become entities of their own, one per surname spelling."""
    context = [Counter(k for r in c.records for k in r.context) for c in clusters]
    genders = [c.genders() for c in clusters]
    chosen: dict[int, list[EntityRecord]] = {}
    alone: dict[str, _Cluster] = {}
    for r in partial:
        name = person_names(r.names).partial
        assert name is not None
        own = person_block(name)
        gender = {g for n in r.names if (g := honorific_gender(n))}
        cands = [i for i, c in enumerate(clusters) if any(compatible(name, n) for n in c.names)
                 and not (gender and genders[i] and not gender & genders[i])]
        target = _pick(r, cands, clusters, context, own)
        if target is not None and r.document_id in clusters[target].docs:
            target = None  # the one it means is named apart in its own article: not the next best
        if target is None:
            alone.setdefault(" ".join(name.surname), _Cluster()).add(r, ())
        else:
            chosen.setdefault(target, []).append(r)
    for i, rs in chosen.items():
        seen_docs: set[str] = set()
        for r in sorted(rs, key=lambda r: (-r.mentions, r.ref)):
            if r.document_id in seen_docs:  # one document's two surname-alone entities are two people
                name = person_names(r.names).partial
                alone.setdefault(" ".join(name.surname) if name else r.name, _Cluster()).add(r, ())
                continue
            seen_docs.add(r.document_id)
            clusters[i].records.append(r)
    return [alone[k] for k in sorted(alone)]


def _pick(r: EntityRecord, cands: list[int], clusters: list[_Cluster], context: list[Counter],
          own: str) -> int | None:
    if not cands:
        return None
    ctx = r.context - {own}

    def overlap(i: int) -> int:
        return sum(1 for k in ctx if k in context[i])

    ranked = sorted(cands, key=lambda i: (-overlap(i), -len(clusters[i].docs), min(c.ref for c in clusters[i].records)))
    best = ranked[0]
    if len(ranked) == 1:
        return best if overlap(best) >= 1 or not ctx else None
    second = ranked[1]
    if overlap(best) > overlap(second):
        return best
    if overlap(best) == overlap(second) and len(clusters[best].docs) >= DOMINANCE * len(clusters[second].docs):
        return best
    return None


# -- bodies and places ---------------------------------------------------------------------------

def _cluster_bodies(records: list[EntityRecord]) -> list[_Cluster]:
    uf = _UnionFind()
    names_of: dict[Ref, list[str]] = {}
    for r in records:
        keys = sorted({n.key for n in body_names(r.names)}) or [f"ref:{r.document_id}:{r.local_id}"]
        names_of[r.ref] = keys
        for k in keys[1:]:
            uf.union(keys[0], k)  # the article's own forms of one name ("European Union", "EU")
    docs: dict[str, dict[str, set[Ref]]] = {}

    def doc_refs() -> dict[str, dict[str, set[Ref]]]:
        docs.clear()
        for r in records:
            docs.setdefault(uf.find(names_of[r.ref][0]), {}).setdefault(r.document_id, set()).add(r.ref)
        return docs

    def clash(a: str, b: str) -> bool:
        da, db = docs.get(a, {}), docs.get(b, {})
        return any(d in db and da[d] != db[d] for d in da)

    parsed = {n.key: n for r in records for n in body_names(r.names)}
    by_variant: dict[str, list[str]] = {}
    for key in sorted(parsed):
        v = variant_key(parsed[key])
        if v:
            by_variant.setdefault(v, []).append(key)
    doc_refs()
    for v in sorted(by_variant):
        keys = by_variant[v]
        for k in keys[1:]:
            ra, rb = uf.find(keys[0]), uf.find(k)
            if ra != rb and not clash(ra, rb):
                uf.union(ra, rb)
                doc_refs()
    expansions: dict[str, set[str]] = {}
    for key, n in parsed.items():
        if not n.written_acronym and n.acronym:
            expansions.setdefault(n.acronym, set()).add(uf.find(key))
    for key in sorted(parsed):
        n = parsed[key]
        if not n.written_acronym:
            continue
        roots = {uf.find(k) for k in expansions.get(n.written_acronym, set())} - {uf.find(key)}
        if len(roots) == 1:
            target = roots.pop()
            if not clash(uf.find(key), target):
                uf.union(uf.find(key), target)
                doc_refs()
    out: dict[str, _Cluster] = {}
    for r in records:
        out.setdefault(uf.find(names_of[r.ref][0]), _Cluster()).add(r)
    return [out[k] for k in sorted(out)]


def _attach_short_bodies(clusters: list[_Cluster]) -> None:
    """A body named by the end of a longer name alone ("the Colts", "Commission") joins the one
    entity of that longer name it clearly means, as a surname joins a full name."""
    longer: dict[str, set[int]] = {}
    for i, c in enumerate(clusters):
        for r in c.records:
            for k in suffix_keys(r):
                longer.setdefault(k, set()).add(i)
    if not longer:
        return
    context = [Counter(k for r in c.records for k in r.context) for c in clusters]
    moves: list[tuple[int, int, EntityRecord]] = []
    for i, c in enumerate(clusters):
        for r in c.records:
            key = short_key(r)
            if key is None:
                continue
            cands = sorted(longer.get(key, set()) - {i})
            target = _pick(r, cands, clusters, context, context_key(r))
            if target is not None and r.document_id not in clusters[target].docs:
                moves.append((i, target, r))
    for i, target, r in moves:
        clusters[i].records.remove(r)
        clusters[target].records.append(r)


def _attach_roles(records: list[EntityRecord], people: list[_Cluster]) -> list[_Cluster]:
    """A person named by a role alone joins the one named person who holds that role, with the
    same qualifiers, within ROLE_DAYS; otherwise it stays on its own."""
    held: dict[str, list[tuple[int, EntityRecord]]] = {}
    for i, c in enumerate(people):
        for r in c.records:
            if is_role_only(r):
                continue
            for k in role_keys(r):
                held.setdefault(k, []).append((i, r))
    out = []
    for r in records:
        cands = set()
        for k in role_keys(r):
            for i, holder in held.get(k, []):
                if r.published and holder.published and abs((r.published - holder.published).days) <= ROLE_DAYS \
                        and r.document_id not in people[i].docs:
                    cands.add(i)
        if len(cands) == 1:
            people[cands.pop()].records.append(r)
        else:
            single = _Cluster()
            single.add(r)
            out.append(single)
    return out


# -- the entities --------------------------------------------------------------------------------

def _entities(clusters: list[_Cluster]) -> list[ResolvedEntity]:
    drafts = []
    for c in clusters:
        records = sorted(c.records, key=lambda r: r.ref)
        etype = _type(records)
        name, key = _canonical(records, etype)
        drafts.append((key, records[0].ref, etype, name, records))
    drafts.sort(key=lambda d: (d[0], d[1]))
    out = []
    seen: set[str] = set()
    for key, first, etype, name, records in drafts:
        eid = "E" + hashlib.sha1(key.encode()).hexdigest()[:12]
        if eid in seen:
            eid = "E" + hashlib.sha1(f"{key}@{first[0]}:{first[1]}".encode()).hexdigest()[:12]
        seen.add(eid)
        out.append(ResolvedEntity(
            id=eid, name=name, type=etype, members=[r.ref for r in records],
            aliases=sorted({n for r in records for n in r.names}),
            roles=sorted({x for r in records for x in r.roles}),
        ))
    return out


def _type(records: list[EntityRecord]) -> EntityType:
    """People are people; a body's type is the one its mentions carry most, a country a place."""
    if any(r.type is EntityType.PERSON for r in records):
        return EntityType.PERSON
    if any(gazetteer().country(n) for r in records for n in r.names):
        return EntityType.PLACE
    votes: Counter[EntityType] = Counter()
    for r in records:
        votes[r.type] += r.mentions
    return min(votes, key=lambda t: (-votes[t], t.value))


def _first_used(records: list[EntityRecord], key_of: Callable[[EntityRecord], str | None]) -> dict[str, date]:
    """The earliest publication date under which each key appears (undated records count last)."""
    out: dict[str, date] = {}
    for r in records:
        k = key_of(r)
        if k is not None:
            out[k] = min(out.get(k, date.max), r.published or date.max)
    return out


def _canonical(records: list[EntityRecord], etype: EntityType) -> tuple[str, str]:
    """The display name and the key the id is made from: for a person the full name most records
    use (its most common spelling), else the most common name; between as common ones, the one
    the story used first, then the longer."""
    if etype is EntityType.PERSON:
        keys: Counter[str] = Counter()
        spellings: Counter[str] = Counter()
        for r in records:
            pn = person_names(r.names)
            if pn.full:
                keys[pn.full[0].key] += 1
        if keys:
            first = _first_used(records, lambda r: (person_names(r.names).full or [None])[0] and
                                person_names(r.names).full[0].key)
            best = min(keys, key=lambda k: (-keys[k], first.get(k, date.max), -len(k.split()), k))
            for r in records:
                # the article's own canonical name first; its other spellings only if none is
                names = [r.name] if _full_key(r.name) == best else [n for n in r.aliases if _full_key(n) == best]
                spellings.update(_display(n) for n in names[:1])
            return _most(spellings), f"person:{best}"
        for r in records:
            pn = person_names(r.names)
            if pn.partial:
                spellings[_display(r.name if is_name(r.name) else pn.partial.key.title())] += 1
        if spellings:
            name = _most(spellings)
            p = parse_person(name)
            return name, f"person:{p.key if p else name.lower()}"
        r = records[0]
        return r.name, f"role:{r.document_id}:{r.local_id}"
    spellings = Counter()
    for r in records:
        for n in body_names(r.names):
            spellings[n.key] += 1
    if not spellings:
        r = records[0]
        return r.name, f"body:{r.document_id}:{r.local_id}"
    first = _first_used(records, lambda r: (body_names(r.names) or [None])[0] and body_names(r.names)[0].key)
    best = min(spellings, key=lambda k: (-spellings[k], first.get(k, date.max), -len(k.split()), k))
    surfaces = Counter(_display(n) for r in records for n in r.names
                       if (p := parse_body(n)) is not None and p.key == best)
    return _most(surfaces) if surfaces else best, f"body:{best}"


def _full_key(name: str) -> str | None:
    p = parse_person(name) if is_name(name) else None
    return p.key if p is not None and p.is_full else None


def _display(name: str) -> str:
    """A name as shown: without a leading article, honorific possessive or line break."""
    name = " ".join(name.split())
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name.lower().startswith("the ") and len(name) > 4:
        name = name[4:]
    return name


def _most(counts: Counter[str]) -> str:
    return min(counts, key=lambda s: (-counts[s], -len(s), s))
