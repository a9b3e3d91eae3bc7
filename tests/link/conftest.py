"""Fixtures for link tests: an empty ledger, and the JSONL corpus ingested once by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyledger.store import open_ledger

CORPUS = Path(__file__).parent / "corpus" / "articles.jsonl"


@pytest.fixture()
def ledger(tmp_path: Path):
    with open_ledger(tmp_path / "ledger.db") as led:
        yield led


@pytest.fixture(scope="module")
def corpus_ledger(tmp_path_factory: pytest.TempPathFactory):
    from storyledger.ingest import ingest

    path = tmp_path_factory.mktemp("corpus") / "ledger.db"
    with open_ledger(path) as led:
        report = ingest([str(CORPUS)], led)
        assert report.ok, report.failed
        yield led
