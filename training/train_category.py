"""Train the PLOVER category model (models/claim_category.joblib) on NGEC's synthetic stories.

    python -m training.train_category --data /work/shared/eval

Each story's lead sentence (where wire copy states its event) is one example, labelled with the story's
PLOVER type; classes are balanced so NGEC's skew (many CONCEDE stories) does not carry over. The
regularisation and the override threshold are chosen on the even-numbered half of plover_gsr; both
halves are printed, and the odd half is the held-out figure. A model is written only if it beats the
lexicon rules alone on the tuning half (so far it has not: NGEC's synthetic stories read too unlike
plover_gsr's wire sentences), and without one the rules decide.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import joblib
import numpy as np
from sklearn.linear_model import LogisticRegression
from spacy.language import Language

from storyledger.annotate.nlp import COMPONENTS, load_pipeline
from storyledger.evaluation.claim_category_model import (
    MODEL_PATH,
    combine,
    features,
    vectorise,
)
from storyledger.evaluation.claims import plover_records, rule_category


def lead_sentences(nlp: Language, data: Path, limit: int | None = None) -> tuple[list[str], list[str]]:
    """The first sentence of each NGEC story (its disclaimer dropped) and the story's label."""
    path = data / "events" / "ngec_synthetic" / "records.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    records = [records[i] for i in np.random.default_rng(0).permutation(len(records))][:limit]
    texts, labels = [], []
    disabled = [name for name in COMPONENTS if name in nlp.pipe_names] + ["ner"]
    with nlp.select_pipes(disable=[n for n in disabled if n in nlp.pipe_names]):
        heads = (r["text"].replace("THIS IS A SYNTHETIC STORY. DO NOT TRUST THE FACTUAL CONTENT", "")[:600]
                 for r in records)
        for rec, doc in zip(records, nlp.pipe(heads)):
            sent = next(iter(doc.sents), None)
            if sent is not None and len(sent) > 3:
                texts.append(sent.text.strip())
                labels.append(rec["label"])
    return texts, labels


def featurise(nlp: Language, texts: list[str]) -> list[dict[str, float]]:
    return [features(doc, rule_category(doc)) for doc in nlp.pipe(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="The eval folder (holds events/).")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    nlp = load_pipeline()
    texts, labels = lead_sentences(nlp, args.data, args.limit)
    x = vectorise(featurise(nlp, texts))
    print(f"train: {len(labels)} lead sentences")
    gsr = plover_records(args.data)
    g_docs = list(nlp.pipe(t for t, _ in gsr))
    rules = np.array([rule_category(d) for d in g_docs])
    gx = vectorise([features(d, r) for d, r in zip(g_docs, rules)])
    gold = np.array([g for _, g in gsr])
    tune = np.arange(len(gsr)) % 2 == 0
    hit = rules == gold
    print(f"rules alone: tuning half {hit[tune].mean():.3f}, held-out half {hit[~tune].mean():.3f}")
    best = (hit[tune].mean(), None, None, None)  # a model ships only if it beats the rules on the tuning half
    for c in (0.1, 0.3, 1.0):
        model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x, labels)
        proba = model.predict_proba(gx)
        for threshold in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01):
            pred = combine(rules, proba, model.classes_, threshold)
            hit = pred == gold
            print(f"C {c} threshold {threshold}: tuning half {hit[tune].mean():.3f}, "
                  f"held-out half {hit[~tune].mean():.3f}")
            if best is None or hit[tune].mean() > best[0]:
                best = (hit[tune].mean(), c, threshold, model)
    _, c, threshold, model = best
    if model is None:
        print("no setting beats the rules alone on the tuning half: no model written")
        return
    print(f"chosen C {c}, threshold {threshold} -> {args.out}")
    model.coef_ = model.coef_.astype(np.float32)
    joblib.dump({"model": model, "threshold": threshold}, args.out, compress=3)


if __name__ == "__main__":
    main()
