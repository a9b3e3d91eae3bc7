"""The same corpus ingested in any order gives the same ledger: the same partition of document
entities into ledger entities (with the same ids) and the same stories. Real pipeline, made-up
articles (tests/link/corpus/articles.jsonl), three shuffled orders."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from storyledger.store import open_ledger
from tests.link.conftest import CORPUS


def _ledger_in_order(tmp_path: Path, seed: int) -> tuple[dict[tuple[str, str], str], set[frozenset[str]]]:
    from storyledger.ingest import ingest

    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    random.Random(seed).shuffle(lines)
    source = tmp_path / f"order{seed}.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_ledger(tmp_path / f"ledger{seed}.db") as ledger:
        report = ingest([str(source)], ledger)
        assert report.ok, report.failed
        entities = {}
        stories: dict[str, set[str]] = {}
        for doc_id in (d.id for d in ledger.document_page(limit=100).items):
            for e in ledger.doc_entities(doc_id):
                entities[(e.document_id, e.local_id)] = e.entity_id
            stories.setdefault(ledger.story_of(doc_id), set()).add(doc_id)
    return entities, {frozenset(s) for s in stories.values()}


@pytest.fixture(scope="module")
def orders(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("orders")
    return [_ledger_in_order(tmp, seed) for seed in (1, 2, 3)]


def test_the_same_entities_in_any_order(orders):
    first, *rest = orders
    assert len(first[0]) >= 40 and None not in first[0].values()
    for other in rest:
        assert other[0] == first[0]


def test_the_same_stories_in_any_order(orders):
    first, *rest = orders
    assert len(first[1]) == 3
    for other in rest:
        assert other[1] == first[1]
