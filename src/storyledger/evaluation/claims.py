"""Evaluation of claims: PLOVER category accuracy (plover_gsr) and stance against event factuality
(UW and CommitmentBank test), each beside an always-majority floor.

Stance -> factuality (-3..+3), documented mapping: reported +3 (negated -3); committed +2 (negated
-2); preparing +1.5; willing +1; demanded +0.5; considering 0; ruled_out -2; refused -2.5. The event's
clause is then scaled by what embeds it: a factive or report verb ("know", "say") keeps it; a belief
verb ("think", "expect") scales by 0.6; a negated belief verb ("don't think") by -0.4; a
question, an "if" or "whether" clause, or "not know" by 0.

That rule score is then refined by a ridge model (evaluation/claim_factuality.py, trained on the
factuality train splits by `python -m training.train_stance`) that takes the rule score
and stance as features beside the parse's embedding verb, modals, negation, hedges, condition and tense;
its output, clipped to -3..+3, is the figure compared. Categories likewise: the lexicon's reading
(rule_category) is kept unless a logistic model trained on NGEC's synthetic stories
(evaluation/claim_category_model.py) is surer of another than its threshold, or the lexicon has none;
no such model ships yet, since none trained so far beat the rules on plover_gsr's tuning half.
Rules were tuned on the even-numbered plover_gsr records only; the odd half is the held-out figure,
and the error listing (--confusion) shows the tuning half's errors only, to keep it so.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Token

from storyledger.annotate.claims.candidates import predicate_chain
from storyledger.annotate.claims.category import categorise, word_category
from storyledger.annotate.claims.component import extract_claims
from storyledger.annotate.claims.lexicon import REPORTING
from storyledger.annotate.claims.condition import is_condition_clause
from storyledger.annotate.claims.stance import lemma, negated, read
from storyledger.annotate.nlp import COMPONENTS
from storyledger.evaluation.claim_category_model import predict as predict_category
from storyledger.evaluation.claim_factuality import refine
from storyledger.records import Polarity, Stance

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": None, "CRIME": None}
STANCE_SCORE = {Stance.REPORTED: 3.0, Stance.COMMITTED: 2.0, Stance.PREPARING: 1.5, Stance.WILLING: 1.0,
                Stance.DEMANDED: 0.5, Stance.CONSIDERING: 0.0, Stance.RULED_OUT: -2.0, Stance.REFUSED: -2.5}
FACTIVE = {"know", "realize", "realise", "regret", "notice", "forget", "remember", "discover", "reveal",
           "learn", "see", "find", "understand", "admit", "acknowledge", "confirm", "show", "prove"}
BELIEF = {"think", "believe", "suppose", "guess", "feel", "suspect", "claim", "seem", "appear",
          "expect", "hope", "assume", "imagine", "fear", "allege", "suggest", "hear"}
REPORT = {"say", "tell", "add", "state", "report", "announce", "note", "explain", "insist", "stress"}
UNCERTAIN = {"wonder", "ask", "doubt", "unsure", "decide", "check", "whether"}


@dataclass(slots=True)
class CategoryResult:
    n: int
    accuracy: float
    majority_label: str
    majority_accuracy: float
    tuning_accuracy: float  # even-numbered records: the half tuning choices were made on
    heldout_accuracy: float  # odd-numbered records: never looked at while tuning
    # (gold, predicted, count) of the tuning half's errors: the held-out half stays unlooked-at
    confusion: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass(slots=True)
class FactualityResult:
    name: str
    n: int
    pearson: float
    mae: float
    majority_mae: float  # constant prediction: the most common label
    majority_pearson: float  # undefined for a constant: reported as 0


def _parse_only(nlp: Language) -> list[str]:
    return [name for name in COMPONENTS if name in nlp.pipe_names]


def plover_records(data: Path) -> list[tuple[str, str]]:
    rows = []
    path = data / "events" / "plover_gsr" / "records.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        label = OLD_LABELS.get(rec["event"], rec["event"])
        if label:
            rows.append((rec["text"], label))
    return rows


def sentence_category(doc: Doc) -> str:
    """The sentence's category: the shipped model's reading, given the rules' (claim_category_model)."""
    return predict_category(doc, rule_category(doc))


_SPEECH_CATEGORIES = {"THREATEN", "ACCUSE", "REJECT", "REQUEST", "CONCEDE"}


def _main_predicate(doc: Doc) -> Token | None:
    """The sentence's main verb, below a reporting verb ("X said it will ..." -> "will ...")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    for _ in range(3):
        if root is None or root.lemma_.lower() not in REPORTING or word_category(root) in _SPEECH_CATEGORIES:
            break  # "warned that ..." is itself the event (THREATEN)
        inner = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")),
                     None)
        if inner is None:
            break
        root = inner
    return root


def rule_category(doc: Doc) -> str:
    """The category of the sentence's main event, chosen as PLOVER coders do: the main predicate (below
    a reporting verb) read as a claim would be; else the categorised word nearest it in the parse; else
    the first claim with a category; else the first categorised word."""
    head = _main_predicate(doc)
    if head is not None and head.pos_ in ("VERB", "AUX"):
        chain = predicate_chain(head)
        cat = categorise(chain, read(chain).stance, lexical=False)
        if cat:
            return cat
    if head is not None:
        cat = _nearest_category(head)
        if cat:
            return cat
    for claim in doc._.sl_claims or []:
        if claim.category:
            return claim.category
    for token in doc:
        cat = word_category(token) if token.pos_ in ("VERB", "NOUN") else None
        if cat:
            return cat
    return ""


def _nearest_category(head: Token) -> str:
    """The category of the word nearest the main verb in its parse tree ("shunned work to protest" ->
    PROTEST), leaving out attributions ("according to a report by ...")."""
    frontier = [head]
    for _ in range(4):
        nxt = [c for t in frontier for c in t.children
               if not (c.dep_ == "prep" and c.lower_ == "according") and c.dep_ not in ("punct", "nsubj")]
        for t in nxt:
            if t.pos_ == "VERB" and t.dep_ in ("ccomp", "acl", "relcl", "advcl", "xcomp", "conj"):
                chain = predicate_chain(t)  # a clause of its own: read with its stance ("that it must ...")
                cat = categorise(chain, read(chain).stance, lexical=False)
            else:
                cat = word_category(t) if t.pos_ in ("VERB", "NOUN") else None
            if cat:
                return cat
        frontier = nxt
    return ""


def eval_categories(nlp: Language, data: Path, limit: int | None = None) -> CategoryResult:
    rows = plover_records(data)[:limit]
    gold = [label for _, label in rows]
    pred = []
    for doc in nlp.pipe(text for text, _ in rows):
        pred.append(sentence_category(doc))
    majority, count = Counter(gold).most_common(1)[0]
    hits = [p == g for p, g in zip(pred, gold)]
    even, odd = hits[0::2], hits[1::2]
    errors = Counter((g, p or "-") for g, p in zip(gold[0::2], pred[0::2]) if g != p)  # tuning half only
    return CategoryResult(len(gold), sum(hits) / len(gold), majority, count / len(gold),
                          sum(even) / max(1, len(even)), sum(odd) / max(1, len(odd)),
                          [(g, p, n) for (g, p), n in errors.most_common()])


def _clause_head(token: Token) -> tuple[list[Token], Token]:
    """Climb from an event word to the head of its clause, collecting the predicate chain."""
    path = [token]
    t = token
    while t.dep_ in ("xcomp", "acomp", "dobj", "pobj", "prep", "acl", "nsubj", "nsubjpass", "attr",
                     "compound", "amod", "advmod", "aux", "auxpass", "neg", "prt", "conj") and t.head.i != t.i:
        t = t.head
        path.append(t)
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("xcomp", "acomp"):
            break
    head = path[-1]
    chain = [w for w in reversed(path) if w.pos_ in ("VERB", "AUX", "ADJ") or w.i == token.i]
    if head.pos_ in ("VERB", "AUX"):
        chain = predicate_chain(head)[:1] + [w for w in chain if w.i != head.i]
    return chain, head


def factuality(token: Token) -> float:
    """Factuality of the event at ``token`` (-3..+3): the rule mapping refined by the shipped model."""
    score, stance = rule_factuality(token)
    return refine(token, score, stance)


def rule_factuality(token: Token) -> tuple[float, str]:
    """Stance of the event at ``token`` mapped to -3..+3 by the rules (module docstring), and the stance."""
    chain, head = _clause_head(token)
    reading = read(chain)
    score = STANCE_SCORE[reading.stance]
    if reading.stance == Stance.REPORTED and reading.polarity == Polarity.NEGATED:
        score = -3.0
    elif reading.polarity == Polarity.NEGATED and reading.stance in (Stance.COMMITTED, Stance.PREPARING,
                                                                     Stance.WILLING, Stance.DEMANDED):
        score = -score
    t = head
    for _ in range(4):
        if t.dep_ == "advcl" and is_condition_clause(t):
            return 0.0, reading.stance.value
        if any(c.lower_ in ("if", "whether") and c.dep_ == "mark" for c in t.children):
            return 0.0, reading.stance.value
        if t.dep_ in ("ccomp", "xcomp", "advcl", "conj") and t.head.i != t.i:
            gov = t.head
            low = lemma(gov)
            if t.dep_ == "conj":
                t = gov
                continue
            neg = negated(gov)
            if low in UNCERTAIN or (low == "know" and neg):
                return 0.0, reading.stance.value
            if (low in FACTIVE or low in REPORT) and not neg:
                pass
            elif low in BELIEF:
                score *= -0.4 if neg else 0.6
            elif t.dep_ == "ccomp":
                score *= -0.4 if neg else 0.8
            t = gov
            continue
        break
    if t.dep_ == "ROOT" and t.sent.text.rstrip().endswith("?"):
        return score * 0.3, reading.stance.value
    return score, reading.stance.value


def _pearson(x: list[float], y: list[float]) -> float:
    if np.std(x) == 0 or np.std(y) == 0:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


def eval_factuality(nlp: Language, data: Path, name: str, split: str = "test",
                    limit: int | None = None) -> FactualityResult:
    path = data / "events" / "factuality" / name / f"{split}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    gold: list[float] = []
    pred: list[float] = []
    disabled = _parse_only(nlp)
    with nlp.select_pipes(disable=disabled):
        for row in rows:
            words = row["text"].split()
            doc = nlp(Doc(nlp.vocab, words=words))
            for target in row["targets"]:
                a, b = target["span1"]
                if not (0 <= a < b <= len(doc)):
                    continue
                gold.append(float(target["label"]))
                pred.append(factuality(doc[a:b].root))
    majority = Counter(round(g) for g in gold).most_common(1)[0][0]
    mae = float(np.mean(np.abs(np.array(pred) - np.array(gold))))
    mmae = float(np.mean(np.abs(majority - np.array(gold))))
    return FactualityResult(name, len(gold), _pearson(pred, gold), mae, mmae, 0.0)


def ngec_texts(data: Path) -> list[tuple[str, str]]:
    """NGEC synthetic stories (training only): kept for training a model later; never evaluated on."""
    with gzip.open(data / "events" / "ngec_synthetic" / "records.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [(r["text"], r["label"]) for r in map(json.loads, fh)]


__all__ = ["CategoryResult", "FactualityResult", "eval_categories", "eval_factuality", "extract_claims",
           "factuality", "sentence_category"]
