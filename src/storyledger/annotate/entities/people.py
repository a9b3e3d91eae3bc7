"""People named in pieces: NER's person-as-organisation errors, and first names used alone.

The small English pipeline often labels a person ORG ("Mr Orlov", "Chancellor Olaf Scholz"); an
honorific or a person's title right before the name is clear evidence it is a person. A first name
alone ("Olaf said") is the full-name person who carries it when exactly one does. A first name
inside a quote ("the group asked Emmanuel and me") with no full name to join is the one person of
the same sentence named by surname alone before it, outside the quote, who is not the speaker
("Referencing Macron, Starmer added that ..."): speakers call colleagues by first name, reporters by surname.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storyledger.records import Entity, Mention

PERSONAL_HONORIFICS = {"sir", "dame", "lord", "lady", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof",
                       "prof."}
# Titles that only a person carries: before a name they make it a person ("Chancellor Olaf Scholz").
_PERSON_PREMODIFIERS = {"president", "chancellor", "minister", "senator", "sen.", "governor", "gov.", "mayor",
                        "secretary", "ambassador", "envoy", "premier", "spokesperson", "spokesman", "spokeswoman",
                        "judge", "general", "professor", "rep.", "representative", "congressman", "congresswoman"}
_OPEN, _CLOSE, _BOTH = "“", "”", '"'


def looks_like_person(ent: SpacySpan) -> bool:
    """An ORG span that is a person's name: an honorific inside or before it, or a person's title
    right before a short title-case name."""
    toks = [t for t in ent if not t.is_space]
    if not toks or len(toks) > 4:
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if toks[0].lower_ in PERSONAL_HONORIFICS and len(toks) > 1:
        return all(t.is_title for t in toks[1:])
    if before is None or not all(t.is_title and t.is_alpha for t in toks):
        return False
    return before.lower_ in PERSONAL_HONORIFICS or before.lower_ in _PERSON_PREMODIFIERS


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quote marks; a quote left open ends with its paragraph. One pass."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n" or ch == _CLOSE or (ch == _BOTH and opened is not None):
            if opened is not None:
                out.append((opened, i))
            opened = None
        elif ch == _OPEN or ch == _BOTH:
            opened = i + 1
    if opened is not None:
        out.append((opened, len(text)))
    return out


def in_quote(ranges: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _speakers(tok: Token) -> set[int]:
    """Token indices of the subjects nearest each verb above ``tok``: who says the words it is in."""
    out: set[int] = set()
    for verb in tok.ancestors:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            out.add(min(subjects, key=lambda c: abs(c.i - verb.i)).i)
    return out


def merge_quoted_first_names(doc: Doc, entities: dict[str, Entity], mentions: list[Mention],
                             single: set[str]) -> None:
    """Join a one-word person named only inside quotes to the one surname-only person beside it.

    ``single`` holds the ids of persons the article names by one word only (no full name)."""
    ranges = quoted_ranges(doc.text)
    by_entity: dict[str, list[Mention]] = {}
    for m in mentions:
        by_entity.setdefault(m.entity_id, []).append(m)
    for eid in sorted(single):
        own = by_entity.get(eid, [])
        if eid not in entities or not own or not all(in_quote(ranges, m.start) for m in own):
            continue
        span = doc.char_span(own[0].start, own[0].end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        speakers = _speakers(span.root)
        candidates = set()
        for m in mentions:
            if m.entity_id == eid or m.entity_id not in single or m.entity_id not in entities \
                    or not (sent.start_char <= m.start < own[0].start) or in_quote(ranges, m.start):
                continue
            other = doc.char_span(m.start, m.end, alignment_mode="expand")
            if other is not None and other.root.i not in speakers:
                candidates.add(m.entity_id)
        if len(candidates) != 1:
            continue
        target = entities[candidates.pop()]
        first = entities.pop(eid)
        target.name = f"{first.name} {target.name}"
        target.aliases.extend(a for a in first.aliases if a not in target.aliases)
        for m in own:
            m.entity_id = target.id
        single.discard(target.id)
