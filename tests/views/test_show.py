"""`storyledger show DOC:START-END`: the source every table prints leads to its marked text; an
ambiguous prefix lists what it could mean."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyledger.store import open_ledger
from storyledger.views.cli.app import app

sys.path.insert(0, str(Path(__file__).parent / "web"))
from conftest import PORTS, build_ledger, ports_article, ports_later_article  # noqa: E402

runner = CliRunner()
EVIDENCE = "Jane Roe will reopen the northern ports on Friday if the talks succeed."


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_ledger(tmp_path / "ledger.db", [ports_article(), ports_later_article()])


def _claim_source(db: Path) -> str:
    row = json.loads(runner.invoke(app, ["claims", "--db", str(db), "--json", "--actor", "Roe"]).stdout.splitlines()[0])
    return f"{row['document_id']}:{row['evidence_start']}-{row['evidence_end']}"


def test_a_tables_source_shows_the_article_with_the_span_marked(db: Path) -> None:
    source = _claim_source(db)
    out = runner.invoke(app, ["show", source, "--db", str(db)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert f"⟦{EVIDENCE}⟧" in out.stdout  # no colours in a pipe: the span is bracketed
    assert "Ports minister Jane Roe said" in out.stdout and "The Dock Union ruled out" in out.stdout  # whole article
    assert "claim c1: Jane Roe · committed · COOPERATE · reopen the northern ports" in out.stdout


def test_context_prints_only_the_sentence_and_its_neighbours(db: Path) -> None:
    source = _claim_source(db)
    alone = runner.invoke(app, ["show", source, "--db", str(db), "--context", "0"], env={"COLUMNS": "200"}).stdout
    assert f"… ⟦{EVIDENCE}⟧ …" in alone
    assert "Ports minister" not in alone and "Dock Union ruled" not in alone
    wider = runner.invoke(app, ["show", source, "--db", str(db), "--context", "1"], env={"COLUMNS": "200"}).stdout
    assert "Ports minister Jane Roe said" in wider and "The Dock Union ruled out a strike this month." in wider


def test_a_quotes_span_inside_a_sentence(db: Path) -> None:
    row = json.loads(runner.invoke(app, ["quotes", "--db", str(db), "--json", "--doc",
                                         _claim_source(db)[:6]]).stdout.splitlines()[0])
    out = runner.invoke(app, ["show", f"{row['document_id']}:{row['start']}-{row['end']}", "--db", str(db),
                              "--context", "0"], env={"COLUMNS": "200"}).stdout
    assert "\nPorts minister Jane Roe said the harbour plan was “⟦ready to go⟧”. …\n" in out  # the first sentence
    assert "quote q1 (partial) by Jane Roe" in out


def test_bad_spans_and_unknown_ids_say_what_is_wrong(db: Path) -> None:
    doc = _claim_source(db).split(":")[0]
    out = runner.invoke(app, ["show", f"{doc}:10-99999", "--db", str(db)])
    assert out.exit_code == 1 and f"span 10-99999 is outside document {doc}, whose text has {len(PORTS)}" in out.output
    out = runner.invoke(app, ["show", "ffffffffffffffff", "--db", str(db)])
    assert out.exit_code == 1 and "no document 'ffffffffffffffff'" in out.output
    out = runner.invoke(app, ["show", doc, "--context", "1", "--db", str(db)])
    assert out.exit_code == 2 and "--context needs a span" in out.output
    out = runner.invoke(app, ["show", "doc:1-x", "--db", str(db)])
    assert out.exit_code == 2


def test_an_ambiguous_prefix_lists_the_documents_it_could_mean(tmp_path: Path) -> None:
    articles = []
    for i in range(17):  # 17 ids over 16 hex digits: two share their first
        a = ports_article()
        a.article.text = PORTS + f"\n\nUpdate {i}."
        a.article.title = f"Ports to reopen, update {i}"
        a.article.source = f"p{i}.txt"
        articles.append(a)
    db = build_ledger(tmp_path / "many.db", articles)
    with open_ledger(db) as led:
        ids = [d.id for d in led.document_page(limit=50).items]
    first, n = Counter(i[0] for i in ids).most_common(1)[0]
    out = runner.invoke(app, ["show", first, "--db", str(db)], env={"COLUMNS": "200"})
    assert out.exit_code == 1
    assert f"'{first}' is the start of {n} document ids; give more of the id:" in out.output
    listed = [line.split()[0] for line in out.output.splitlines()[1:] if line.startswith("  ")]
    assert listed == sorted(i for i in ids if i.startswith(first))
    assert "Ports to reopen, update" in out.output
    assert runner.invoke(app, ["quotes", "--doc", first, "--db", str(db)]).exit_code == 1  # --doc says the same
