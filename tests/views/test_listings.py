"""Every listing command reads well at any width: stacked records under 120 columns, a table above,
never a word split across lines; a cut listing says how much it left out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyledger.link.pipeline import link_new
from storyledger.records import Polarity, Quote, QuoteKind, Span, SpeakerRef, Stance
from storyledger.store import open_ledger
from storyledger.views.cli.app import app
from tests.link.records import article, claim

runner = CliRunner()
FUND = "Brightwater Environmental Restoration Fund"
# Long words, the kind a squeezed column used to split ("reassur / ance").
TEXT = (f"The {FUND} announced that its trustees would underwrite decontamination of Lake Orrin's "
        "northernmost catchment if the environmental inspectorate confirmed responsibility.\n\n"
        "“Accountability and transparency are non-negotiable,” said Ines Halvorsen, the mayor.")
LATER = (f"The {FUND} withdrew its underwriting commitment for the decontamination programme.\n\n"
         "“Unacceptable backtracking,” said Ines Halvorsen.")
BORDER = re.compile(r"[│┃┆┊║━─┏┓┗┛┣┫┳┻╋┡┩╇┼├┤┌┐└┘┬┴═╭╮╰╯]")


def _quote(annotated, speaker: str, content: str) -> None:  # type: ignore[no-untyped-def]
    text = annotated.article.text
    s, c = text.rindex(speaker), text.index(content)
    ids = [e.id for e in annotated.entities if e.name == speaker]
    annotated.quotes.append(Quote(f"q{len(annotated.quotes) + 1}", QuoteKind.DIRECT,
                                  SpeakerRef(speaker, s, s + len(speaker), ids[0] if ids else None),
                                  Span(s - 5, s - 1, "said"), [Span(c, c + len(content), content)]))


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    with open_ledger(path) as led:
        a = article(TEXT, "2025-03-18", "Orrin Gazette", {"Ines Halvorsen": ["mayor"]},
                    {FUND: "organisation", "Lake Orrin": "place"}, title="Restoration fund pledges decontamination")
        claim(a, FUND, "underwrite decontamination of Lake Orrin's northernmost catchment", Stance.WILLING,
              condition="if the environmental inspectorate confirmed responsibility")
        _quote(a, "Ines Halvorsen", "Accountability and transparency are non-negotiable,")
        b = article(LATER, "2025-04-20", "Northern Ledger", {"Ines Halvorsen": []}, {FUND: "organisation"},
                    title="Restoration fund backtracks")
        claim(b, FUND, "withdrew its underwriting commitment for the decontamination programme", Stance.REFUSED,
              Polarity.NEGATED)
        _quote(b, "Ines Halvorsen", "Unacceptable backtracking,")
        for x in (a, b):
            led.add(x)
        link_new(led)
    return path


def _words(value: object) -> list[str]:
    if isinstance(value, list):
        return [w for v in value for w in _words(v)]
    return str(value).split() if value not in (None, "") else []


LISTINGS = {
    "quotes": ("speaker_name", "text", "kind", "published"),
    "claims": ("actor_names", "action", "condition", "stance", "category"),
    "entities": ("name", "type", "roles", "id"),
    "stories": ("label", "outlets", "id"),
    "timeline": ("actor", "claim", "condition", "matter", "stance", "outlet"),
}


@pytest.mark.parametrize("columns", ["80", "200"])
@pytest.mark.parametrize("command", sorted(LISTINGS))
def test_no_word_is_split_across_lines(db: Path, command: str, columns: str) -> None:
    data = [json.loads(x) for x in runner.invoke(app, [command, "--db", str(db), "--json"]).stdout.splitlines()]
    assert data
    out = runner.invoke(app, [command, "--db", str(db)], env={"COLUMNS": columns})
    assert out.exit_code == 0, out.output
    lines = [BORDER.sub(" ", line) for line in out.stdout.splitlines()]
    assert max(len(line) for line in out.stdout.splitlines()) <= int(columns)
    assert ("┃" in out.stdout) == (columns == "200")  # a table when wide, stacked records when not
    shown = {w.strip(",;:[]()") for line in lines for w in line.split()}  # lists joined by ", ", conditions in [if: ...]
    for row in data:
        for field in LISTINGS[command]:
            for word in _words(row[field]):
                assert word.strip(",;:[]()") in shown, f"{command} at {columns} columns: {word!r} ({field}) is split or missing"


def test_search_at_80_columns_keeps_words_whole(db: Path) -> None:
    out = runner.invoke(app, ["search", "decontamination", "--db", str(db)], env={"COLUMNS": "80"})
    assert out.exit_code == 0, out.output
    shown = {w for line in out.stdout.splitlines() for w in line.split()}
    assert {"Restoration", "pledges", "decontamination", "backtracks"} <= shown
    assert out.stdout.splitlines()[0] == "2 articles matching 'decontamination'"


def test_a_cut_listing_says_how_much_it_left_out(db: Path) -> None:
    table = runner.invoke(app, ["claims", "--db", str(db), "--limit", "1"], env={"COLUMNS": "80"})
    assert table.stdout.splitlines()[0] == "1 of 2 claims (use --limit)"
    whole = runner.invoke(app, ["claims", "--db", str(db)], env={"COLUMNS": "80"})
    assert whole.stdout.splitlines()[0] == "2 claims"
    cut = runner.invoke(app, ["quotes", "--db", str(db), "--json", "--limit", "1"])
    assert len(cut.stdout.splitlines()) == 1 and json.loads(cut.stdout)["kind"] == "direct"  # stdout stays JSON
    assert cut.stderr.strip() == "1 of 2 quotes (use --limit)"
    assert runner.invoke(app, ["quotes", "--db", str(db), "--json"]).stderr == ""


def test_the_stacked_record_puts_its_head_first_and_labels_the_rest(db: Path) -> None:
    out = runner.invoke(app, ["claims", "--db", str(db)], env={"COLUMNS": "80"}).stdout.splitlines()
    head = out.index(f"2025-03-18 · {FUND} · willing · AGREE")
    assert out[head + 1].startswith("  claim      underwrite decontamination")
    assert any(line.startswith("  condition  if the environmental inspectorate") for line in out[head:])
    assert any(re.fullmatch(r"  source     [0-9a-f]{16}:\d+-\d+", line) for line in out[head:])
