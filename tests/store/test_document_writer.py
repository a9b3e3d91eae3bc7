"""DocumentWriter: what ingest writes. Adding is idempotent and remembers every input."""

from __future__ import annotations

from storyledger.store import Ledger
from tests.store.world import World, lake, strike


def test_add_stores_a_new_document_once(ledger: Ledger) -> None:
    article = strike()
    assert not ledger.has_document(article.article.id)
    assert ledger.add(article) is True
    assert ledger.has_document(article.article.id)
    assert ledger.add(strike()) is False
    counts = {t: ledger.count(t) for t in ("documents", "doc_entities", "mentions", "quotes", "claims", "times")}
    assert counts == {"documents": 1, "doc_entities": 4, "mentions": 5, "quotes": 1, "claims": 2, "times": 2}


def test_adding_a_stored_document_again_notes_its_new_source(ledger: Ledger) -> None:
    ledger.add(lake())
    again = lake()
    again.article.source = "mirror/lake.txt"
    again.claims = []  # what a second reading found is not stored: the document is
    assert ledger.add(again) is False
    doc = ledger.document(again.article.id)
    assert doc is not None and doc.sources == ["lake.txt", "mirror/lake.txt"]
    assert ledger.count("claims") == 1


def test_add_source_notes_each_input_once(ledger: Ledger, stored: World) -> None:
    ledger.add_source(stored.mayor, "archive.warc:17", "https://mayor.example/tests", "ff")
    ledger.add_source(stored.mayor, "archive.warc:17", "https://mayor.example/tests", "ff")
    doc = ledger.document(stored.mayor)
    assert doc is not None and doc.sources == ["archive.warc:17", "mayor.txt"]
    assert doc.url is None  # a source's url does not rewrite the document


def test_counts_cover_the_annotation_tables(ledger: Ledger, stored: World) -> None:
    counts = {t: ledger.count(t) for t in ("documents", "entities", "doc_entities", "mentions", "quotes", "claims",
                                           "times")}
    assert counts == {"documents": 5, "entities": 0, "doc_entities": 14, "mentions": 15, "quotes": 3, "claims": 8,
                      "times": 2}
