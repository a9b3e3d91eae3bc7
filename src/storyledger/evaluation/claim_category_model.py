"""PLOVER category of a sentence's event from a small logistic model (models/claim_category.joblib,
trained by `python -m training.train_category` on NGEC's synthetic stories).

The lexicon (claim_category) knows what single words mean but not how context shifts them: "demanded
the release of" is REQUEST, "strikers demanded" is PROTEST, "warned of sanctions" is THREATEN. The
model weighs the sentence's predicates, their objects, negation and the lexicon's own reading of each
word together; the lexicon's category for the main claim is one of its features. train_category
writes a model only when it beats the lexicon alone on plover_gsr's tuning half; until then predict()
returns the lexicon's category.
"""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction import FeatureHasher
from spacy.tokens import Doc, Span

from storyledger.annotate.claims.category import word_category
from storyledger.annotate.claims.stance import negated
from storyledger.shipped import load_optional, model_path

MODEL_PATH = model_path("claim_category.joblib")
N_FEATURES = 2**14
_HASHER = FeatureHasher(n_features=N_FEATURES, input_type="dict", alternate_sign=False)


def features(span: Span | Doc, rule: str) -> dict[str, float]:
    """Predicates, their objects and the lexicon's categories in a sentence, plus the rule's category."""
    f: dict[str, float] = {"bias": 1.0, f"rule={rule}": 1.0}
    for t in span:
        low = t.lemma_.lower()
        if t.pos_ == "VERB":
            root = t.dep_ == "ROOT"
            f[f"v={low}"] = f.get(f"v={low}", 0.0) + 1.0
            if root:
                f[f"root={low}"] = 1.0
            if negated(t):
                f[f"negv={low}"] = 1.0
                f["neg"] = 1.0
            for c in t.children:
                if c.dep_ in ("dobj", "xcomp", "prt", "ccomp", "attr"):
                    f[f"vo={low}_{c.lemma_.lower()}"] = 1.0
                if c.dep_ == "prep":
                    f[f"vp={low}_{c.lower_}"] = 1.0
        elif t.pos_ == "NOUN":
            f[f"n={low}"] = f.get(f"n={low}", 0.0) + 0.5
        elif t.tag_ == "MD":
            f[f"md={t.lower_}"] = 1.0
        if t.pos_ in ("VERB", "NOUN"):
            cat = word_category(t)
            if cat:
                f[f"lex={cat}"] = f.get(f"lex={cat}", 0.0) + (1.0 if t.pos_ == "VERB" else 0.5)
    return f


def _model():
    return load_optional("claim_category.joblib")


def combine(rules: np.ndarray, proba: np.ndarray, classes: np.ndarray, threshold: float) -> np.ndarray:
    """The rule's category unless it has none or the model is surer than ``threshold`` of another."""
    best = proba.argmax(axis=1)
    sure = proba.max(axis=1) >= threshold
    return np.where((rules == "") | sure, classes[best], rules)


def predict(span: Span | Doc, rule: str) -> str:
    """The category for the sentence (see combine); the rule's when no model is shipped."""
    shipped = _model()
    if shipped is None:
        return rule
    model = shipped["model"]
    proba = model.predict_proba(_HASHER.transform([features(span, rule)]))
    return str(combine(np.array([rule]), proba, model.classes_, shipped["threshold"])[0])


def vectorise(rows: list[dict[str, float]]):
    return _HASHER.transform(rows)
