"""Who a claim is by, and who reported it, resolved to entities through the Doc contract.

Actors resolve by overlap with doc._.sl_mentions; several entities when the subject is a
coordination ("The UK and France"); role nouns ("the prime minister") through Entity.roles;
"he"/"she" to the last person named as a subject; "the two countries"/"they" to the previous
claim's actor; "I" in a quote to its speaker. Groups with no entity ("European leaders") keep
their text and no ids.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storyledger.records import ActorRef, Entity, EntityType, Mention, Quote, QuoteKind

EXPLETIVES = {"it", "there", "this", "that", "which", "who", "what", "these", "those", "something", "anything"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
_HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "sir": "m",
               "lady": "f", "dame": "f", "lord": "m", "congresswoman": "f", "congressman": "m", "spokeswoman": "f",
               "spokesman": "m", "chairwoman": "f", "chairman": "m", "businesswoman": "f", "businessman": "m",
               "wife": "f", "husband": "m", "mother": "f", "father": "m", "daughter": "f", "son": "m", "sister": "f",
               "brother": "m", "actress": "f", "actor": "m", "queen": "f", "king": "m", "widow": "f"}
_SAYING = {"say", "tell", "add", "insist", "argue", "claim", "announce", "write", "explain", "note", "vow", "pledge",
           "promise", "declare", "acknowledge", "admit", "state", "think", "believe"}
PLURAL_ANAPHORS = {"they", "both", "two", "countries", "leaders", "nations", "governments", "sides"}
GROUP_HEADS = {"team", "delegation", "officials", "troops", "forces", "leaders", "government", "ministers",
               "diplomats", "military", "army", "authorities", "representatives", "negotiators", "envoys"}
ROLE_NOUNS = {"president", "minister", "leader", "chancellor", "secretary", "spokesperson", "spokesman",
              "spokeswoman", "king", "queen", "pope", "premier", "governor", "mayor", "general", "chief",
              "ambassador", "envoy", "official", "senator", "commissioner", "director", "head", "candidate",
              "nominee", "speaker", "chairman", "chairwoman", "frontrunner", "front-runner", "congressman",
              "congresswoman", "judge", "businessman", "mogul", "billionaire"}
PARTY_TYPES = {EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE, EntityType.GROUP}
FIRST_SINGULAR = {"i", "me", "my"}
FIRST_PLURAL = {"we", "us", "our"}
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
    _gender: dict[str, str] | None = None

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

    def parties(self, ref: ActorRef) -> list[str]:
        """The entities of an actor that can hold a position: people, bodies, countries, groups."""
        return [i for i in ref.entity_ids if i in self.entities and self.entities[i].type in PARTY_TYPES]

    def mention_text(self, entity_id: str, start: int, end: int) -> tuple[int, int, str] | None:
        """The words naming one entity inside a span (one actor of "Jeb Bush and Hillary Clinton")."""
        i = max(0, bisect_right(self._starts, start) - 1)
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.entity_id == entity_id and m.end > start:
                return m.start, m.end, m.text
            i += 1
        return None

    def _core_ids(self, head: Token) -> list[str]:
        """Entities named by the subject itself: its head, compounds, coordinated and apposed nouns."""
        tokens = [head]
        role = head.lemma_.lower() in ROLE_NOUNS
        own = set(self.ids_in(head.idx, head.idx + len(head)))
        for t in head.subtree:
            if role and t.dep_ in ("compound", "amod", "nmod") and t.head.i == head.i:
                continue  # "the US president" is not the US
            if t.i == head.i:
                continue
            path_ok, item = True, None  # item: the head, or the coordinated noun t belongs to
            cur = t
            while cur.i != head.i:
                if cur.dep_ not in _CORE_DEPS and not (cur.dep_ in ("cc",)):
                    path_ok = False
                    break
                if cur.dep_ == "conj" and item is None:
                    item = cur
                cur = cur.head
            item = item or head
            item_own = set(self.ids_in(item.idx, item.idx + len(item)))
            if path_ok and t.i != item.i and item_own and not set(self.ids_in(t.idx, t.idx + len(t))) <= item_own:
                continue  # "Florida Governor Rick Scott" is Rick Scott, not Florida; "Bennett, a Reagan
                # secretary" is Bennett, not Reagan; "Hadley and Karvia Party Chairman Lena Vorst" are
                # Hadley and Vorst
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
        people = [i for i in ids if i in self.entities and self.entities[i].type == EntityType.PERSON]
        if head.pos_ == "NOUN" and people and not any(t.dep_ == "conj" for t in tokens):
            return people  # "another Karvia lawmaker, Sen. Tom Hadley": the person, not the place describing him
        return ids

    def _body_of(self, quote: Quote) -> list[str]:
        """The organisation or group a speaker's own words name with their role ("Mira Kell, a spokeswoman
        for the Dravik Front"): whose "we" they speak for, as the guide makes a member speaking for their
        group the group."""
        speaker = quote.speaker
        if speaker is None or not (ROLE_NOUNS | {"member"}) & set(speaker.text.lower().replace(",", " ").split()):
            return []
        return [i for i in self.ids_in(speaker.start, speaker.end) if i != speaker.entity_id and i in self.entities
                and self.entities[i].type in (EntityType.ORGANISATION, EntityType.GROUP)][:1]

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

    def genders(self) -> dict[str, str]:
        """Each person's gender as the article shows it ("m"/"f"), from the cues that bind a pronoun to
        a name: an honorific or gendered title before it ("Mrs.", "Congresswoman"), a possessive or
        reflexive in the clause the name is the subject of ("Clinton touted her proposals"), and the
        subject of what the name says ("Sanders said he would"); a pronoun right after the name, with no
        other person between, counts little. Pronouns resolve only to people of their gender (or none shown)."""
        if self._gender is not None:
            return self._gender
        votes: dict[str, Counter[str]] = {}
        people = [m for m in self.mentions if self.entities.get(m.entity_id) is not None
                  and self.entities[m.entity_id].type == EntityType.PERSON]
        for n, m in enumerate(people):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.pos_ == "PRON":
                continue
            tally = votes.setdefault(m.entity_id, Counter())
            before = self.doc[span.start - 1].lower_ if span.start > 0 else ""
            if before in _HONORIFICS:
                tally[_HONORIFICS[before]] += 3
            root = span.root
            if root.dep_ in ("nsubj", "nsubjpass"):
                tally.update(_bound_pronouns(root.head, self._quoted))
            sent = span.sent
            if root.dep_ in ("nsubj", "nsubjpass") and all(p.entity_id == m.entity_id for p in people[max(0, n - 3): n + 4]
                                                          if sent.start_char <= p.start < sent.end_char) and not any(
                    t.lemma_.lower() in ROLE_NOUNS or (t.ent_type_ == "PERSON" and t.i not in range(span.start, span.end))
                    for t in sent):
                # the only person named in the sentence, as its subject: its pronouns are hers or his
                tally.update("m" if t.lower_ in MALE else "f" for t in sent
                             if t.i >= span.end and (t.lower_ in MALE or t.lower_ in FEMALE) and not self._quoted(t))
        self._gender = {eid: c.most_common(1)[0][0] for eid, c in votes.items() if c and (
            len(c) == 1 or c.most_common(2)[0][1] > c.most_common(2)[1][1])}
        return self._gender

    def _quoted(self, token: Token) -> bool:
        """Inside someone's own quoted words, where "he" or "she" is not the speaker (in reported speech,
        "she said she would", it may well be)."""
        quote = self.quote_at(token.idx)
        return (quote is not None and quote.kind == QuoteKind.DIRECT) or sum(
            1 for t in token.sent if t.i < token.i and t.lower_ in ('"', "“", "”", "''", "``")) % 2 == 1

    def fits(self, entity_id: str, pronoun: str) -> bool:
        want = "m" if pronoun in MALE else "f" if pronoun in FEMALE else None
        got = self.genders().get(entity_id)
        return want is None or got is None or got == want

    def _nearest_person(self, token: Token, pronoun: str, exclude: str | None = None) -> list[str]:
        """A possessive's owner: the person named last before it in its sentence ("Sen. Bernie Sanders'
        record on guns, including his support of ..."), else the last person as for "he"."""
        sent = token.sent
        for m in reversed(self.mentions_between(sent.start_char, token.idx)):
            entity = self.entities.get(m.entity_id)
            if entity is not None and entity.type == EntityType.PERSON and self.fits(m.entity_id, pronoun) \
                    and m.entity_id != exclude and m.text.lower() not in PERSON_PRONOUNS:
                return [m.entity_id]
        return self._last_person(token.idx, pronoun, exclude)

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect_right(self._starts, start - 1)
        hi = bisect_right(self._starts, end - 1)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def _last_person(self, before: int, pronoun: str = "", exclude: str | None = None) -> list[str]:
        """The last person named as a subject before ``before`` (or, failing that, named at all) whose
        gender fits the pronoun; a role noun seen as a subject since ("the US president admitted") wins
        over older names. A person the article shows to be of the pronoun's gender wins over nearer
        ones whose gender it never shows ("she" after Sanders and Clinton is Clinton)."""
        found = self._last_fitting(before, pronoun, exclude, known=False)
        if pronoun in MALE | FEMALE and found and all(self.genders().get(i) is None for i in found):
            return self._last_fitting(before, pronoun, exclude, known=True) or found
        return found

    def _last_fitting(self, before: int, pronoun: str, exclude: str | None, known: bool) -> list[str]:
        def fits(eid: str) -> bool:
            return self.fits(eid, pronoun) and (not known or self.genders().get(eid) is not None)

        fallback = None
        tracked = self.last_person if self.last_person and self.last_person[0] < before else None
        if tracked is not None and not all(fits(i) for i in tracked[1]):
            tracked = None
        for m in reversed(self.mentions):
            if m.start >= before:
                continue
            entity = self.entities.get(m.entity_id)
            if entity is None or entity.type != EntityType.PERSON or not fits(m.entity_id) or m.entity_id == exclude:
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
        speaker = quote.speaker.entity_id if quote is not None and quote.speaker else None
        # In the speaker's own words "he" is someone else; in reported speech ("saying it was his
        # position") it may well be the speaker.
        own_words = speaker if quote is not None and quote.kind == QuoteKind.DIRECT else None
        if low in PERSON_PRONOUNS:
            # "she" is none of the men named, nor (in her own quoted words) the speaker
            ids = [i for i in ids if self.fits(i, low) and i != own_words]
            if ids and all(self.genders().get(i) is None for i in ids):
                ids = self._last_fitting(head.idx, low, own_words, known=True) or ids
        if not ids and speaker and (low in FIRST_SINGULAR or (
                low in FIRST_PLURAL and speaker in self.entities and self.entities[speaker].type != EntityType.PERSON)):
            ids = [speaker]  # "we" said by a body is the body
        elif not ids and quote is not None and speaker and low in FIRST_PLURAL:
            ids = self._body_of(quote)  # said by a person, the body their role names, else unknown
        elif not ids and low in PERSON_PRONOUNS:
            ids = [i for i in self._last_person(head.idx, low, exclude=own_words) if i != own_words]
        elif not ids and (low in PLURAL_ANAPHORS or head.lemma_.lower() in PLURAL_ANAPHORS) and _anaphoric(head):
            if self.last_actor is not None and len(self.last_actor.entity_ids) >= 2:
                ids = list(self.last_actor.entity_ids)
        elif not ids and low in ("his", "her") and head.dep_ == "poss":
            ids = self._nearest_person(head, low, exclude=own_words)
        elif not ids and head.pos_ == "NOUN" and (head.lemma_.lower() in ROLE_NOUNS or head.lower_ in GROUP_HEADS):
            ids = self._by_role(text, head.idx)
        person = any(self.entities[i].type == EntityType.PERSON for i in ids if i in self.entities)
        if head.dep_ in ("nsubj", "nsubjpass") and (person or head.lemma_.lower() in ROLE_NOUNS):
            self.last_person = (head.idx, ids)
        return ActorRef(text=text, start=start, end=end, entity_ids=ids)


def _bound_pronouns(verb: Token, quoted: Callable[[Token], bool]) -> Counter[str]:
    """Gender votes of the pronouns bound by the subject of ``verb``: possessives and reflexives in its
    own clause ("touted her proposals"), and the subject of a clause it reports ("said he would")."""
    votes: Counter[str] = Counter()
    own = [verb]
    while own:
        t = own.pop()
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass", "relcl", "advcl") or (c.dep_ == "ccomp" and c.lemma_ != verb.lemma_):
                if c.dep_ == "ccomp" and verb.lemma_.lower() in _SAYING:
                    subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None and subj.lower_ in ("he", "she") and not quoted(subj):
                        votes["m" if subj.lower_ == "he" else "f"] += 2
                continue
            if c.lower_ in ("himself", "herself"):
                votes["m" if c.lower_ in MALE else "f"] += 2
            own.append(c)
    return votes


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
