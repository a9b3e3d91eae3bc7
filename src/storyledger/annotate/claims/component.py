"""Component: claims (commitments and positions) with stance, condition, time and who says so.

Candidates are read off the one parse (candidates.py); each is resolved to the parties that hold it
(one claim per party of a coordination) and is dropped when its holder is no party (a thing, an
unresolved "we" or "they"). The scorer (scorer.py) then decides which of them an analyst keeps and may
correct the stance the rules read; below its threshold the stage abstains. Who says so when it is not
the holder (the reporting clause around it, "according to", the speaker of the quote it sits in) goes
to reported_by, with its entity.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from storyledger.annotate import extensions  # noqa: F401
from storyledger.annotate.claims import fields
from storyledger.annotate.claims.actor import FIRST_PLURAL, FIRST_SINGULAR, ActorResolver
from storyledger.annotate.claims.candidates import Candidate, Via, candidates
from storyledger.annotate.claims.category import categorise
from storyledger.annotate.claims.condition import dependency_in
from storyledger.annotate.claims.features import Context, features
from storyledger.annotate.claims.scorer import ClaimScorer, load_scorer
from storyledger.annotate.claims.stance import lemma
from storyledger.records import ActorRef, Claim, EntityType, Polarity, Quote, Span, Stance, TimeRef

MAX_SENTENCE_TOKENS = 200  # a "sentence" longer than this is a parse of a list or a table, not prose
RULES_THRESHOLD = 0.5  # without a shipped scorer, a candidate is kept when a stance word sets its stance
RESTATED = 0.6  # share of action words two claims of one actor and stance share when one restates the other
_DEPENDS = {"need", "require", "depend", "rely"}
_ANAPHORS = {"he", "she", "his", "her", "we", "our", "they", "their", "it", "its"}


@dataclass(slots=True)
class Built:
    """A candidate resolved to one party, with its fields filled and the scorer's features."""

    claim: Claim
    candidate: Candidate
    features: dict[str, float]


def _form(token: Token | None) -> str:
    if token is None:
        return "speaker"
    if token.pos_ == "PRON":
        return "possessive-pronoun" if token.dep_ == "poss" else "pronoun"
    return "name" if token.pos_ == "PROPN" else "title"


def _speaker_ref(quote: Quote | None) -> ActorRef | None:
    s = quote.speaker if quote is not None else None
    if s is None or not s.entity_id:
        return None
    return ActorRef(s.text, s.start, s.end, [s.entity_id])


class _Reader:
    """Resolves one document's candidates into claims (the resolver keeps anaphora state in order)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities = {e.id: e for e in (doc._.sl_entities or [])}
        self.resolver = ActorResolver(doc, self.entities, list(doc._.sl_mentions or []), list(doc._.sl_quotes or []))

    def name(self, ref: ActorRef) -> str:
        ids = self.resolver.parties(ref)
        return self.entities[ids[0]].name if ids else ref.text

    def holder(self, cand: Candidate, quote: Quote | None) -> ActorRef | None:
        r = self.resolver
        if cand.holder is None:
            return _speaker_ref(quote)
        if quote is None and cand.holder.lower_ in FIRST_SINGULAR | FIRST_PLURAL | {"you", "your"}:
            return None  # the writer's own "I" or "we" (an op-ed), or a reader addressed: no party
        t, low = cand.holder, cand.holder.lower_
        own = ActorRef(t.text, t.idx, t.idx + len(t))
        said = self._reporting_party(cand.reporter) if cand.reporter is not None else []
        people = [i for i in said if self.entities[i].type == EntityType.PERSON]
        if low in ("he", "she", "his", "her") and cand.via == Via.SUBJECT and len(people) == 1 and r.fits(people[0], low):
            own.entity_ids = people  # "Cuban said he supports ...": the one who says it, when the pronoun fits
            return own
        ref = r.resolve(t)
        if (ref is None or not r.parties(ref)) and said and cand.reporter is not None and low in _ANAPHORS and (
                cand.reporter.lower_ == low or (low in ("it", "they", "its", "their") and not people)):
            # "He said he would ...": the same pronoun as the reporter's is the reporter; "The company
            # announced that it will ...": "it" (or "they") is the body that announced it
            own.entity_ids = said
            return own
        return ref

    def _reporting_party(self, reporter: Token) -> list[str]:
        """Who the reporter speaks for: its own entity, or the person whose aides or associates speak
        ("Romney's associates said ...")."""
        ref = self.resolver.resolve(reporter)
        ids = self.resolver.parties(ref) if ref is not None else []
        owner = next((c for c in reporter.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is not None and not any(self.entities[i].type == EntityType.PERSON for i in ids):
            mine = self.resolver.resolve(owner)
            ids = self.resolver.parties(mine) if mine is not None else ids
        return ids

    def reporter(self, cand: Candidate, quote: Quote | None) -> ActorRef | None:
        if cand.via == Via.REPORTER:
            return None  # the reporter holds the demand itself
        if cand.reporter is not None:
            ref = self.resolver.resolve(cand.reporter)
            if ref is not None and self.resolver.parties(ref):
                return ref
            if ref is not None and cand.reporter.lower_ not in FIRST_SINGULAR | FIRST_PLURAL:
                speaker = _speaker_ref(quote)
                return speaker or ref
        return _speaker_ref(quote)

    def build(self, cand: Candidate, times: list[TimeRef], in_sentence: int) -> list[Built]:
        if cand.reading.void:
            return []
        quote = self.resolver.quote_at(cand.head.idx)
        actor = self.holder(cand, quote)
        if actor is not None and not self.resolver.parties(actor) and lemma(cand.head) in _DEPENDS and (
                cand.reporter is not None or quote is not None):
            # "any force would need support from the US, he added": his demand of the US
            cand.addressee = next(iter(fields.target_tokens(cand, set())), None)
            cand.holder, cand.via = cand.reporter, Via.REPORTER
            actor = self.holder(cand, quote)
            if actor is not None:
                cand.reading = type(cand.reading)(Stance.DEMANDED, Polarity.AFFIRMED, cand.head, True,
                                                  modal=cand.reading.modal, lexical=False)
        if actor is None:
            return []
        parties = self.resolver.parties(actor)
        if not parties:
            return []
        said = self.reporter(cand, quote)
        said_ids = self.resolver.parties(said) if said is not None else []
        holder_words = {t.i for t in cand.holder.subtree} if cand.holder is not None else set()
        target, target_id = self._target(cand, holder_words)
        category = categorise(cand.chain, cand.reading.stance, lexical=cand.reading.lexical)
        evidence = fields.evidence(cand)
        when = fields.when(cand, times, self.doc._.sl_published)
        items = fields.enumerated(cand)
        out = []
        for eid, item in ((e, i) for e in parties for i in items):
            action = fields.action(cand, item if len(items) > 1 else None)
            if not action:
                continue
            if target_id == eid:
                continue  # "X urged X" is a parse error, not a demand
            ref = actor
            if len(parties) > 1:
                found = self.resolver.mention_text(eid, actor.start, actor.end)
                ref = ActorRef(found[2], found[0], found[1], [eid]) if found else ActorRef(actor.text, actor.start,
                                                                                          actor.end, [eid])
            other = said is not None and eid not in said_ids
            claim = Claim(
                id="", actor=ref, action=action, category=category or "", stance=cand.reading.stance,
                polarity=cand.reading.polarity, evidence=evidence, target=target, target_entity_id=target_id,
                condition=cand.condition, when=when,
                reported_by=self.name(said) if other and said is not None else None,
                quote_id=quote.id if quote is not None else None,
                reported_by_entity_id=said_ids[0] if other and said_ids else None,
            )
            ctx = Context(
                actor_form=_form(cand.holder),
                joint=len(parties) > 1, reported_by_other=other,
                reporter_found=said is not None, in_quote=quote is not None,
                sentence_candidates=in_sentence, category=category or "", has_target=target is not None,
                has_condition=cand.condition is not None, action_words=len(action.split()), items=len(items),
            )
            out.append(Built(claim, cand, features(cand, ctx)))
        self.resolver.last_actor = actor
        return out

    def _target(self, cand: Candidate, exclude: set[int]) -> tuple[str | None, str | None]:
        """The target: the one a demand is made of, else the first party among the action's objects."""
        r = self.resolver
        if cand.addressee is not None:
            ref = r.resolve(cand.addressee)
            ids = r.parties(ref) if ref is not None else []
            if ref is not None and ids:
                return self.entities[ids[0]].name, ids[0]
        for t in fields.target_tokens(cand, exclude):
            ids = [i for i in r.ids_in(t.idx, t.idx + len(t)) if i in self.entities]
            if ids:
                return self.entities[ids[0]].name, ids[0]
        return None, None


def build_candidates(doc: Doc) -> list[Built]:
    """Every candidate claim of the document whose holder is a party, unscored (for training too)."""
    reader = _Reader(doc)
    times = list(doc._.sl_times or [])
    built: list[Built] = []
    for sent in doc.sents:
        if len(sent) > MAX_SENTENCE_TOKENS or sent.text.rstrip().rstrip("”’\"' ").endswith("?"):
            continue  # a question states no position
        sent_times = fields.times_in(sent, times)
        found = candidates(sent)
        for cand in found:
            built.extend(reader.build(cand, sent_times, len(found)))
    return built


def _rule_confidence(b: Built) -> float:
    return 1.0 if b.candidate.reading.lexical else 0.0


def score(built: list[Built], scorer: ClaimScorer | None) -> None:
    """Set each claim's confidence (and the scorer's stance where it overrides the rules')."""
    if not built:
        return
    if scorer is None:
        for b in built:
            b.claim.confidence = _rule_confidence(b)
        return
    rows = [b.features for b in built]
    for b, p, stance in zip(built, scorer.keep_probability(rows), scorer.stances(rows, [b.claim.stance for b in built])):
        b.claim.confidence = round(float(p), 4)
        if stance != b.claim.stance:
            b.claim.stance = stance
            if stance in (Stance.RULED_OUT, Stance.REFUSED):
                b.claim.polarity = Polarity.AFFIRMED


_FUNCTION_WORDS = {"the", "a", "an", "to", "of", "and", "or", "in", "on", "for", "with", "his", "her", "its", "their",
                   "it", "that", "this", "be", "by", "at", "from", "as"}


def _action_words(claim: Claim) -> set[str]:
    return {w.strip('.,;:"“”’\'').lower() for w in claim.action.split()} - _FUNCTION_WORDS - {""}


def _restates(a: Claim, b: Claim) -> bool:
    """The same position said again ("I oppose it now. I'll oppose it after the election."): same
    actor and stance, and an action of mostly the same words."""
    if a.actor.entity_ids != b.actor.entity_ids or a.stance != b.stance:
        return False
    wa, wb = _action_words(a), _action_words(b)
    return a.action == b.action or (bool(wa) and bool(wb) and len(wa & wb) / len(wa | wb) >= RESTATED)


def keep_once(claims: list[Claim]) -> list[Claim]:
    """Each position once, the surest reading of it (the earliest on ties), as ``keep_best`` keeps them:
    for an article annotated in chunks, whose chunks each kept their own."""
    return keep_best(claims, 0.0)


def keep_best(claims: list[Claim], threshold: float) -> list[Claim]:
    """The claims at or above ``threshold``, each position once: where the article states it again (or
    one sentence gives it twice) the surest reading is kept, as the guide annotates a claim once."""
    kept: list[Claim] = []
    for c in sorted(claims, key=lambda c: (-(c.confidence or 0.0), c.evidence.start)):
        if (c.confidence or 0.0) >= threshold and not any(_restates(c, k) for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: (c.evidence.start, c.actor.start))


def scored_candidates(doc: Doc, scorer: ClaimScorer | None) -> list[Claim]:
    """Every candidate claim with its confidence from ``scorer`` (from the rules alone when None)."""
    built = build_candidates(doc)
    score(built, scorer)
    return [b.claim for b in built]


def select(doc: Doc, claims: list[Claim], threshold: float) -> list[Claim]:
    """The claims kept at ``threshold`` (copies, numbered), with conditions stated in later sentences."""
    kept = [replace(c) for c in keep_best(claims, threshold)]
    _attach_dependencies(doc, kept)
    for i, claim in enumerate(kept, 1):
        claim.id = f"c{i}"
    return kept


def extract_claims(doc: Doc, threshold: float | None = None) -> list[Claim]:
    """The claims an analyst would keep: scored candidates at or above ``threshold`` (the shipped
    scorer's own when None)."""
    scorer = load_scorer()
    if threshold is None:
        threshold = scorer.threshold if scorer is not None else RULES_THRESHOLD
    return select(doc, scored_candidates(doc, scorer), threshold)


def _attach_dependencies(doc: Doc, claims: list[Claim]) -> None:
    """"Any force would need support from the US" (a later sentence): the condition of the latest
    claim whose action names what needs it."""
    if not claims:
        return
    starts = [(s.start_char, s.end_char, s) for s in doc.sents]
    for n, (lo, hi, sent) in enumerate(starts):
        dependency = dependency_in(sent)
        if dependency is None:
            continue
        subj, _, span = dependency
        for claim in reversed([c for c in claims if c.evidence.start < lo]):
            back = sum(1 for a, _, _ in starts[:n] if a >= claim.evidence.start)
            if back > 8:
                break
            words = {w.lower().strip('"“”') for w in claim.action.split()}
            if subj.lemma_.lower() in words or subj.lower_ in words or (subj.lower_ in ("it", "this", "that") and back <= 1):
                for joint in claims:  # each party of a joint claim ("Britain and France are drawing up plans")
                    if joint.evidence == claim.evidence and joint.action == claim.action and joint.condition is None:
                        joint.condition = Span(span.start, span.end, span.text)
                break


@Language.component(
    "storyledger_claims",
    requires=["doc.sents", "doc._.sl_entities", "doc._.sl_mentions", "doc._.sl_quotes", "doc._.sl_times"],
    assigns=["doc._.sl_claims"],
)
def claims_component(doc: Doc) -> Doc:
    doc._.sl_claims = extract_claims(doc)
    return doc
