"""Learned speaker choice: of the noun phrases in a cue's sentence, which one the cue has speaking.

The rules (quote_cues, the trailer and colon readings in quotes) name one speaker per cue; a
logistic model trained on PolNeAR train (training.train_speakers) scores every
nominal in the cue's sentence outside quote marks, with the dependency path between it and the
cue, the cue's verb, and whether the rules chose it among its features. On train articles held
out its best candidate beat the rules' choice at every threshold, so it decides: it learns the
shapes the rules miss ("footage of X asking", "X, who said", "Protesters were frustrated that",
"That worries X") and keeps the ones they get right. Without the shipped file the rules' choice stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from storyledger.annotate.quotes.cues import BELIEVING, DIRECTIVE, SAYING
from storyledger.shipped import load_shipped

MODEL_NAME = "quote_speakers.joblib"
NOMINAL = {"PROPN", "NOUN", "PRON"}
RELATIVE = {"who", "which", "that"}
_MODIFIER_DEPS = {"compound", "flat", "det", "amod", "nummod", "case", "predet", "quantmod"}
MAX_PATH = 4


@dataclass(slots=True)
class SpeakerModel:
    vec: Any
    clf: Any
    threshold: float = 0.5


def load_model() -> SpeakerModel | None:
    return load_shipped(MODEL_NAME, SpeakerModel)


def candidates(cue: Token, rule: Token | None, excluded: set[int]) -> list[Token]:
    """Heads of noun phrases in the cue's sentence (and the rules' choice, wherever it is), minus
    the tokens in ``excluded`` (quoted words, other paragraphs: no one speaks from inside a quote)."""
    out = []
    for t in cue.sent:
        if t.i in excluded or t.i == cue.i or t.is_space or t.is_punct:
            continue
        relative = t.lower_ in RELATIVE and t.dep_ in ("nsubj", "nsubjpass")
        if t.pos_ not in NOMINAL and not relative:
            continue
        if t.dep_ in _MODIFIER_DEPS and t.head.i != cue.i and t.head.pos_ in NOMINAL:
            continue  # "Adam" in "Adam Schiff": the phrase's head stands for it
        out.append(t)
    if rule is not None and rule.i not in excluded and all(t.i != rule.i for t in out):
        out.append(rule)
    return out


def _chain(t: Token) -> list[Token]:
    chain = [t]
    while chain[-1].head.i != chain[-1].i and len(chain) < 30:
        chain.append(chain[-1].head)
    return chain


def dep_path(cand: Token, cue: Token) -> str:
    """The dependency path from a candidate up to the lowest common head and down to the cue
    ("nsubj^|" is the cue's subject; "pobj^prep^|acl" is X in "footage of X asking")."""
    up, down = _chain(cand), _chain(cue)
    down_ids = {t.i: k for k, t in enumerate(down)}
    for k, t in enumerate(up):
        if t.i in down_ids:
            j = down_ids[t.i]
            if k + j > MAX_PATH:
                return "long"
            return "^".join(x.dep_ for x in up[:k]) + "^|" + "v".join(x.dep_ for x in reversed(down[:j]))
    return "none"


def _bucket(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "13+"


def features(cand: Token, cue: Token, rule: Token | None, rule_span: tuple[int, int] | None,
             cands: list[Token]) -> dict[str, float]:
    lemma = cue.lemma_.lower()
    path = dep_path(cand, cue)
    side = "L" if cand.i < cue.i else "R"
    same_side = [t for t in cands if (t.i < cue.i) == (cand.i < cue.i)]
    rank = sorted(same_side, key=lambda t: abs(t.i - cue.i)).index(cand) + 1
    between = cand.doc[min(cand.i, cue.i) + 1:max(cand.i, cue.i)]
    is_rule = rule_span is not None and rule_span[0] <= cand.idx < rule_span[1]
    lists = "".join(("S" if lemma in SAYING else "", "B" if lemma in BELIEVING else "", "D" if lemma in DIRECTIVE else ""))
    word = cand.lower_ if cand.pos_ == "PRON" or cand.lower_ in RELATIVE else "_"
    f: dict[str, float] = {
        "path=" + path: 1.0, "path_cuetag=" + path + "|" + cue.tag_: 1.0, "path_lists=" + path + "|" + lists: 1.0,
        # The verb decides whose state it reports: "Protesters were frustrated that" (the passive subject),
        # "That worries environmentalists" (the object).
        "path_lemma=" + path + "|" + lemma: 1.0,
        "pos=" + cand.pos_: 1.0, "tag=" + cand.tag_: 1.0, "dep=" + cand.dep_: 1.0, "ent=" + cand.ent_type_: 1.0,
        "word=" + word: 1.0, "side_rank=" + side + _bucket(rank): 1.0, "side_dist=" + side + _bucket(len(between)): 1.0,
        "cue_tag=" + cue.tag_ + "|" + side: 1.0, "cue_dep=" + cue.dep_ + "|" + path: 1.0,
        "head_word=" + (cand.head.lower_ if cand.head.pos_ == "ADP" else "_"): 1.0,
        "rule": float(is_rule), "rule_path=" + path + "|" + str(is_rule): 1.0,
        "rule_none": float(rule is None),
        "comma_between": float(any(t.text == "," for t in between)),
        "verb_between": float(any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in between)),
        "title_case": float(cand.text[:1].isupper() and cand.i != cand.sent.start),
        "in_relcl": float(any(x.dep_ == "relcl" for x in _chain(cand)[:3])),
    }
    return f


def choose(model: SpeakerModel, cue: Token, rule: Token | None, rule_span: tuple[int, int] | None,
           excluded: set[int]) -> Token | None:
    """The model's speaker head when it is sure enough, else the rules' ``rule``."""
    if rule is not None and rule.i in excluded:
        rule = None
    cands = candidates(cue, rule, excluded)
    if not cands:
        return rule
    probs = model.clf.predict_proba(model.vec.transform([features(t, cue, rule, rule_span, cands) for t in cands]))[:, 1]
    best = max(range(len(cands)), key=lambda k: probs[k])
    if probs[best] < model.threshold:
        return rule
    return cands[best]
