"""Quality floors for claims, pinned at the figures reached (see `storyledger eval claims`)."""

import pytest

from storyledger.evaluation.claims import eval_categories, eval_factuality


@pytest.mark.eval
def test_plover_category_floor(nlp, eval_data):
    r = eval_categories(nlp, eval_data)
    assert r.n == 313 and r.accuracy >= 0.80 and r.heldout_accuracy >= 0.75 and r.accuracy > r.majority_accuracy


@pytest.mark.eval
@pytest.mark.parametrize("name,floor", [("UW", 0.64), ("CB", 0.64)])
def test_factuality_floor(nlp, eval_data, name, floor):
    r = eval_factuality(nlp, eval_data, name, "test")
    assert r.pearson >= floor and r.mae < r.majority_mae
