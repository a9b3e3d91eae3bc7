"""Entity resolution floors on ECB+ (../shared/eval/coref), on a subset of topics to stay fast.

The floors sit a little under what `storyledger eval entities` printed on the same subset; the
full figures (every dev topic, by topic half) are in the eval command's output and the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyledger.evaluation.entities import load_ecb, run_ecb

pytestmark = pytest.mark.eval
TOPICS = (1, 2, 3, 4, 5, 6)


@pytest.fixture(scope="module")
def scores(eval_data: Path, nlp):
    path = eval_data / "coref" / "ecbplus_dev.jsonl"
    if not path.is_file():
        pytest.skip(f"no ECB+ file at {path}")
    return run_ecb(load_ecb(path, TOPICS), nlp)["all topics"]


def test_named_entity_chains_floor(scores):
    assert scores.system.conll_f1 >= FLOORS["conll_f1"]


def test_clearly_above_the_same_name_baseline(scores):
    assert scores.system.conll_f1 - scores.baseline.conll_f1 >= FLOORS["over_baseline"]


# Measured on topics 1-6 (147 documents): CoNLL F1 0.722, same-name baseline 0.682.
FLOORS = {"conll_f1": 0.71, "over_baseline": 0.03}
