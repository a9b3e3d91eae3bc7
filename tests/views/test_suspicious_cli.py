"""`storyledger entities --suspicious`: entities that may be several in one, with why."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyledger.link.overrides import merge
from storyledger.store import open_ledger
from storyledger.views.cli.app import app
from tests.link.records import article
from tests.views.web.conftest import build_ledger


def test_suspicious_lists_an_entity_holding_two_peoples_names(tmp_path: Path) -> None:
    path = build_ledger(tmp_path / "l.db", [
        article("Hattie Quill opened the bakery in Castellan.", "2025-01-01", "Courier", {"Hattie Quill": []},
                {"Castellan": "place"}),
        article("Barnaby Quill won the regatta off Pellham.", "2025-01-02", "Times", {"Barnaby Quill": []},
                {"Pellham": "place"}),
    ])
    runner = CliRunner()
    before = runner.invoke(app, ["entities", "--suspicious", "--json", "--db", str(path)])
    assert before.exit_code == 0 and before.output.strip() == ""
    with open_ledger(path) as ledger:
        merged = merge(ledger, "Hattie Quill", "Barnaby Quill")
    after = runner.invoke(app, ["entities", "--suspicious", "--json", "--db", str(path)])
    [row] = [json.loads(line) for line in after.output.splitlines()]
    assert row["entity_id"] == merged.id
    assert row["reasons"] == ["names of different people: Barnaby Quill, Hattie Quill"]
