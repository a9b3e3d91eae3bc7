"""Shared fixtures: the spaCy pipeline (loaded once), the seed articles, the dev data."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyledger.config import eval_root

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_000 = EXAMPLES / "000_64e468b38be8dee8.txt"
SEED_002 = EXAMPLES / "002_05510a483d668743.txt"


@pytest.fixture(scope="session")
def nlp():
    from storyledger.annotate.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def eval_data() -> Path:
    """The development data in ../shared/eval; the quality floors skip only where it is absent."""
    root = eval_root()
    if not root.is_dir():
        pytest.skip(f"development data not found at {root}")
    return root


@pytest.fixture(scope="session")
def seed_000() -> Path:
    return SEED_000


@pytest.fixture(scope="session")
def seed_002() -> Path:
    return SEED_002
