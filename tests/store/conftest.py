"""Store tests run once per implementation of the store interfaces: each is a parameter of the
``ledger`` fixture (only SQLite now; a PostgreSQL store joins by adding its parameter here)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyledger.store import Ledger, open_ledger
from tests.store.world import World, link_by_hand, store_articles

IMPLEMENTATIONS = ["sqlite"]


def _open(implementation: str, tmp_path: Path) -> Ledger:
    if implementation == "sqlite":
        return open_ledger(tmp_path / "ledger.db")
    raise ValueError(f"no store implementation {implementation!r}")


@pytest.fixture(params=IMPLEMENTATIONS)
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Ledger]:
    """An empty ledger."""
    with _open(request.param, tmp_path) as led:
        yield led


@pytest.fixture()
def stored(ledger: Ledger) -> World:
    """The hand-built articles, stored but not linked."""
    return store_articles(ledger)


@pytest.fixture()
def world(ledger: Ledger, stored: World) -> World:
    """The hand-built articles, stored and linked by hand."""
    link_by_hand(ledger, stored)
    return stored
