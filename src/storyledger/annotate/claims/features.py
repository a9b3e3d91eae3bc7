"""What the scorer sees of a candidate claim: how its stance was read, who holds it and how that was
found, what embeds it, and what kind of event its action is.

The cues are the ones the factuality and commitment literature names (FactBank's source-introducing
predicates, modality, negation, tense and aspect, embedding under belief or report verbs, quotation),
plus the holder's form, since the guide keeps only positions of resolved parties. Not the kind of
party (person, country, body): the training articles are about an election, where countries rarely
hold positions, and a ledger of any story must not learn that. Nothing about where in the article the
sentence is or how often its party is named: a claim reads the same in any article, and in any chunk of
a long one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sklearn.feature_extraction import FeatureHasher
from spacy.tokens import Token

from storyledger.annotate.claims.candidates import Candidate
from storyledger.annotate.claims.lexicon import BELIEF, REPORTING
from storyledger.annotate.claims.stance import lemma, modal, negated

N_FEATURES = 2**16
_HASHER = FeatureHasher(n_features=N_FEATURES, input_type="dict", alternate_sign=False)
# Predicates that happen to their subject rather than being done by it: with "will" they predict.
UNDERGO = {"win", "lose", "face", "get", "receive", "suffer", "struggle", "fail", "succeed", "need", "cost",
           "take", "become", "be", "have", "remain", "seem", "look", "happen", "continue", "survive", "die",
           "benefit", "find", "see", "hear", "know", "like", "love", "hate"}


@dataclass(frozen=True, slots=True)
class Context:
    """Facts about a candidate found while resolving it (actor, reporter, quote, sentence)."""

    actor_form: str  # name | pronoun | title | possessive-pronoun | speaker
    joint: bool  # one of several actors of a coordination
    reported_by_other: bool  # someone other than the actor says so
    reporter_found: bool  # a reporting clause or source is in the sentence
    in_quote: bool
    sentence_candidates: int
    category: str
    has_target: bool
    has_condition: bool
    action_words: int
    items: int  # how many actions the sentence enumerates for it


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _aspect(token: Token) -> str:
    aux = {c.lemma_.lower() for c in token.children if c.dep_ in ("aux", "auxpass")}
    if token.tag_ == "VBG" and "be" in aux:
        return "progressive"
    if token.tag_ == "VBN" and "have" in aux:
        return "perfect"
    if modal(token):
        return "modal"
    return token.tag_


def _governor(cand: Candidate) -> Token | None:
    """The word the claim's clause is embedded under ("said", "believes", "whether")."""
    t = cand.head
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "parataxis") and t.head.i != t.i:
        return t.head
    return None


def features(cand: Candidate, ctx: Context) -> dict[str, float]:
    r = cand.reading
    head, inner = cand.head, cand.chain[-1]
    cue = lemma(r.cue) if r.cue is not None else "-"
    stance = r.stance.value
    f: dict[str, float] = {
        "bias": 1.0, f"stance={stance}": 1.0, f"polarity={r.polarity.value}": 1.0, f"cue={cue}": 1.0,
        f"lexical={r.lexical}": 1.0, f"modal={r.modal or '-'}": 1.0, f"deontic={r.deontic}": 1.0,
        f"via={cand.via.value}": 1.0, f"nominal={cand.nominal}": 1.0, f"head_tag={head.tag_}": 1.0,
        f"head_dep={head.dep_}": 1.0, f"aspect={_aspect(head)}": 1.0, f"inner={lemma(inner)}": 1.0,
        f"inner_pos={inner.pos_}": 1.0, f"chain_len={min(len(cand.chain), 4)}": 1.0,
        f"actor_form={ctx.actor_form}": 1.0,
        f"joint={ctx.joint}": 1.0,
        f"reported_by_other={ctx.reported_by_other}": 1.0, f"reporter={ctx.reporter_found}": 1.0,
        f"in_quote={ctx.in_quote}": 1.0,
        f"candidates={_bucket(ctx.sentence_candidates, (1, 2, 3, 5))}": 1.0, f"category={ctx.category or '-'}": 1.0,
        f"target={ctx.has_target}": 1.0, f"condition={ctx.has_condition}": 1.0,
        f"action_words={_bucket(ctx.action_words, (1, 3, 6, 12))}": 1.0, f"items={min(ctx.items, 3)}": 1.0,
        f"stance_cue={stance}|{cue}": 1.0, f"stance_aspect={stance}|{_aspect(head)}": 1.0,
        f"stance_form={stance}|{ctx.actor_form}": 1.0, f"stance_via={stance}|{cand.via.value}": 1.0,
        f"stance_quote={stance}|{ctx.in_quote}": 1.0,
    }
    if negated(head):
        f["neg_head"] = 1.0
    if r.void:
        f["void"] = 1.0
    if r.cue is None and lemma(inner) in UNDERGO:
        f["undergo"] = 1.0
    if r.cue is not None and r.cue.i != head.i:
        f[f"outer={lemma(head)}"] = 1.0
    if any(c.dep_ in ("dobj", "attr") for c in inner.children):
        f["object"] = 1.0
    if any(c.dep_ == "det" and c.lower_ in ("no", "every", "any", "each") for c in (cand.subject.children if cand.subject else [])):
        f["quantified_subject"] = 1.0
    gov = _governor(cand)
    if gov is not None:
        low = lemma(gov)
        f[f"gov={low}"] = 1.0
        f[f"gov_dep={head.dep_}|{gov.pos_}"] = 1.0
        if low in BELIEF:
            f["gov_belief"] = 1.0
        if low in REPORTING:
            f["gov_report"] = 1.0
        if negated(gov):
            f["gov_neg"] = 1.0
    if cand.sent.text.rstrip().endswith("?"):
        f["question"] = 1.0
    return f


def vectorise(rows: list[dict[str, float]]):
    return _HASHER.transform(rows)
