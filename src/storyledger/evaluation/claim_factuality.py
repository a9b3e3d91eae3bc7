"""Factuality of an event word (-3..+3) from its parse: the hand-written stance reading refined by a
small ridge model (models/stance_factuality.joblib, trained by `python -m training.train_stance`).

The rules (evaluation/claims.py `factuality`) read the stance of the event's own predicate well but miss
how strongly its context commits to it: which verb embeds it ("forgot that" vs "hoped that"), a
question or condition around it, hedges, tense, who the subject is. Those cues are many and lexical,
so a linear model over hashed parse features, trained on the factuality corpora's train splits, weighs
them; the rule score is one of its features, so where the model has nothing the rules stand.
"""

from __future__ import annotations

from sklearn.feature_extraction import FeatureHasher
from spacy.tokens import Token

from storyledger.annotate.claims.stance import lemma, modal, negated
from storyledger.shipped import load_optional, model_path

MODEL_PATH = model_path("stance_factuality.joblib")
N_FEATURES = 2**15
HEDGES = {"perhaps", "maybe", "possibly", "probably", "apparently", "reportedly", "allegedly", "likely",
          "supposedly", "seemingly", "unlikely", "presumably", "conceivably"}
_HASHER = FeatureHasher(n_features=N_FEATURES, input_type="dict", alternate_sign=False)


def _chain_up(token: Token, depth: int = 4) -> list[Token]:
    """The event word and the heads above it, up to ``depth`` steps (stops at the root)."""
    out = [token]
    t = token
    for _ in range(depth):
        if t.head.i == t.i:
            break
        t = t.head
        out.append(t)
    return out


def features(token: Token, rule_score: float, stance: str) -> dict[str, float]:
    """Parse features of the event at ``token``: its own word, its modality, and what embeds it."""
    f: dict[str, float] = {"bias": 1.0, "rule": rule_score / 3.0, f"stance={stance}": 1.0,
                           f"lemma={token.lemma_.lower()}": 1.0, f"tag={token.tag_}": 1.0,
                           f"dep={token.dep_}": 1.0, f"pos={token.pos_}": 1.0}
    sent = token.sent
    text = sent.text.rstrip()
    if text.endswith("?"):
        f["question"] = 1.0
    for c in token.children:
        if c.dep_ in ("aux", "auxpass", "neg", "mark", "advmod"):
            f[f"child:{c.dep_}={c.lower_}"] = 1.0
        if c.dep_ in ("nsubj", "nsubjpass"):
            f[f"subj_tag={c.tag_}"] = 1.0
            if c.lower_ in ("i", "we", "you"):
                f[f"subj={c.lower_}"] = 1.0
    if negated(token):
        f["neg_self"] = 1.0
    md = modal(token)
    if md:
        f[f"modal={md}"] = 1.0
    for n, t in enumerate(_chain_up(token)[1:], start=1):
        key = f"up{min(n, 3)}"
        f[f"{key}:lemma={lemma(t)}"] = 1.0
        f[f"{key}:dep={t.dep_}"] = 1.0
        f[f"{key}:tag={t.tag_}"] = 1.0
        if negated(t):
            f[f"{key}:neg"] = 1.0
            f[f"{key}:neg_lemma={lemma(t)}"] = 1.0
        m = modal(t)
        if m:
            f[f"{key}:modal={m}"] = 1.0
        for c in t.children:
            if c.dep_ == "mark":
                f[f"{key}:mark={c.lower_}"] = 1.0
    path = "/".join(t.dep_ for t in _chain_up(token, 3))
    f[f"path={path}"] = 1.0
    lo, hi = max(sent.start, token.i - 3), min(sent.end, token.i + 1)
    for t in token.doc[lo:hi]:
        if t.lower_ in HEDGES:
            f[f"hedge={t.lower_}"] = 1.0
        if t.lower_ in ("if", "whether", "unless"):
            f[f"cond={t.lower_}"] = 1.0
    return f


def _model():
    return load_optional("stance_factuality.joblib")


def refine(token: Token, rule_score: float, stance: str) -> float:
    """The model's factuality for the event at ``token``, clipped to -3..+3; the rule score without a model."""
    model = _model()
    if model is None:
        return rule_score
    x = _HASHER.transform([features(token, rule_score, stance)])
    return float(max(-3.0, min(3.0, model.predict(x)[0])))


def vectorise(rows: list[dict[str, float]]):
    return _HASHER.transform(rows)
