"""Dedup and story clustering on a corpus of three made-up stories from six outlets, through the
real pipeline (tests/link/corpus/articles.jsonl: one JSON object per article, with outlet and date)."""

from __future__ import annotations

import json

from storyledger.link.pipeline import relink
from tests.link.conftest import CORPUS

TITLES = {json.loads(line)["id"]: json.loads(line)["title"] for line in CORPUS.read_text().splitlines()}


def _doc_id(ledger, key: str) -> str:
    return next(d.id for d in ledger.document_page(limit=100).items if d.title == TITLES[key])


def _story_of(ledger, key: str) -> str:
    return ledger.story_of(_doc_id(ledger, key))


def _story_documents(ledger) -> list[list[str]]:
    return sorted(sorted(ledger.story_document_ids(s.id)) for s in ledger.story_page(limit=10).items)


def test_wire_copies_are_one_article_with_all_sources(corpus_ledger):
    group = corpus_ledger.duplicate_group(_doc_id(corpus_ledger, "a2b"))
    assert group == [_doc_id(corpus_ledger, k) for k in ("a2", "a2b", "a2c")]
    outlets = [c.outlet for c in corpus_ledger.duplicate_sources(_doc_id(corpus_ledger, "a2c"))]
    assert outlets == ["Meridian Press", "The Valmora Times", "Northern Ledger"]
    # only the wire story has copies: every other document is alone
    documents = corpus_ledger.document_page(limit=100).items
    grouped = {d.id for d in documents if len(corpus_ledger.duplicate_group(d.id)) > 1}
    assert grouped == set(group)


def test_three_stories_exactly(corpus_ledger):
    port = {_story_of(corpus_ledger, k) for k in ("a1", "a2", "a2b", "a2c", "a3", "a4")}
    lake = {_story_of(corpus_ledger, k) for k in ("b1", "b2", "b3")}
    race = {_story_of(corpus_ledger, k) for k in ("c1",)}
    assert len(port) == len(lake) == len(race) == 1
    assert len(port | lake | race) == 3
    rows = {s.id: s for s in corpus_ledger.story_page().items}
    assert len(rows) == 3
    port_row = rows[port.pop()]
    assert (port_row.documents, port_row.copies) == (4, 6)  # the three wire copies count once
    assert port_row.outlets == ["Castellan Courier", "Meridian Press", "Northern Ledger", "The Valmora Times"]
    assert str(port_row.first) == "2025-02-03" and str(port_row.last) == "2025-02-20"


def test_labels_name_what_the_story_is_about(corpus_ledger):
    labels = {_story_of(corpus_ledger, k): corpus_ledger.story(_story_of(corpus_ledger, k)).label
              for k in ("a1", "b1", "c1")}
    port, lake, race = (labels[_story_of(corpus_ledger, k)] for k in ("a1", "b1", "c1"))
    assert "Arkady Dvorkovich" in port and "port" in port
    assert "Brightwater Chemicals" in lake and "lake" in lake
    assert "pellham" in race.lower()


def test_spellings_of_one_name_meet_across_articles(corpus_ledger):
    found = corpus_ledger.find_entities("Arkady Dvorkovych")
    assert len(found) == 1
    assert {"Arkady Dvorkovich", "Arkady Dvorkovych"} <= set(found[0].aliases)
    assert found[0].name == "Arkady Dvorkovich"


def test_relink_gives_the_same_stories(corpus_ledger):
    before = _story_documents(corpus_ledger)
    relink(corpus_ledger)
    after = _story_documents(corpus_ledger)
    assert before == after
