"""Who a claim is by, and who reported it, resolved to entities through the Doc contract.

Actors resolve by overlap with doc._.sl_mentions; several entities when the subject is a
coordination ("The UK and France"); role nouns ("the prime minister") through Entity.roles;
"he"/"she" to the last person named as a subject; "the two countries"/"they" to the previous
claim's actor; "I" in a quote to its speaker. Groups with no entity ("European leaders") keep
their text and no ids.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storyledger.records import ActorRef, Entity, EntityType, Mention, Quote

REPORTING = {"say", "tell", "add", "state", "announce", "claim", "report", "insist", "stress", "note", "explain",
             "confirm", "argue", "write", "understand", "believe", "think", "suggest", "acknowledge", "admit",
             "indicate", "reveal", "declare", "emphasise", "emphasize", "reiterate", "maintain", "assert",
             "tweet", "warn", "signal", "predict", "concede", "testify", "told", "hint", "recall", "observe"}
EXPLETIVES = {"it", "there", "this", "that", "which", "who", "what", "these", "those", "something", "anything"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
PLURAL_ANAPHORS = {"they", "both", "two", "countries", "leaders", "nations", "governments", "sides"}
GROUP_HEADS = {"team", "delegation", "officials", "troops", "forces", "leaders", "government", "ministers",
               "diplomats", "military", "army", "authorities", "representatives", "negotiators", "envoys"}
ROLE_NOUNS = {"president", "minister", "leader", "chancellor", "secretary", "spokesperson", "spokesman",
              "spokeswoman", "king", "queen", "pope", "premier", "governor", "mayor", "general", "chief",
              "ambassador", "envoy", "official", "senator", "commissioner", "director", "head"}
_CORE_DEPS = {"compound", "flat", "appos", "conj", "nmod"}


@dataclass(slots=True)
class ActorResolver:
    """Per-document lookup from spans to entities, with a memory of recent actors for anaphora."""

    doc: Doc
    entities: dict[str, Entity]
    mentions: list[Mention]
    quotes: list[Quote]
    last_actor: ActorRef | None = None
    last_person: tuple[int, list[str]] | None = None  # (offset, ids) of the last person-like subject
    _starts: list[int] = field(default_factory=list)

    _spans: list[tuple[int, int, Quote]] = field(default_factory=list)
    _span_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._spans = sorted(((s.start, s.end, q) for q in self.quotes for s in q.content), key=lambda x: x[0])
        self._span_starts = [x[0] for x in self._spans]

    def ids_in(self, start: int, end: int) -> list[str]:
        ids: list[str] = []
        i = max(0, bisect_right(self._starts, start) - 1)
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end > start and m.entity_id not in ids:
                ids.append(m.entity_id)
            i += 1
        return ids

    def quote_at(self, char: int) -> Quote | None:
        i = bisect_right(self._span_starts, char)
        for start, end, quote in reversed(self._spans[max(0, i - 8): i]):
            if start <= char < end:
                return quote
        return None

    def _core_ids(self, head: Token) -> list[str]:
        """Entities named by the subject itself: its head, compounds, coordinated and apposed nouns."""
        tokens = [head]
        role = head.lemma_.lower() in ROLE_NOUNS
        for t in head.subtree:
            if role and t.dep_ in ("compound", "amod", "nmod") and t.head.i == head.i:
                continue  # "the US president" is not the US
            if t.i == head.i:
                continue
            path_ok = True
            cur = t
            while cur.i != head.i:
                if cur.dep_ not in _CORE_DEPS and not (cur.dep_ in ("cc",)):
                    path_ok = False
                    break
                cur = cur.head
            if path_ok:
                tokens.append(t)
        if head.lower_ in GROUP_HEADS or head.lemma_.lower() in GROUP_HEADS:
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
                tokens.extend(c for c in prep.children if c.dep_ == "pobj")
            tokens.extend(c for c in head.children if c.dep_ == "poss")
        ids: list[str] = []
        for t in tokens:
            for eid in self.ids_in(t.idx, t.idx + len(t)):
                if eid not in ids:
                    ids.append(eid)
        return ids

    def _by_role(self, text: str, before: int) -> list[str]:
        norm = _norm(text)
        if not norm:
            return []
        hits = [e for e in self.entities.values() if any(_norm(r.text).endswith(norm) for r in e.roles)]
        if not hits:
            return []
        return [self._latest(hits, before).id]

    def _latest(self, candidates: list[Entity], before: int) -> Entity:
        ids = {e.id for e in candidates}
        best, pos = candidates[0], -1
        for m in self.mentions:
            if m.start >= before:
                break
            if m.entity_id in ids and m.start > pos:
                best, pos = self.entities[m.entity_id], m.start
        return best

    def _last_person(self, before: int) -> list[str]:
        """The last person named as a subject before ``before`` (or, failing that, named at all);
        a role noun seen as a subject since ("the US president admitted") wins over older names."""
        fallback = None
        tracked = self.last_person if self.last_person and self.last_person[0] < before else None
        for m in reversed(self.mentions):
            if m.start >= before:
                continue
            entity = self.entities.get(m.entity_id)
            if entity is None or entity.type != EntityType.PERSON:
                continue
            token = self.doc.char_span(m.start, m.end, alignment_mode="expand") if before - m.start < 5000 else None
            if tracked is not None and tracked[0] > m.start:
                return list(tracked[1])
            if token is not None and token.root.dep_ in ("nsubj", "nsubjpass"):
                return [m.entity_id]
            if fallback is None:
                fallback = m.entity_id
            if before - m.start > 2000:
                break
        return [fallback] if fallback else []

    def resolve(self, head: Token) -> ActorRef | None:
        """ActorRef for the subject whose head word is ``head``; None for expletives ("it", "there")."""
        low = head.lower_
        if low in EXPLETIVES and head.pos_ in ("PRON", "DET"):
            return None
        cut = {t.i for c in head.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        toks = [t for t in head.subtree if t.i not in cut]
        lo = max((t.i for t in toks if t.i < head.i and "\n" in t.text_with_ws), default=-1)
        hi = min((t.i for t in toks if t.i >= head.i and "\n" in t.text_with_ws), default=10**9)
        toks = [t for t in toks if lo < t.i <= hi and not t.is_space]
        while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
            toks.pop()
        while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
            toks.pop(0)
        if len(toks) > 15:
            toks = [t for t in toks if t.i <= head.i and t.i >= head.left_edge.i]
        if not toks:  # the subject was only punctuation or line breaks as parsed
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        text = self.doc[toks[0].i: toks[-1].i + 1].text  # Doc.text rebuilds the whole text
        ids = self._core_ids(head)
        quote = self.quote_at(head.idx)
        if not ids and low in ("i", "me") and quote is not None and quote.speaker and quote.speaker.entity_id:
            ids = [quote.speaker.entity_id]
        elif not ids and low in PERSON_PRONOUNS:
            ids = self._last_person(head.idx)
        elif not ids and (low in PLURAL_ANAPHORS or head.lemma_.lower() in PLURAL_ANAPHORS) and _anaphoric(head):
            if self.last_actor is not None and len(self.last_actor.entity_ids) >= 2:
                ids = list(self.last_actor.entity_ids)
        elif not ids and head.pos_ == "NOUN":
            ids = self._by_role(text, head.idx)
        person = any(self.entities[i].type == EntityType.PERSON for i in ids if i in self.entities)
        if head.dep_ in ("nsubj", "nsubjpass") and (person or head.lemma_.lower() in ROLE_NOUNS):
            self.last_person = (head.idx, ids)
        return ActorRef(text=text, start=start, end=end, entity_ids=ids)


def _norm(text: str) -> str:
    words = text.lower().replace("’", "'").split()
    while words and words[0] in ("the", "a", "an", "its", "their", "his", "her"):
        words.pop(0)
    return " ".join(words)


def _anaphoric(head: Token) -> bool:
    """"they", "both", "the two countries": words that point back rather than name."""
    if head.lower_ in ("they", "both"):
        return True
    return any(c.lower_ in ("two", "both") for c in head.children if c.dep_ in ("nummod", "det", "predet"))
