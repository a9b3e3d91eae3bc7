"""Store tests run once per implementation of the store interfaces: each is a parameter of the
``ledger`` fixture. PostgreSQL runs on a throwaway server (tests/store/pg_server.py, the
``postgres_url`` fixture in tests/conftest.py), started once per session when a PostgreSQL test runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyledger.store import Ledger, open_ledger
from tests.store.world import World, link_by_hand, store_articles

IMPLEMENTATIONS = ["sqlite", "postgresql"]


@pytest.fixture(params=IMPLEMENTATIONS)
def ledger_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where an empty ledger of each implementation is: a SQLite file, a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture()
def ledger(ledger_location: str) -> Iterator[Ledger]:
    """An empty ledger."""
    with open_ledger(ledger_location) as led:
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
