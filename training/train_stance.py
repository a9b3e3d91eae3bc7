"""Train the factuality refiner (models/stance_factuality.joblib) on the factuality corpora's train splits.

    python -m training.train_stance --data /work/shared/eval

Reads UW, UDS_IH2, CB, MEANTIME, MV2 and RP train; picks the ridge strength, a per-corpus weight cap and
whether to leave the web corpus (UDS_IH2) out on UW and CB dev (never test), by the worse of the two
Pearson r. Features come from claim_factuality.features, with the rule score among them. --cache keeps
the parse features between runs (the parse takes minutes).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import Ridge
from spacy.language import Language
from spacy.tokens import Doc

from storyledger.annotate.nlp import COMPONENTS, load_pipeline
from storyledger.evaluation.claim_factuality import MODEL_PATH, features, vectorise
from storyledger.evaluation.claims import rule_factuality

TRAIN_SETS = ("UW", "UDS_IH2", "CB", "MEANTIME", "MV2", "RP")
DEV_SETS = ("UW", "CB")


def featurise(nlp: Language, path: Path, limit: int | None = None) -> tuple[list[dict[str, float]], list[float]]:
    """Parse features and gold labels for every target in a factuality split (jsonl)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    feats: list[dict[str, float]] = []
    gold: list[float] = []
    disabled = [name for name in COMPONENTS if name in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        docs = nlp.pipe(Doc(nlp.vocab, words=row["text"].split()) for row in rows)
        for row, doc in zip(rows, docs):
            for target in row["targets"]:
                a, b = target["span1"]
                if not (0 <= a < b <= len(doc)):
                    continue
                token = doc[a:b].root
                score, stance = rule_factuality(token)
                feats.append(features(token, score, stance))
                gold.append(float(target["label"]))
    return feats, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="The eval folder (holds events/factuality/).")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--limit", type=int, default=None, help="At most this many sentences per train split.")
    parser.add_argument("--cache", type=Path, default=None, help="Keep parsed features here between runs.")
    args = parser.parse_args()
    root = args.data / "events" / "factuality"
    if args.cache and args.cache.exists():
        train, dev = joblib.load(args.cache)
    else:
        nlp = load_pipeline()
        train = {name: featurise(nlp, root / name / "train.jsonl", args.limit)
                 for name in TRAIN_SETS if (root / name / "train.jsonl").exists()}
        dev = {name: featurise(nlp, root / name / "dev.jsonl") for name in DEV_SETS}
        if args.cache:
            joblib.dump((train, dev), args.cache)
    x = sp.vstack([vectorise(f) for f, _ in train.values()]).tocsr()
    y_arr = np.array([g for _, y in train.values() for g in y])
    best = None
    grid = [(cap, left_out, alpha) for cap in (700, 1500, 3000, None) for left_out in (None, "UDS_IH2")
            for alpha in (3.0, 10.0)]
    for cap, left_out, alpha in grid:
        # each corpus weighs at most `cap` targets, so a big corpus does not set the others' scale;
        # the web corpus (UDS_IH2) may be left out altogether, as its scale differs from news'
        w = np.concatenate([np.full(len(y), 0.0 if name == left_out else 1.0 if cap is None
                                    else min(1.0, cap / len(y))) for name, (_, y) in train.items()])
        model = Ridge(alpha=alpha).fit(x, y_arr, sample_weight=w)
        rs = [float(np.corrcoef(model.predict(vectorise(f)), g)[0, 1]) for f, g in dev.values()]
        label = f"cap {cap} without {left_out} alpha {alpha}"
        print(f"{label}: dev r " + ", ".join(f"{n} {r:.3f}" for n, r in zip(DEV_SETS, rs)))
        if best is None or min(rs) > best[0]:
            best = (min(rs), label, model)
    assert best is not None
    print(f"chosen {best[1]} (best worst-set dev r {best[0]:.3f}) -> {args.out}")
    model = best[2]
    model.coef_ = model.coef_.astype(np.float32)
    joblib.dump(model, args.out, compress=3)


if __name__ == "__main__":
    main()
