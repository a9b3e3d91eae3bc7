"""`storyledger stories`, `timeline`, `entity merge|split` on a hand-built ledger."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from storyledger.link.pipeline import link_new
from storyledger.records import Polarity, Stance, TimeRef
from storyledger.store import open_ledger
from storyledger.views.cli.app import app
from tests.link.records import article, claim

runner = CliRunner()
BW = "Brightwater Chemicals"


def _ledger(path: Path) -> Path:
    db = path / "ledger.db"
    with open_ledger(db) as led:
        a = article(f"{BW} said it would pay for the cleanup of Lake Orrin if the agency confirmed the source.",
                    "2025-03-18", "Orrin Gazette", things={BW: "organisation", "Lake Orrin": "place"})
        claim(a, BW, "pay for the cleanup of Lake Orrin", Stance.WILLING, condition="if the agency confirmed the source")
        b = article(f"{BW} refused to pay for the cleanup of Lake Orrin.", "2025-04-20", "Northern Ledger",
                    things={BW: "organisation", "Lake Orrin": "place"})
        claim(b, BW, "pay for the cleanup of Lake Orrin", Stance.REFUSED, Polarity.NEGATED)
        c = article("Tomas Brekke won the Pellham marathon in a course record.", "2025-04-06", "Sports Daily",
                    {"Tomas Brekke": []})
        claim(c, "Tomas Brekke", "won the Pellham marathon", Stance.REPORTED)
        for x in (a, b, c):
            led.add(x)
        link_new(led)
    return db


def test_timeline_json_lines_carry_date_actor_mark_and_evidence(tmp_path):
    db = _ledger(tmp_path)
    result = runner.invoke(app, ["timeline", "--db", str(db), "--actor", BW, "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(x["date"], x["actor"], x["mark"], x["stance"], x["outlet"]) for x in lines] == [
        ("2025-03-18", BW, "new", "willing", "Orrin Gazette"),
        ("2025-04-20", BW, "changed", "refused", "Northern Ledger"),
    ]
    with open_ledger(db) as led:
        for x in lines:
            assert led.document(x["document_id"]).text[x["start"]:x["end"]] == x["evidence"]


def test_timeline_by_story_and_query(tmp_path):
    db = _ledger(tmp_path)
    stories = [json.loads(x) for x in runner.invoke(app, ["stories", "--db", str(db), "--json"]).stdout.splitlines()]
    assert len(stories) == 2
    race = next(s for s in stories if "Sports Daily" in s["outlets"])
    result = runner.invoke(app, ["timeline", "--db", str(db), "--story", race["id"], "--json"])
    assert [json.loads(x)["actor"] for x in result.stdout.splitlines()] == ["Tomas Brekke"]
    result = runner.invoke(app, ["timeline", "--db", str(db), "--query", "cleanup", "--json"])
    assert len(result.stdout.splitlines()) == 2
    table = runner.invoke(app, ["timeline", "--db", str(db)], env={"COLUMNS": "200"})
    assert "condition" not in table.stdout or "if: if the agency" in table.stdout
    assert "2025-04-20" in table.stdout and "refused: pay for the cleanup" in table.stdout  # a refusal says no once


def test_unknown_story_is_an_error_not_a_crash(tmp_path):
    db = _ledger(tmp_path)
    result = runner.invoke(app, ["timeline", "--db", str(db), "--story", "Snope"])
    assert result.exit_code == 1
    assert "no story" in result.output


def test_entity_merge_and_split_commands(tmp_path):
    db = _ledger(tmp_path)
    result = runner.invoke(app, ["entity", "merge", "Brightwater Chemicals", "Lake Orrin", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with open_ledger(db) as led:
        assert [e.aliases for e in led.find_entities("Lake Orrin")] == [["Brightwater Chemicals", "Lake Orrin"]]
    result = runner.invoke(app, ["entity", "merge", "Nobody", "Tomas Brekke", "--db", str(db)])
    assert result.exit_code == 1 and "no entity 'Nobody'" in result.output
    result = runner.invoke(app, ["entity", "split", "Tomas Brekke", "--db", str(db)])
    assert result.exit_code == 1 and "--name" in result.output


def test_a_changed_line_shows_which_way_and_the_earlier_line_beside_it(tmp_path):
    db = _ledger(tmp_path)
    result = runner.invoke(app, ["timeline", "--db", str(db), "--moved", "--json"])
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert (line["mark"], line["change"], line["previous"]) == ("changed", "reversed",
                                                                f"{line['earlier']['document_id']}/c1")
    assert (line["earlier"]["date_label"], line["earlier"]["stance"], line["earlier"]["claim"],
            line["earlier"]["condition"], line["earlier"]["outlet"]) == (
        "2025-03-18", "willing", "pay for the cleanup of Lake Orrin", "if the agency confirmed the source",
        "Orrin Gazette")
    table = runner.invoke(app, ["timeline", "--db", str(db), "--moved"], env={"COLUMNS": "400"}).stdout
    assert "changed" in table and "(reversed)" in table
    assert "2025-03-18 · willing · pay for the cleanup of Lake Orrin [if: if the agency confirmed the source]" in table


def test_dates_keep_their_precision_in_the_timeline_and_the_claims(tmp_path):
    db = tmp_path / "ledger.db"
    text = "Kestrel Mining will reopen the Arlo plant in 2027, its chief executive said on Monday."
    art = article(text, "2025-03-18", "Orrin Gazette", things={"Kestrel Mining": "organisation"})
    c = claim(art, "Kestrel Mining", "reopen the Arlo plant", Stance.COMMITTED)
    at = text.index("in 2027")
    c.when = TimeRef("in 2027", at, at + 7, date(2027, 1, 1), date(2027, 12, 31), "date", "2027", "year")
    with open_ledger(db) as led:
        led.add(art)
        link_new(led)
    (line,) = [json.loads(x) for x in runner.invoke(app, ["timeline", "--db", str(db), "--json"]).stdout.splitlines()]
    assert (line["date"], line["date_label"], line["date_end"], line["precision"]) == (
        "2027-01-01", "2027", "2027-12-31", "year")
    for command in (["timeline"], ["claims"]):
        shown = runner.invoke(app, [*command, "--db", str(db)], env={"COLUMNS": "300"}).stdout
        assert "2027" in shown and "2027-01-01" not in shown
    (row,) = [json.loads(x) for x in runner.invoke(app, ["claims", "--db", str(db), "--json"]).stdout.splitlines()]
    assert (row["when_value"], row["when_precision"], row["when_date_end"]) == ("2027", "year", "2027-12-31")
