"""End to end: made-up wire copy on two stories (tests/link/corpus/positions/articles.jsonl; the analyst's
marks are in marks.jsonl beside it) through the real pipeline (extract, annotate, link), and the timeline
an analyst would mark on it: a refusal repeated over three months then reversed, a wire story carried
twice, a conditional offer whose condition is met, two sentences of one article that never make a change,
and talks suspended then resumed: plain past events, which the claims guide keeps out of the ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyledger.store import open_ledger
from storyledger.store.read_models import TimelineLine

CORPUS = Path(__file__).parent / "corpus" / "positions" / "articles.jsonl"
KEYS = {(r["title"], r["outlet"]): r["id"] for r in map(json.loads, CORPUS.read_text().splitlines())}


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[TimelineLine]:
    from storyledger.ingest import ingest

    with open_ledger(tmp_path_factory.mktemp("positions") / "ledger.db") as led:
        assert ingest([str(CORPUS)], led).ok
        titles = {d.id: (d.title, d.outlet) for d in led.document_page(limit=100).items}
        found = led.timeline_lines()
        for line in found:  # name each line's article by its key in the corpus, for readable expectations
            line.document_id = KEYS[titles[line.document_id]]
            if line.earlier:
                line.earlier.document_id = KEYS[titles[line.earlier.document_id]]
        return found


def _steps(lines: list[TimelineLine], actor: str, words: str) -> list[tuple[str, str, str | None]]:
    return [(t.document_id, t.mark_label, t.earlier.document_id if t.earlier else None)
            for t in lines if t.actor == actor and words in t.claim]


def test_a_refusal_repeated_over_three_months_then_reversed(lines):
    assert _steps(lines, "Norland", "offer") == [
        ("t1", "new", None), ("t2", "repeated", "t1"), ("t3", "repeated", "t2"), ("t4", "changed (reversed)", "t3"),
    ]
    (accepted,) = [t for t in lines if t.document_id == "t4" and t.actor == "Norland"]
    assert accepted.also_in == ["Valley Times"]  # the wire copy is one statement, shown once
    assert not [t for t in lines if t.document_id == "t4b"]


def test_talks_suspended_then_resumed_are_events_not_positions(lines):
    assert _steps(lines, "Valdonia", "talks") == []
    assert _steps(lines, "Velmora", "mediation") == []


def test_an_offer_whose_condition_is_met_says_so(lines):
    assert _steps(lines, "Tarsen Front", "detainees") == [("c1", "new", None), ("c3", "changed (condition met)", "c1")]


def test_two_sentences_of_one_article_never_make_a_change(lines):
    assert _steps(lines, "Ostmark", "ceasefire") == [("c2", "new", None), ("c2", "new", None)]
    assert not [t for t in lines if t.earlier and t.earlier.document_id == t.document_id]


def test_the_changes_are_the_ones_an_analyst_marks(lines):
    assert sorted((t.document_id, t.mark_label) for t in lines if t.mark == "changed") == [
        ("c3", "changed (condition met)"), ("t4", "changed (reversed)")]
