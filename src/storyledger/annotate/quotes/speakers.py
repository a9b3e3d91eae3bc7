"""Speakers resolved to the article's entities: by name, by title or role, or by pronoun.

A named speaker resolves through the mentions the entities component recorded (a person in the
phrase wins: "the UK's chief of defence staff, Sir Tony Radakin"; else the body a spokesperson
speaks for: "a Downing Street spokesperson"). "he"/"she" and bare titles ("the spokesperson")
take the previous speaker when it fits, else the last person named before them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storyledger.annotate.tokens import contiguous_run
from storyledger.records import Entity, EntityType, Mention, SpeakerRef

PERSONAL = {"he", "she", "him", "her", "i"}
PLURAL = {"they", "we"}
RELATIVE = {"who", "which", "that"}
SPOKES = {"spokesperson", "spokesman", "spokeswoman", "official", "officials", "aide", "aides", "source",
          "sources", "statement", "spokespeople", "representative", "office"}
# What a speaker issues rather than who: "the statement said" speaks for whoever spoke last.
DOCUMENTS = {"statement", "release", "email", "e-mail", "letter", "memo", "ad", "advert", "video", "tweet", "post",
             "filing", "transcript", "note", "message"}
_NP = {"compound", "det", "amod", "poss", "case", "nummod", "flat", "nmod", "appos", "prep", "pobj", "punct",
       "quantmod", "advmod", "npadvmod"}


@dataclass(slots=True)
class SpeakerResolver:
    doc: Doc
    entities: dict[str, Entity]
    mentions: list[Mention]
    added: list[Mention] = field(default_factory=list)
    history: list[SpeakerRef] = field(default_factory=list)
    text: str = ""
    _starts: list[int] = field(default_factory=list)
    _ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = self.doc.text  # Doc.text joins every token: read it once
        self.mentions = sorted(self.mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self._ends = [m.end for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        lo = max(0, bisect_left(self._starts, start) - 8)
        hi = bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start and m.start < end]

    def last_person(self, before: int, window: int = 3000) -> Mention | None:
        i = bisect_right(self._starts, before) - 1
        while i >= 0 and before - self.mentions[i].start < window:
            m = self.mentions[i]
            entity = self.entities.get(m.entity_id)
            if m.end <= before and entity is not None and entity.type == EntityType.PERSON:
                return m
            i -= 1
        return None

    def phrase(self, head: Token, lo: int, hi: int) -> tuple[int, int]:
        """The speaker's noun phrase, within its paragraph, without relative clauses."""
        toks = [head]
        stack = [c for c in head.children if c.dep_ in _NP]
        while stack:
            t = stack.pop()
            toks.append(t)
            stack.extend(c for c in t.children if c.dep_ in _NP)
        toks = [t for t in toks if lo <= t.idx and t.idx + len(t) <= hi and not t.is_space]
        run = contiguous_run(head, toks)
        while len(run) > 1 and (run[0].is_punct or run[0].dep_ == "cc"):
            run.pop(0)
        while len(run) > 1 and (run[-1].is_punct or run[-1].dep_ == "case"):
            run.pop()
        return run[0].idx, run[-1].idx + len(run[-1])

    def _named(self, start: int, end: int, head: Token) -> str | None:
        found = self.mentions_in(start, end)
        if not found:
            return None
        people = [m for m in found if self.entities[m.entity_id].type == EntityType.PERSON]
        on_head = [m for m in found if m.start <= head.idx < m.end]
        if on_head:
            return on_head[0].entity_id
        if people:
            return people[-1].entity_id
        return found[0].entity_id

    def _by_title(self, head: Token, previous: SpeakerRef | None) -> str | None:
        """"the spokesperson" is the last spokesperson's body; "the minister" the last person so titled,
        else the previous speaker."""
        noun = head.lemma_.lower()
        if noun in SPOKES:
            for earlier in reversed(self.history[-6:]):
                words = earlier.text.lower().split()
                if earlier.entity_id and words and words[-1] in SPOKES:
                    return earlier.entity_id
        for entity in self.entities.values():
            if any(r.text.lower().split()[-1:] == [head.lower_] for r in entity.roles):
                return entity.id
        if noun in SPOKES:
            return None
        if previous is not None and previous.entity_id and self.entities[previous.entity_id].type == EntityType.PERSON:
            return previous.entity_id
        return None

    def resolve(self, head: Token, lo: int, hi: int, previous: SpeakerRef | None) -> SpeakerRef:
        start, end = self.phrase(head, lo, hi)
        text = self.text[start:end]
        entity_id = self._named(start, end, head)
        low = head.lower_
        if entity_id is None:
            prev_ok = previous is not None and previous.entity_id is not None and head.idx - previous.start < 1500
            prev_type = self.entities[previous.entity_id].type if prev_ok and previous and previous.entity_id else None
            if low in RELATIVE and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
                # "McConnell, who in 2010 said ...": the relative pronoun speaks for what it hangs from
                antecedent = head.head.head
                entity_id = self._named(*self.phrase(antecedent, lo, hi), antecedent)
            elif low in PERSONAL and head.pos_ == "PRON":
                if prev_type == EntityType.PERSON:
                    entity_id = previous.entity_id if previous else None
                else:
                    m = self.last_person(head.idx)
                    entity_id = m.entity_id if m else None
            elif low == "it" and head.pos_ == "PRON":  # "the company said ... it added"
                entity_id = previous.entity_id if prev_ok and previous and prev_type != EntityType.PERSON else None
            elif low in PLURAL and head.pos_ == "PRON":
                entity_id = previous.entity_id if prev_ok and previous and prev_type != EntityType.PERSON else None
            elif head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
                if head.lemma_.lower() in DOCUMENTS:
                    entity_id = previous.entity_id if prev_ok and previous else None
                else:
                    entity_id = self._by_title(head, previous if prev_ok else None)
            if entity_id is not None:
                self.added.append(Mention(entity_id, start, end, text))
        ref = SpeakerRef(text=text, start=start, end=end, entity_id=entity_id)
        self.history.append(ref)
        return ref
