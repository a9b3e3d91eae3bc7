"""`storyledger bench` on small synthetic ledgers: they are stored and linked whole, then timed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyledger.bench.synthetic import SyntheticNews
from storyledger.bench.timing import build_ledger
from storyledger.store import open_ledger
from storyledger.views.cli.app import app


def test_a_synthetic_ledger_is_stored_and_linked_whole(tmp_path: Path) -> None:
    build_ledger(tmp_path / "bench.db", 40, SyntheticNews(), batch=15)
    with open_ledger(tmp_path / "bench.db") as ledger:
        assert ledger.count("documents") == 40 == ledger.n_linked()
        assert ledger.unlinked_documents() == []
        assert 0 < ledger.story_page().total < 40


def test_bench_reports_each_size_against_the_smallest() -> None:
    result = CliRunner().invoke(app, ["bench", "link", "--size", "20", "--size", "10", "--repeats", "3", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["size"], r["repeats"]) for r in rows] == [(10, 3), (20, 3)]
    assert rows[0]["ratio"] == 1.0 and rows[1]["median_ms"] > 0
