"""`storyledger claims`: the table names who says so beside the actor, so a relayed position is never
read as the actor's own words."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from storyledger.records import Stance
from storyledger.store.sqlite import SQLiteLedger
from storyledger.views.cli.app import app
from tests.link.records import article, claim

runner = CliRunner()


def test_claims_listing_shows_who_said_it(tmp_path: Path):
    db = tmp_path / "ledger.db"
    a = article("Tom Hadley said Norvania would send jets to the border.", "2025-03-04", "Orrin Gazette",
                {"Tom Hadley": []}, {"Norvania": "place"})
    claim(a, "Norvania", "send jets to the border", Stance.COMMITTED).reported_by = "Tom Hadley"
    with SQLiteLedger(db) as led:
        led.add(a)
    result = runner.invoke(app, ["claims", "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if "actor" in line)
    row = next(line for line in result.stdout.splitlines() if "send jets" in line)
    assert "said by" in header
    cells = [c.strip() for c in row.split("│")]
    assert cells[cells.index("Norvania") + 1:][:5] == ["committed", "AGREE", "send jets to the border", "", "Tom Hadley"]
    narrow = runner.invoke(app, ["claims", "--db", str(db)], env={"COLUMNS": "80"}).stdout.splitlines()
    assert any(line.split() == ["said", "by", "Tom", "Hadley"] for line in narrow), narrow
