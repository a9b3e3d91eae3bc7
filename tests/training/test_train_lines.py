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
