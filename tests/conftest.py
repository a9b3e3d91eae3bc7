"""Shared fixtures: the spaCy pipeline (loaded once), the seed articles, the dev data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyledger.config import eval_root
from tests.store.pg_server import Server, running_server

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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    """A throwaway PostgreSQL server, started once and only if a test asks for it (tests/store/pg_server.py)."""
    with running_server() as server:
        yield server


@pytest.fixture()
def postgres_url(postgres_server: Server) -> Iterator[str]:
    """The URL of an empty, migrated ledger database of this test's own."""
    with postgres_server.database() as url:
        yield url
