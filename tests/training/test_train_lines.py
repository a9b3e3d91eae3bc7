"""The learning curve's page draw: a share of a fold's pages, reproducible, in page order."""

from __future__ import annotations

import numpy as np

from training.train_lines import subsample


def test_whole_share_is_every_page() -> None:
    pages = np.array([3, 5, 8, 13])
    assert subsample(pages, 1.0, np.random.default_rng(0)).tolist() == [3, 5, 8, 13]


def test_half_share_is_half_the_pages_in_order_and_reproducible() -> None:
    pages = np.arange(100, 120)
    drawn = subsample(pages, 0.5, np.random.default_rng(0))
    assert len(drawn) == 10
    assert len(set(drawn.tolist())) == 10
    assert set(drawn.tolist()) <= set(pages.tolist())
    assert drawn.tolist() == sorted(drawn.tolist())
    assert drawn.tolist() == subsample(pages, 0.5, np.random.default_rng(0)).tolist()
    assert drawn.tolist() != subsample(pages, 0.5, np.random.default_rng(1)).tolist()


def test_a_tiny_share_still_fits_on_one_page() -> None:
    assert len(subsample(np.arange(3), 0.1, np.random.default_rng(0))) == 1


def test_fit_sets_the_members_of_each_stage_and_the_second_stage_reads_page_context() -> None:
    from threadpoolctl import threadpool_limits

    from storyledger.extract.lines import CONTEXT_COUNT
    from training.train_lines import Fit, train_arrays

    rng = np.random.default_rng(0)
    pages, rows = 6, 20
    x = rng.random((pages * rows, 4))
    y = (x[:, 1] > 0.5).astype(int)
    groups = np.repeat(np.arange(pages), rows)
    # One thread: OpenMP workers spin-waiting on a shared machine make a tiny fit take minutes.
    with threadpool_limits(1, user_api="openmp"):
        model = train_arrays(x, y, groups, Fit(members=2, inner_folds=3))
    assert len(model.first.estimators_) == 2
    assert len(model.second.estimators_) == 2
    assert model.second.n_features_in_ == 4 + CONTEXT_COUNT
