"""Who a "he", "she" or "the president" can be at a point of the article: the people named so far,
what the text says of their gender, and how recently each stood as a subject or a speaker.

Gender comes from evidence in the text only (an honorific, a gendered title or noun beside the name,
a "his"/"her" its own clause ties to it, a pronoun already resolved to it with no rival): no name
lists. No maintained package gives first-name gender (the common one, gender-guesser, has had no
release since 2016), and a wrong guess files a quote under the wrong person, which is worse than none.
Salience follows the discourse, not the counts: the candidate that last stood as the subject of a main
clause or as a speaker, outside quote marks, comes first ("Okafor disagreed. She said ..."; "Cox says
Obama is trying ... He says" is Cox); a speaker outranks a subject of the same sentence; where the two
best stood alike in the same sentence, nothing decides between them and the caller abstains.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storyledger.records import Entity, EntityType, Mention

MASCULINE = "m"
FEMININE = "f"
PRONOUN_GENDER = {"he": MASCULINE, "him": MASCULINE, "his": MASCULINE, "himself": MASCULINE,
                  "she": FEMININE, "her": FEMININE, "hers": FEMININE, "herself": FEMININE}
_HONORIFICS = {"mr": MASCULINE, "mr.": MASCULINE, "sir": MASCULINE, "lord": MASCULINE, "mister": MASCULINE,
               "mrs": FEMININE, "mrs.": FEMININE, "ms": FEMININE, "ms.": FEMININE, "miss": FEMININE,
               "dame": FEMININE, "lady": FEMININE, "madam": FEMININE}
# Nouns that say the gender of who they name ("the spokeswoman", "his wife, Jane Roe").
GENDERED_NOUNS = {
    "congressman": MASCULINE, "businessman": MASCULINE, "king": MASCULINE,
    "prince": MASCULINE, "duke": MASCULINE, "husband": MASCULINE, "father": MASCULINE, "son": MASCULINE,
    "brother": MASCULINE, "widower": MASCULINE, "grandfather": MASCULINE, "boyfriend": MASCULINE,
    "man": MASCULINE, "boy": MASCULINE, "uncle": MASCULINE, "nephew": MASCULINE, "councilman": MASCULINE,
    "spokeswoman": FEMININE, "chairwoman": FEMININE, "congresswoman": FEMININE, "businesswoman": FEMININE,
    "queen": FEMININE, "princess": FEMININE, "duchess": FEMININE, "wife": FEMININE, "mother": FEMININE,
    "daughter": FEMININE, "sister": FEMININE, "widow": FEMININE, "grandmother": FEMININE,
    "girlfriend": FEMININE, "actress": FEMININE, "woman": FEMININE, "girl": FEMININE, "aunt": FEMININE,
    "niece": FEMININE, "councilwoman": FEMININE,
}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CLAUSE_DEPS = {"ccomp", "parataxis", "relcl", "advcl", "acl", "conj"}
WINDOW = 1500  # characters back a pronoun looks for its antecedent


@dataclass(slots=True)
class Referent:
    """One candidate antecedent: a named entity, or an unnamed speaker ("the spokesman") by its span."""

    key: str
    entity_id: str | None
    gender: str | None
    prominent: list[int] = field(default_factory=list)  # where it stood as the main subject or a speaker
    spoken: list[int] = field(default_factory=list)  # where it was a speaker
    seen: list[int] = field(default_factory=list)  # every mention outside quote marks


def _in_any(char: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect_right(starts, char) - 1
    return i >= 0 and spans[i][0] <= char < spans[i][1]


def _root_token(doc: Doc, m: Mention) -> Token | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _tied_gender(verb: Token, subject: Token) -> str | None:
    """A "his"/"her"/"himself" in the subject's own clause ("Clinton put her faith in ..."): the
    pronoun's heads reach the verb without crossing into another clause."""
    found = set()
    for t in verb.subtree:
        gender = PRONOUN_GENDER.get(t.lower_)
        if gender is None or t.dep_ not in ("poss", "dobj", "pobj") or t.i < subject.i:
            continue
        if t.dep_ != "poss" and not t.lower_.endswith("self"):
            continue
        head, ok = t.head, True
        while head.i != verb.i:
            if head.dep_ in _CLAUSE_DEPS or head.head.i == head.i:
                ok = False
                break
            head = head.head
        if ok:
            found.add(gender)
    return found.pop() if len(found) == 1 else None


def _main_subject(t: Token) -> bool:
    """The subject of the sentence's main verb (or of one joined to it): "Cox says Obama is trying to
    distract" makes Cox, not Obama, the one a following "He says" continues."""
    if t.dep_ in ("compound", "flat"):
        t = t.head
    while t.dep_ == "conj" and t.head.i != t.i:  # "Brandt and Lutz met": both stand as subjects
        t = t.head
    if t.dep_ not in _SUBJECT_DEPS:
        return False
    verb = t.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


@dataclass(slots=True)
class Discourse:
    doc: Doc
    entities: dict[str, Entity]
    mentions: list[Mention]
    quoted: list[tuple[int, int]]  # quoted stretches: what speakers say names no antecedent
    referents: dict[str, Referent] = field(default_factory=dict)
    _quoted_starts: list[int] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.quoted = sorted(self.quoted)
        self._quoted_starts = [s for s, _ in self.quoted]
        self._sent_starts = [s.start_char for s in self.doc.sents]
        votes: dict[str, dict[str, int]] = {}
        for m in self.mentions + self._surnames():
            entity = self.entities.get(m.entity_id)
            if entity is None or entity.type != EntityType.PERSON or self.in_quote(m.start) \
                    or m.text.split()[:1] in (["the"], ["The"], ["a"], ["A"]):
                continue  # a title the entities resolved ("the prime minister") is a guess, not a name
            ref = self.referents.setdefault(entity.id, Referent(entity.id, entity.id, None))
            ref.seen.append(m.start)
            root = _root_token(self.doc, m)
            if root is None:
                continue
            for gender in self._evidence(root, m):
                tally = votes.setdefault(entity.id, {})
                tally[gender] = tally.get(gender, 0) + 1
            if _main_subject(root):
                ref.prominent.append(m.start)
        for eid, tally in votes.items():
            if len(tally) == 1 or max(tally.values()) >= 2 * min(tally.values()):
                self.referents[eid].gender = max(tally, key=lambda g: tally[g])
        for entity in self.entities.values():
            ref = self.referents.get(entity.id)
            if ref is not None and ref.gender is None:
                ref.gender = next((GENDERED_NOUNS[w] for r in entity.roles for w in r.text.lower().split()
                                   if w in GENDERED_NOUNS), None)
        for ref in self.referents.values():
            ref.prominent.sort()
            ref.seen.sort()

    def _surnames(self) -> list[Mention]:
        """A person's surname alone where the entities component linked nothing ("Tavares said" after
        "Rui Tavares"): a mention too, when no other person of the article bears that surname."""
        by_surname: dict[str, str | None] = {}
        for e in self.entities.values():
            if e.type == EntityType.PERSON and " " in e.name:
                last = e.name.split()[-1]
                by_surname[last] = None if last in by_surname else e.id
        if not by_surname:
            return []
        covered = {(m.start, m.end) for m in self.mentions}
        starts = sorted(m.start for m in self.mentions)
        ends = {m.start: m.end for m in self.mentions}
        out = []
        for t in self.doc:
            eid = by_surname.get(t.text)
            if eid is None or (t.idx, t.idx + len(t)) in covered:
                continue
            i = bisect_right(starts, t.idx) - 1
            if i >= 0 and ends[starts[i]] > t.idx:
                continue
            out.append(Mention(eid, t.idx, t.idx + len(t), t.text))
        return out

    def in_quote(self, char: int) -> bool:
        return _in_any(char, self.quoted, self._quoted_starts)

    def sentence(self, char: int) -> int:
        return bisect_right(self._sent_starts, char) - 1

    def _evidence(self, root: Token, m: Mention) -> list[str]:
        doc = self.doc
        out = []
        first = doc.char_span(m.start, m.end, alignment_mode="expand")
        before = doc[first.start - 1] if first is not None and first.start > 0 else None
        if first is not None and first[0].lower_ in _HONORIFICS:
            out.append(_HONORIFICS[first[0].lower_])
        elif before is not None and before.lower_ in _HONORIFICS:
            out.append(_HONORIFICS[before.lower_])
        for t in [c for c in root.children if c.dep_ in ("appos", "compound")] + \
                 ([root.head] if root.dep_ == "appos" else []):
            if t.lemma_.lower() in GENDERED_NOUNS or t.lower_ in GENDERED_NOUNS:
                out.append(GENDERED_NOUNS.get(t.lower_) or GENDERED_NOUNS[t.lemma_.lower()])
        if root.dep_ in _SUBJECT_DEPS:
            tied = _tied_gender(root.head, root)
            if tied is not None:
                out.append(tied)
        return out

    def spoke(self, key: str, entity_id: str | None, gender: str | None, at: int) -> Referent:
        """Record a speaker at ``at`` (a named one joins its entity's referent)."""
        ref = self.referents.get(key)
        if ref is None:
            ref = self.referents[key] = Referent(key, entity_id, gender)
        elif ref.gender is None:
            ref.gender = gender
        for positions in (ref.prominent, ref.spoken):
            i = bisect_left(positions, at)
            if i == len(positions) or positions[i] != at:
                positions.insert(i, at)
        return ref

    def _last(self, positions: list[int], before: int, since: int) -> int:
        i = bisect_left(positions, before) - 1
        return positions[i] if i >= 0 and positions[i] >= since else -1

    def continued(self, at: int, fits: Callable[[Referent], bool], last: tuple[Referent, int] | None
                  ) -> tuple[Referent | None, bool, int]:
        """Who a "he"/"she" at ``at`` is: the last speaker when it fits and no one else has since stood as
        the subject of a main clause of another sentence; else the most salient that fits (``rank``)."""
        if last is None or not fits(last[0]) or at - last[1] > WINDOW:
            return self.rank(at, fits)
        speaker, spoke_at = last
        since = spoke_at + 1
        later = [ref for ref in self.referents.values() if ref is not speaker and fits(ref)
                 and self._last(ref.prominent, at, since) >= 0
                 and self.sentence(self._last(ref.prominent, at, since)) != self.sentence(spoke_at)]
        if not later:
            return speaker, True, 1
        return self.rank(at, lambda ref: ref is speaker or ref in later, since)

    def rank(self, at: int, fits: Callable[[Referent], bool], since: int | None = None
             ) -> tuple[Referent | None, bool, int]:
        """The most salient referent before ``at`` that ``fits``; whether it stands out (False when the
        runner-up stood as subject or speaker in the same sentence, or neither ever did); how many fit."""
        since = at - WINDOW if since is None else since
        scored = []
        for ref in self.referents.values():
            if not fits(ref):
                continue
            prominent = self._last(ref.prominent, at, since)
            seen = max(prominent, self._last(ref.seen, at, since))
            if seen < 0:
                continue
            sentence = self.sentence(prominent) if prominent >= 0 else -1
            spoke = self._last(ref.spoken, at, since)
            kind = 2 if spoke >= 0 and self.sentence(spoke) == sentence else 1 if prominent >= 0 else 0
            scored.append(((sentence, kind), (prominent, seen), ref))
        if not scored:
            return None, False, 0
        scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
        best = scored[0]
        if len(scored) == 1:
            return best[2], True, 1
        # A speaker outranks a subject of the same sentence; two of a kind in one sentence tie.
        clear = best[0][1] > 0 and scored[1][0] < best[0]
        return best[2], clear, len(scored)
