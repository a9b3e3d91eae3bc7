"""Speakers resolved to the article's entities: by name, by title or role, or by pronoun.

A named speaker resolves through the mentions the entities component recorded (a person in the
phrase wins: "the UK's chief of defence staff, Sir Tony Radakin"; else the body a spokesperson
speaks for: "a spokeswoman for the Commission"), or by a surname the entities left unlinked.
"he"/"she" take the most salient person of that gender in the discourse (discourse.py), an unnamed
speaker ("the spokesman") included; "the president" the last person whose stated role it is; where
two remain equally likely the speaker stays unresolved rather than guessed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storyledger.annotate.quotes.discourse import (
    GENDERED_NOUNS,
    PRONOUN_GENDER,
    WINDOW,
    Discourse,
    Referent,
)
from storyledger.annotate.tokens import contiguous_run
from storyledger.records import Entity, EntityType, Mention, Quote, Role, SpeakerRef

PLURAL = {"they", "we"}
RELATIVE = {"who", "which", "that"}
SPOKES = {"spokesperson", "spokesman", "spokeswoman", "official", "officials", "aide", "aides", "source",
          "sources", "statement", "spokespeople", "representative", "office"}
# What a speaker issues rather than who: "the statement said" speaks for whoever spoke last.
DOCUMENTS = {"statement", "release", "email", "e-mail", "letter", "memo", "ad", "advert", "video", "tweet", "post",
             "filing", "transcript", "note", "message"}
_SYNONYMS = {"nominee": "candidate", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
             "advisor": "adviser", "chairman": "chair", "chairwoman": "chair"}
# Titles a person holds ("the president", "the prime minister"); the entities component states them as roles.
PERSON_TITLES = {"president", "minister", "secretary", "general", "chancellor", "chief", "leader", "senator",
                 "governor", "mayor", "king", "queen", "premier", "ambassador", "envoy", "director", "commissioner",
                 "chair", "ceo", "speaker", "commander", "pope", "adviser", "candidate", "judge", "officer",
                 "professor", "founder", "executive", "attorney", "councillor", "councilor", "lawmaker"}
# Nouns for people: an unnamed speaker so named ("the aide", "a senior official") is who a later "he" may be.
PERSON_NOUNS = PERSON_TITLES | SPOKES - DOCUMENTS - {"office"} | {
    "aide", "lawyer", "attorney", "strategist", "analyst", "expert", "witness", "resident", "activist", "lawmaker",
    "negotiator", "diplomat", "officer", "organizer", "organiser", "voter", "supporter", "critic", "member"}
_NP = {"compound", "det", "amod", "poss", "case", "nummod", "flat", "nmod", "appos", "prep", "pobj", "punct",
       "quantmod", "advmod", "npadvmod"}


@dataclass(slots=True)
class SpeakerResolver:
    doc: Doc
    entities: dict[str, Entity]
    mentions: list[Mention]
    discourse: Discourse
    added: list[Mention] = field(default_factory=list)
    replaced: set[tuple[int, int]] = field(default_factory=set)  # pronoun and title spans resolved here
    history: list[tuple[SpeakerRef, str]] = field(default_factory=list)  # each speaker and its head noun
    last: tuple[Referent, int] | None = None  # the last person who spoke, and where
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
        apposed = [m for m in found for c in head.children if c.dep_ == "appos" and m.start <= c.idx < m.end]
        if apposed:
            return apposed[0].entity_id
        if head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() not in SPOKES:
            # "Sanders's supporters", "Trump voters": people the name qualifies, not the named one; a
            # body they belong to ("Democratic lawmakers") still speaks through them.
            found = [m for m in found if self.entities[m.entity_id].type != EntityType.PERSON]
            return found[0].entity_id if found else None
        if people:
            return people[-1].entity_id
        if head.pos_ == "NOUN" and head.lemma_.lower() not in SPOKES:
            # "a young Turkish deckhand", "a New York judge": one person, whom the place only describes
            # (people in the plural, "Turkish officials", and spokespeople, "an Israeli spokeswoman", do
            # speak for it; so do "the city of Phoenix" and "Connecticut's tax commissioner").
            found = [m for m in found if not (self.entities[m.entity_id].type == EntityType.PLACE
                                              and self._describes(m, head))]
        return found[0].entity_id if found else None

    def _describes(self, mention: Mention, head: Token) -> bool:
        """The mention modifies the head noun as an adjective or a noun before it."""
        return any(t.head.i == head.i and t.dep_ in ("amod", "compound", "nmod")
                   for t in self.doc.char_span(mention.start, mention.end, alignment_mode="expand") or [])

    def _by_surname(self, head: Token, text: str) -> str | None:
        """A name the entities component left unlinked ("Tavares said" after "Prime Minister Rui
        Tavares"): the one person of the article with that surname or alias."""
        if head.pos_ not in ("PROPN", "NOUN") or not head.text[:1].isupper():
            return None  # the small model tags many surnames as nouns
        found = {e.id for e in self.entities.values() if e.type == EntityType.PERSON
                 and (e.name.split()[-1] == head.text or text in e.aliases)}
        return found.pop() if len(found) == 1 else None

    def _spokesperson(self, head: Token) -> str | None:
        """"the spokesperson" speaks for the body the last spokesperson named spoke for."""
        for earlier, noun in reversed(self.history[-6:]):
            if earlier.entity_id and noun in SPOKES:
                return earlier.entity_id
        return None

    def _title(self, head: Token, start: int, end: int) -> str | None:
        """"the president": the person last in the discourse whose stated role is that title (with its
        qualifiers: "the Commission president" is not "US President X"); with no such person, the one
        person in reach whose roles do not contradict it. Two as likely: None."""
        title = title_head(head.lemma_)
        qualifiers = [t for t in self.doc.char_span(start, end, alignment_mode="expand") or []
                      if t.i != head.i and not t.is_punct and t.dep_ not in ("det", "poss", "case")]
        at = start

        def holds(ref: Referent) -> bool:
            entity = self.entities.get(ref.entity_id or "")
            return entity is not None and any(title_head(r.text) == title and self._qualified(r, qualifiers)
                                              for r in entity.roles)

        ref, clear, _ = self.discourse.rank(at, holds, since=0)
        if ref is not None:
            return ref.entity_id if clear else None

        def open_to(ref: Referent) -> bool:
            entity = self.entities.get(ref.entity_id or "")
            if entity is None or entity.type != EntityType.PERSON:
                return False
            heads = {title_head(r.text) for r in entity.roles} & PERSON_TITLES
            return not heads or title in heads

        ref, clear, count = self.discourse.rank(at, open_to)
        return ref.entity_id if ref is not None and (clear or count == 1) else None

    def _qualified(self, role: Role, qualifiers: list[Token]) -> bool:
        """Every word qualifying the title is in the role, or names what a word of the role names
        ("the British prime minister" and "UK prime minister": both mentions of the same country)."""
        words = role.text.lower().replace("’", "'").replace("'s", "").split()
        named = {m.entity_id for m in self.mentions_in(role.start, role.end)}
        return all(q.lower_ in words or any(m.entity_id in named for m in self.mentions_in(q.idx, q.idx + len(q)))
                   for q in qualifiers)

    def _pronoun(self, head: Token) -> tuple[str | None, Referent | None]:
        """"he"/"she": the most salient person (or unnamed speaker) of that gender, or no one when two are."""
        gender = PRONOUN_GENDER[head.lower_]

        def agrees(ref: Referent) -> bool:
            if ref.gender not in (None, gender):
                return False
            entity = self.entities.get(ref.entity_id or "")
            return ref.key != ref.entity_id or (entity is not None and entity.type == EntityType.PERSON)

        ref, clear, count = self.discourse.continued(head.idx, agrees, self.last)
        if ref is None or not clear:
            return None, None
        if ref.gender is None and count == 1:
            ref.gender = gender  # the only one it can be: what the text now says of them
        return ref.entity_id, ref

    def resolve(self, head: Token, lo: int, hi: int, previous: SpeakerRef | None) -> SpeakerRef:
        """The speaker whose phrase ``head`` heads, within its paragraph [lo, hi)."""
        start, end = self.phrase(head, lo, hi)
        return self._resolved(head, start, end, lo, hi, previous)

    def settle(self, quotes: list[Quote], bounds: Callable[[int], tuple[int, int]]) -> None:
        """Resolve every speaker again in the order of the text, once all are found (a colon quote or a
        floating paragraph is found after the sentences that follow it), and record the mentions that
        pronouns, titles and unlinked surnames now make."""
        self.discourse = Discourse(self.doc, self.entities, self.mentions, self.discourse.quoted)
        self.history = []
        self.last = None
        known = {(m.start, m.end, m.entity_id) for m in self.mentions}
        previous: SpeakerRef | None = None
        for quote in sorted((q for q in quotes if q.speaker is not None), key=lambda q: q.speaker.start):
            speaker = quote.speaker
            span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = span.root
            ref = self._resolved(head, speaker.start, speaker.end, *bounds(speaker.start), previous)
            speaker.entity_id = ref.entity_id
            previous = speaker
            if (speaker.start, speaker.end, ref.entity_id) in known:
                continue
            if head.pos_ == "PRON" or _titled(head):
                self.replaced.add((speaker.start, speaker.end))
            if ref.entity_id is not None:
                known.add((speaker.start, speaker.end, ref.entity_id))
                self.added.append(Mention(ref.entity_id, speaker.start, speaker.end, speaker.text))

    def _resolved(self, head: Token, start: int, end: int, lo: int, hi: int, previous: SpeakerRef | None
                  ) -> SpeakerRef:
        text = self.text[start:end]
        low = head.lower_
        noun = head.lemma_.lower()
        # "The Valmorian president, Ilse Varga-Dunaj,": the name apposed says who, whatever the title.
        titled = _titled(head) and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)
        if head.pos_ == "PRON" and low in PRONOUN_GENDER:
            entity_id, _ = self._pronoun(head)
        elif titled and noun in SPOKES:
            entity_id = self._spokesperson(head) or self._named(start, end, head)
        elif titled and title_head(noun) in PERSON_TITLES:
            entity_id = self._title(head, start, end)
        else:
            entity_id = self._named(start, end, head) or self._by_surname(head, text)
        if entity_id is None and not (head.pos_ == "PRON" and low in PRONOUN_GENDER):
            prev_ok = previous is not None and previous.entity_id is not None and head.idx - previous.start < WINDOW
            prev_type = self.entities[previous.entity_id].type if prev_ok and previous and previous.entity_id else None
            if low in RELATIVE and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
                # "McConnell, who in 2010 said ...": the relative pronoun speaks for what it hangs from
                antecedent = head.head.head
                entity_id = self._named(*self.phrase(antecedent, lo, hi), antecedent)
            elif low in PLURAL | {"it"} and head.pos_ == "PRON":  # "the company said ... it added"
                entity_id = previous.entity_id if prev_ok and previous and prev_type != EntityType.PERSON else None
            elif titled and noun in DOCUMENTS:
                entity_id = previous.entity_id if prev_ok and previous else None
        ref = SpeakerRef(text=text, start=start, end=end, entity_id=entity_id)
        self._spoke(head, ref)
        self.history.append((ref, noun))
        return ref

    def _spoke(self, head: Token, ref: SpeakerRef) -> None:
        """The speaker becomes the most salient referent at its place: a named one under its entity,
        a pronoun under what it was resolved to, an unnamed person ("the spokesman") under its span."""
        entity = self.entities.get(ref.entity_id or "")
        gender = PRONOUN_GENDER.get(head.lower_) or GENDERED_NOUNS.get(head.lower_)
        named = head.pos_ == "PRON" or _titled(head) or any(
            m.entity_id == ref.entity_id and m.start <= head.idx < m.end for m in self.mentions_in(ref.start, ref.end))
        if entity is not None and entity.type == EntityType.PERSON and (named or self._by_surname(head, ref.text)):
            # "Sanders's supporters" speak, not Sanders: a name counts as the speaker only where it heads the phrase.
            self.last = (self.discourse.spoke(entity.id, entity.id, gender, ref.start), ref.start)
        elif head.pos_ == "NOUN" and (head.lemma_.lower() in PERSON_NOUNS or head.lower_ in GENDERED_NOUNS):
            self.last = (self.discourse.spoke(f"@{ref.start}", ref.entity_id, gender, ref.start), ref.start)
        elif head.pos_ != "PRON":
            self.last = None  # a body or a document spoke: a later "he" is not its


def _titled(head: Token) -> bool:
    return head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children)


def title_head(text: str) -> str:
    words = text.lower().replace("’", "'").split()
    return _SYNONYMS.get(words[-1], words[-1]) if words else ""
