"""Titles used in place of a name ("the prime minister", "the US president", "the Russian leader")
resolved to a person of the article.

First a person whose stated role has the same title (and country, when the title names one);
otherwise the most prominent person so far (most mentions, then first named) whose roles do not
contradict it and whose country, read from the nearest country named beside them, fits. A title
resolved this way becomes a role of that person, with the title's own span as evidence.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storyledger.annotate.entities.places import gazetteer
from storyledger.annotate.entities.roles import HEAD_TITLES
from storyledger.records import Entity, EntityType, Mention, Role

_PERSON_TITLES = HEAD_TITLES - {"spokesperson", "spokesman", "spokeswoman", "official", "officer", "head"}
_LEADERS = {"president", "minister", "chancellor", "premier", "king", "queen", "leader"}


# Title words the press uses for one another ("the GOP candidate" is the "Republican nominee").
_SYNONYMS = {"nominee": "candidate", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
             "advisor": "adviser", "chairman": "chair", "chairwoman": "chair"}


def _head(text: str) -> str:
    words = text.lower().split()
    return _SYNONYMS.get(words[-1], words[-1]) if words else ""


def _country_in(tokens: list[Token]) -> str | None:
    gaz = gazetteer()
    for t in tokens:
        c = gaz.country(t.text)
        if c:
            return c
    return None


def _role_country(role: Role, doc: Doc) -> str | None:
    span = doc.char_span(role.start, role.end, alignment_mode="expand")
    return _country_in(list(span)) if span is not None else None


def _title_phrases(doc: Doc) -> list[tuple[Token, list[Token]]]:
    out = []
    for t in doc:
        if t.lemma_.lower() not in _PERSON_TITLES or t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ == "PERSON" \
                or t.tag_ in ("NNS", "NNPS"):
            continue
        if t.head.ent_type_ == "PERSON" and t.dep_ in ("compound", "appos") or any(
                c.ent_type_ == "PERSON" and c.dep_ in ("appos", "compound", "flat") for c in t.children):
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].ent_type_ == "PERSON":
            continue
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in t.children):
            continue  # "The Mexican president, Enrique Peña Nieto,": the apposed name says who, NER or not
        if t.dep_ == "compound":
            continue
        left = [c for c in t.lefts if c.dep_ in ("det", "compound", "amod", "poss", "nmod") and not c.is_space]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in left):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            continue  # "the president of the club": a role of something named, left to the parse
        toks = sorted([x for c in left for x in c.subtree] + [t], key=lambda x: x.i)
        if any("\n" in x.text for x in toks):
            continue
        out.append((t, toks))
    return out


def _qualifiers(words: list[str]) -> set[str]:
    gaz = gazetteer()
    return {w for w in words if w not in ("the", "a", "an", "s") and not gaz.country(w)}


# Words that make another office of a title: "the vice president" is not the president.
_OFFICE = {"vice", "deputy", "former", "assistant", "acting", "interim", "shadow", "ex", "first"}


def _agree(role: Role, qualifiers: set[str]) -> bool:
    """A role and a title agree unless both are qualified and share no word ("Democratic
    presidential nominee" is not "the Republican nominee"; "senator" may be "the South Carolina
    senator"), or one names another office ("vice president", "former president")."""
    own = _qualifiers(re.findall(r"[a-z]+", role.text.lower().replace("’", "'"))[:-1])
    if own & _OFFICE != qualifiers & _OFFICE:
        return False
    return not qualifiers or not own or bool(own & qualifiers)


def _states(role: Role, title: str, country: str | None, qualifiers: set[str], doc: Doc) -> bool:
    """Whether a stated role says this title: the same title of the same country, or, for a
    country's leader, any leader's title of that country ("Russian President" is "the Russian leader")."""
    head = _head(role.text)
    if head == title:
        return (country is None or _role_country(role, doc) in (None, country)) and _agree(role, qualifiers)
    return country is not None and title in _LEADERS and head in _LEADERS and _role_country(role, doc) == country


def _stated_country(doc: Doc, mentions: list[Mention], entity: Entity) -> str | None:
    """The country the article ties a person to in words: a role ("French President") or a country
    right before the name ("Ukraine's Volodymyr Zelensky", "Polish Piotr Nowak")."""
    for role in entity.roles:
        c = _role_country(role, doc)
        if c:
            return c
    gaz = gazetteer()
    for m in mentions:
        if m.entity_id != entity.id:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        before = doc[span.start - 1]
        if before.lower_ in ("'s", "’s") and span.start > 1:
            before = doc[span.start - 2]
        if before.ent_type_ in ("GPE", "NORP") and (c := gaz.country(before.text)):
            return c
    return None


def _home_country(doc: Doc, mentions: list[Mention], entity: Entity, skip: set[int]) -> str | None:
    """Weak evidence: the country named nearest the person in the sentences that name them (not
    the country of a title being resolved: that is what is asked)."""
    gaz = gazetteer()
    best = None
    for m in [m for m in mentions if m.entity_id == entity.id][:20]:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        for t in sent:
            c = gaz.country(t.text) if t.ent_type_ in ("GPE", "NORP") and t.i not in skip else None
            if c:
                d = abs(t.i - span.root.i)
                if best is None or d < best[0]:
                    best = (d, c)
    return best[1] if best else None


def resolve_titles(doc: Doc, entities: dict[str, Entity], mentions: list[Mention], text: str) -> None:
    phrases = _title_phrases(doc)
    if not phrases:
        return
    persons = [e for e in entities.values() if e.type == EntityType.PERSON]
    if not persons:
        return
    strong = {e.id: _stated_country(doc, mentions, e) for e in persons}
    in_titles = {t.i for _, toks in phrases for t in toks}
    home = {e.id: strong[e.id] or _home_country(doc, mentions, e, in_titles) for e in persons}
    ordered = sorted((m for m in mentions if m.entity_id in home), key=lambda m: m.start)
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    k = 0
    for head, toks in phrases:
        at = head.idx
        while k < len(ordered) and ordered[k].start < at:  # one pass: the article's people so far
            m = ordered[k]
            counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
            first.setdefault(m.entity_id, m.start)
            last[m.entity_id] = m.start
            k += 1
        title = _head(head.lemma_)
        country = _country_in([t for t in toks if t.i != head.i])
        qualifiers = _qualifiers([t.lower_ for t in toks if t.i != head.i and not t.is_punct])
        seen = set(counts)
        stated = [e for e in persons if e.id in seen and any(_states(r, title, country, qualifiers, doc)
                                                             for r in e.roles)]
        chosen = None
        if stated:
            chosen = max(stated, key=lambda e: last[e.id])
        else:
            def fits(e: Entity) -> bool:
                heads = {_head(r.text) for r in e.roles}
                if not heads and qualifiers & _OFFICE:
                    return False  # "the vice president" is someone the article said is one
                if heads and title not in heads and not (title == "leader" and heads & _LEADERS):
                    return False
                if title in heads and not any(_agree(r, qualifiers) for r in e.roles if _head(r.text) == title):
                    return False
                return country is None or home.get(e.id) in (None, country) or strong.get(e.id) is None

            cands = [e for e in persons if e.id in seen and fits(e)]
            if country is not None:
                # the country's person if one is known; else the last person named whose country is
                # unknown: "spoke with Vladimir Putin to plan a meeting between the Russian leader and ..."
                known = [e for e in cands if home.get(e.id) == country]
                cands = known or [e for e in cands if strong.get(e.id) is None]
                if cands:
                    chosen = max(cands, key=lambda e: last[e.id]) if not known else \
                        max(cands, key=lambda e: (counts[e.id], -first[e.id]))
            elif cands:
                chosen = max(cands, key=lambda e: (counts[e.id], -first[e.id]))
        if chosen is None:
            continue
        start = toks[0].idx if toks[0].lower_ != "the" else toks[1].idx if len(toks) > 1 else toks[0].idx
        end = head.idx + len(head)
        role_text = text[start:end]
        if all(r.text.lower() != role_text.lower() for r in chosen.roles):
            chosen.roles.append(Role(role_text, start, end))
        if country and strong.get(chosen.id) is None:
            home[chosen.id] = strong[chosen.id] = country
        span_start = toks[0].idx
        said = text[span_start:end]
        mentions.append(Mention(chosen.id, span_start, end, said))
        if said not in chosen.aliases:
            chosen.aliases.append(said)
