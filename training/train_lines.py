"""Train the scraped-text line classifier on pages with a gold article body.

    python -m training.train_lines [--data DIR] [--out PATH] [--cache DIR] [--members N] [--inner-folds N]
    python -m training.train_lines --cv       # folds by page over every set: body F1 per set, per threshold pair
    python -m training.train_lines --by-set   # each set scored by a model trained on the other sets only
    python -m training.train_lines --curve    # the CV by page, fitting on an eighth, a quarter, a half, all of each fold
    (--folds N sets the folds by page, 5 by default; --share S fits --by-set on that share of its pages)

DIR is a labelled set or a folder of them (default ../shared/eval/extract: naeb and the five public sets);
each page's every-line text scrape is labelled line by line against its gold body. Pages held out by
``storyledger.evaluation.extract.is_held_out`` (in every set) are never seen here, so `storyledger eval
extract` reports on them honestly. ``--cache DIR`` keeps the featurised pages between runs (keyed by the
pages and by the code that featurises and labels them). Deterministic: same data, same model.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, VotingClassifier
from sklearn.model_selection import GroupKFold

from storyledger.config import eval_root
from storyledger.evaluation.extract import (
    GoldPage,
    LabelledSet,
    Report,
    fold,
    is_held_out,
    load_sets,
    score_page,
)
from storyledger.extract import lines as lines_module
from storyledger.extract.decode import decode
from storyledger.extract.lines import context, features
from storyledger.extract.shingles import shingles
from storyledger.extract.text import (
    MODEL_PATH,
    NEAR_THRESHOLD,
    THRESHOLD,
    LineModel,
    clean_text,
    split_lines,
)
from storyledger.records import Article

# A line of 4+ words is article when at least this share of its 4-word shingles is in the gold body.
_MATCH_SHARE = 0.5
_SEED = 0


@dataclass(frozen=True, slots=True)
class Fit:
    """How each stage is fitted. The shipped model (naeb only) uses the defaults; on all six sets (2,477
    training pages) one member and three inner folds cut the training time fourfold, which is what the
    cross-validations over every set were run with (``--members 1 --inner-folds 3``)."""

    members: int = 3  # boosted models averaged per stage
    inner_folds: int = 5  # folds of the out-of-fold first-stage scores the second stage learns from


def label(lines: list[str], gold: str) -> np.ndarray:
    """Article (1) or not (0) per line; short lines count only when they are a gold line themselves."""
    ref = shingles(gold)
    gold_lines = {fold(g) for g in gold.split("\n") if g.strip()}
    out = []
    for line in lines:
        own = shingles(line)
        total = sum(own.values())
        if total and len(next(iter(own))) == 4:
            out.append(sum((own & ref).values()) / total >= _MATCH_SHARE)
        else:
            out.append(fold(line) in gold_lines)
    return np.array(out, dtype=int)


def _classifier(fit: Fit) -> VotingClassifier:
    """Boosted models, each splitting on a random half of the features, averaged: less variance on a few
    hundred pages (naeb, 5-fold CV on training pages, body F1 0.9109 -> 0.9124 with three against one)."""
    members = [
        (
            f"m{seed}",
            HistGradientBoostingClassifier(
                max_iter=200, max_leaf_nodes=31, l2_regularization=1.0, max_features=0.5, random_state=_SEED + seed
            ),
        )
        for seed in range(fit.members)
    ]
    return VotingClassifier(members, voting="soft")


def train(data: TrainingPages, fit: Fit) -> LineModel:
    return train_arrays(*data.arrays(data.ids), fit)


def metric_weights(x: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Weight each line by its share of its page's words: the body metric counts word shingles and
    averages over pages, so a long paragraph matters more than a menu entry and every page counts once
    (5-fold CV on training pages, body F1 0.908 -> 0.910 with the thresholds re-chosen)."""
    w = np.expm1(x[:, 0])  # feature 0 is log1p(tokens)
    for g in np.unique(groups):
        idx = groups == g
        w[idx] /= max(w[idx].sum(), 1e-9)
    return w / max(w.mean(), 1e-12)


def train_arrays(x: np.ndarray, y: np.ndarray, groups: np.ndarray, fit: Fit) -> LineModel:
    """Both stages from line features, labels and page ids (pages keep out-of-fold scores apart)."""
    w = metric_weights(x, groups)
    first = _classifier(fit).fit(x, y, sample_weight=w)
    # Second stage learns from out-of-fold first-stage scores, as it will see them on new text.
    oof = np.zeros(len(y))
    for fit_idx, pred_idx in GroupKFold(n_splits=fit.inner_folds).split(x, y, groups):
        fold_model = _classifier(fit).fit(x[fit_idx], y[fit_idx], sample_weight=w[fit_idx])
        oof[pred_idx] = fold_model.predict_proba(x[pred_idx])[:, 1]
    stacked = np.hstack([x, _page_context(oof, groups)])
    second = _classifier(fit).fit(stacked, y, sample_weight=w)
    return LineModel(first=first, second=second)


def _page_context(probabilities: np.ndarray, groups: np.ndarray) -> np.ndarray:
    out = np.zeros((len(probabilities), context(np.zeros(1)).shape[1]))
    for g in np.unique(groups):
        idx = np.flatnonzero(groups == g)
        out[idx] = context(probabilities[idx])
    return out


# Threshold pairs (line, near a kept line) compared by --cv.
_GRID = [(t, n) for t in (0.45, 0.5, 0.55, 0.6) for n in (0.15, 0.2, 0.25, 0.3)]
# Shares of each fold's training pages that --curve fits on.
_CURVE = (0.125, 0.25, 0.5, 1.0)
_FOLDS = 5


class _FixedScores:
    """Scores computed once per page, so each threshold pair re-runs only the cheap decisions."""

    def __init__(self, scores: np.ndarray) -> None:
        self._scores = scores

    def scores(self, lines: list[str]) -> np.ndarray:
        return self._scores


def subsample(indices: np.ndarray, share: float, rng: np.random.Generator) -> np.ndarray:
    """A share of a fold's pages, drawn without replacement and kept in page order."""
    if share >= 1.0:
        return indices
    return np.sort(rng.choice(indices, max(1, round(share * len(indices))), replace=False))


@dataclass(frozen=True, slots=True)
class TrainingPages:
    """The training pages of every set, read, scraped and featurised once, so several cross-validations
    (and runs: see ``--cache``) can share them."""

    gold: dict[str, GoldPage]
    sets: dict[str, str]  # page id -> the name of its set
    texts: dict[str, str]
    lines: dict[str, list[str]]
    xs: dict[str, np.ndarray]
    ys: dict[str, np.ndarray]

    @property
    def ids(self) -> list[str]:
        return list(self.lines)

    @property
    def set_names(self) -> list[str]:
        return list(dict.fromkeys(self.sets[i] for i in self.ids))

    def arrays(self, ids: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Features, labels and page numbers of ``ids``, stacked."""
        return (
            np.vstack([self.xs[i] for i in ids]),
            np.concatenate([self.ys[i] for i in ids]),
            np.concatenate([np.full(len(self.ys[i]), k) for k, i in enumerate(ids)]),
        )


def _featurise(labelled: LabelledSet) -> dict[str, dict]:
    pages = {}
    for gold in labelled.pages:
        if is_held_out(gold.id):
            continue
        try:
            raw = labelled.raw(gold.id, "text")
        except FileNotFoundError:
            continue
        text = raw.text if raw.text is not None else decode(raw.data or b"", raw.source)
        if found := split_lines(text):
            pages[gold.id] = {"text": text, "lines": found, "x": features(found), "y": label(found, gold.body)}
    return pages


def _cache_key(labelled: LabelledSet) -> str:
    """Changes with the set's pages and with the code that scrapes, featurises and labels them."""
    digest = hashlib.sha256()
    for part in (inspect.getsource(lines_module), inspect.getsource(label), *(g.id for g in labelled.pages)):
        digest.update(part.encode())
    return f"{labelled.name}-{digest.hexdigest()[:16]}.joblib"


def training_pages(sets: list[LabelledSet], cache: Path | None = None) -> TrainingPages:
    """Every set's training pages (``is_held_out`` pages never), featurised and labelled against the gold body."""
    gold, names, texts, lines, xs, ys = {}, {}, {}, {}, {}, {}
    for labelled in sets:
        path = cache / _cache_key(labelled) if cache else None
        if path and path.exists():
            pages = joblib.load(path)
        else:
            pages = _featurise(labelled)
            if path:
                path.parent.mkdir(parents=True, exist_ok=True)
                joblib.dump(pages, path)
        gold.update({g.id: g for g in labelled.pages if g.id in pages})
        for page_id, page in pages.items():
            names[page_id] = labelled.name
            texts[page_id], lines[page_id], xs[page_id], ys[page_id] = page["text"], page["lines"], page["x"], page["y"]
    return TrainingPages(gold, names, texts, lines, xs, ys)


Split = tuple[list[str], list[str]]


def by_page(data: TrainingPages, folds: int = _FOLDS) -> list[Split]:
    """Folds of whole pages, every set mixed."""
    ids = np.array(data.ids)
    order = np.arange(len(ids))
    return [(ids[fit].tolist(), ids[test].tolist()) for fit, test in GroupKFold(n_splits=folds).split(order, order, order)]


def by_set(data: TrainingPages) -> list[Split]:
    """Each set scored by a model trained on the other sets only: how the cleaner fares on pages of a kind it never saw."""
    return [([i for i in data.ids if data.sets[i] != name], [i for i in data.ids if data.sets[i] == name])
            for name in data.set_names]


def cross_validate(
    data: TrainingPages,
    splits: list[Split],
    fit: Fit,
    share: float = 1.0,
    grid: list[tuple[float, float]] = _GRID,
) -> dict[tuple[float, float], Report]:
    """Body scores of the whole cleaner on training pages, each page scored by a model trained without it:
    how thresholds and features are chosen without touching the held-out pages. With ``share`` below 1
    each fold fits on that share of its pages: whether more labelled pages would help."""
    scores: dict[str, np.ndarray] = {}
    rng = np.random.default_rng(_SEED)
    for fit_ids, test_ids in splits:
        drawn = [fit_ids[k] for k in subsample(np.arange(len(fit_ids)), share, rng)]
        model = train_arrays(*data.arrays(drawn), fit)
        for i in test_ids:
            scores[i] = model.scores(data.lines[i])
    reports = {}
    for threshold, near in grid:
        report = Report("text")
        for i in data.ids:
            if i in scores:
                fields = clean_text(data.texts[i], _FixedScores(scores[i]), threshold, near)
                report.pages.append(score_page(data.gold[i], Article(source=i, text=fields.text)))
        reports[(threshold, near)] = report
    return reports


def by_set_figures(data: TrainingPages, report: Report) -> dict[str, Report]:
    return {name: report.subset(lambda i, name=name: data.sets.get(i) == name) for name in data.set_names}


def describe(data: TrainingPages, report: Report) -> str:
    """Body F1 per set and their mean (every set weighs the same), then P/R/F1 over all pages."""
    per_set = {name: part.f1 for name, part in by_set_figures(data, report).items() if part.pages}
    mean = sum(per_set.values()) / len(per_set) if per_set else 0.0
    sets = " ".join(f"{name} {f1:.4f}" for name, f1 in per_set.items())
    return f"mean of sets F1 {mean:.4f} ({sets}); all pages P {report.precision:.4f} R {report.recall:.4f} F1 {report.f1:.4f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=eval_root() / "extract", help="a labelled set or a folder of them")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cache", type=Path, default=None, help="keep featurised pages here between runs")
    parser.add_argument("--cv", action="store_true", help="cross-validate on the training pages (folds by page) instead of training")
    parser.add_argument("--folds", type=int, default=_FOLDS, help="folds by page of --cv and --curve")
    parser.add_argument("--by-set", action="store_true", help="cross-validate leaving one set out at a time")
    parser.add_argument("--share", type=float, default=1.0, help="share of the other sets' pages --by-set fits on")
    parser.add_argument("--curve", action="store_true", help="cross-validate at the shipped thresholds on growing shares of the training pages")
    parser.add_argument("--members", type=int, default=Fit().members, help="boosted models averaged per stage")
    parser.add_argument("--inner-folds", type=int, default=Fit().inner_folds, help="folds of the second stage's first-stage scores")
    args = parser.parse_args()
    fit = Fit(args.members, args.inner_folds)
    data = training_pages(load_sets(args.data), args.cache)
    print(f"{len(data.ids)} training pages: " + ", ".join(
        f"{name} {sum(s == name for s in data.sets.values())}" for name in data.set_names), flush=True)
    shipped = [(THRESHOLD, NEAR_THRESHOLD)]
    if args.cv:
        for (threshold, near), report in cross_validate(data, by_page(data, args.folds), fit).items():
            print(f"threshold {threshold:.2f} near {near:.2f}: {describe(data, report)}", flush=True)
        return
    if args.by_set:
        report = cross_validate(data, by_set(data), fit, args.share, shipped)[shipped[0]]
        print(f"leaving one set out, fitting on {args.share:.0%} of the other sets' pages: {describe(data, report)}")
        return
    if args.curve:
        for share in _CURVE:
            report = cross_validate(data, by_page(data, args.folds), fit, share, shipped)[shipped[0]]
            low, high = report.f1_interval()
            print(f"fitting on {share:.1%} of each fold: {describe(data, report)} (95% interval {low:.3f}-{high:.3f})", flush=True)
        return
    joblib.dump(train(data, fit), args.out, compress=("xz", 9))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
