"""The PostgreSQL ledger's schema: every SQLite migration translated in order, an older ledger brought
up to date when opened, first opens of an empty database at once all succeed, a read-only ledger."""

from __future__ import annotations

import psycopg
import pytest

import storyledger.store.postgres.connection as pg_connection
from storyledger.store import open_ledger
from storyledger.store.sqlite.connection import migrations
from tests.store.at_once import open_at_once
from tests.store.pg_server import Server
from tests.store.world import lake, store_articles


def test_six_first_opens_of_an_empty_database_at_once_all_succeed(postgres_server: Server) -> None:
    postgres_server.admin("CREATE DATABASE empty_at_once")
    url = postgres_server.url("empty_at_once")
    try:
        assert open_at_once(url, 6) == [("ok", 0)] * 6
        with open_ledger(url) as ledger:
            assert ledger.schema_version == migrations()[-1][0]
    finally:
        postgres_server.admin("DROP DATABASE empty_at_once WITH (FORCE)")


def test_an_older_ledger_is_migrated_when_opened(postgres_server: Server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    postgres_server.admin("CREATE DATABASE older")
    url = postgres_server.url("older")
    try:
        every = migrations()
        monkeypatch.setattr(pg_connection, "migrations", lambda: every[:1])
        with open_ledger(url) as ledger:
            assert ledger.schema_version == 1
        monkeypatch.undo()
        with open_ledger(url) as ledger:
            assert ledger.schema_version == every[-1][0]
            world = store_articles(ledger)
            assert ledger.search("strike").total == 3 and ledger.document(world.lake) is not None
    finally:
        postgres_server.admin("DROP DATABASE older WITH (FORCE)")


def test_a_read_only_ledger_refuses_every_write(postgres_url: str) -> None:
    with open_ledger(postgres_url) as ledger:
        world = store_articles(ledger)
    with open_ledger(postgres_url, read_only=True) as ledger:
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            ledger.add(lake())
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            ledger.add_source(world.lake, "more.txt", None, "01")
        assert ledger.count("documents") == 5 and ledger.search("lake").total == 2
