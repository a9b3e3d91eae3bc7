"""Which candidate claims an analyst keeps, and with which stance: small linear models over the
candidate's features (features.py), trained on hand-annotated claims (`python -m training.train_claims`)
and shipped as models/claim_scorer.joblib.

Rules find every clause that could hold a position; whether it is one the guide keeps (not a plain
event, a prediction, a pundit's advice, the reporter's narration) depends on many weak cues together,
which is what a linear model weighs well from a few hundred examples. Loaded once per process.
Without the model, a candidate is kept when a stance word (not a bare modal) sets its stance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

from storyledger.annotate.claims.features import vectorise
from storyledger.records import Stance
from storyledger.shipped import load_shipped

MODEL_NAME = "claim_scorer.joblib"


@dataclass(slots=True)
class ClaimScorer:
    keep: LogisticRegression  # P(an analyst keeps the candidate with this actor)
    threshold: float  # abstain below this probability
    stance: LogisticRegression | None = None  # the stance, given the rules' reading among the features
    stance_margin: float = 1.0  # replace the rules' stance only when the model is this much surer

    def keep_probability(self, rows: list[dict[str, float]]) -> np.ndarray:
        return self.keep.predict_proba(vectorise(rows))[:, list(self.keep.classes_).index(1)]

    def stances(self, rows: list[dict[str, float]], rules: list[Stance]) -> list[Stance]:
        if self.stance is None or not rows:
            return rules
        proba = self.stance.predict_proba(vectorise(rows))
        classes = [Stance(c) for c in self.stance.classes_]
        out = []
        for p, rule in zip(proba, rules):
            best = int(np.argmax(p))
            ruled = p[classes.index(rule)] if rule in classes else 0.0
            out.append(classes[best] if p[best] - ruled >= self.stance_margin else rule)
        return out


def load_scorer() -> ClaimScorer | None:
    return load_shipped(MODEL_NAME, ClaimScorer)
