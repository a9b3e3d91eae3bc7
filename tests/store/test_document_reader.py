"""DocumentReader: one document, pages of them, their mentions, search, outlets and coverage."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from storyledger.records import DateSource, EntityType
from storyledger.store import Ledger
from storyledger.store.read_models import Coverage, DocumentView, MentionSpan, OutletCount
from tests.store.world import STRIKE, World


def test_one_document_with_its_text_and_sources(ledger: Ledger, stored: World) -> None:
    doc = ledger.document(stored.strike)
    assert doc is not None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", doc.ingested_at)
    assert replace(doc, ingested_at="") == DocumentView(
        id=stored.strike, title="Castellan port to reopen if strike ends", outlet="Castellan Courier",
        url="https://courier.example/strike", authors=["Mira Stone"], published=date(2025, 2, 3),
        published_source=DateSource.METADATA, language="en", format="html", source="strike.html", ingested_at="",
        text=STRIKE, sources=["strike.html"],
    )


def test_a_document_by_unique_prefix_only(ledger: Ledger, stored: World) -> None:
    assert ledger.document(stored.lake[:6]).id == stored.lake  # type: ignore[union-attr]
    assert stored.talks[0] == stored.copy[0] == "4"
    assert ledger.document("4") is None  # two documents start so
    assert ledger.document("0123456789abcdef") is None


def test_document_pages_newest_first_undated_last(ledger: Ledger, stored: World) -> None:
    page = ledger.document_page()
    same_day = sorted([stored.talks, stored.copy])
    assert [d.id for d in page.items] == [stored.lake, *same_day, stored.strike, stored.mayor]
    assert (page.total, page.next_offset, page.prev_offset) == (5, None, None)
    assert all(d.text is None and d.sources == [] for d in page.items)  # a page does not carry the texts
    second = ledger.document_page(limit=2, offset=2)
    assert [d.id for d in second.items] == [same_day[1], stored.strike]
    assert (second.total, second.next_offset, second.prev_offset) == (5, 4, 0)


def test_document_pages_by_outlet_and_scope(ledger: Ledger, stored: World) -> None:
    assert [d.id for d in ledger.document_page(outlet="Meridian Press").items] == [stored.talks]
    scoped = ledger.document_page(document_ids=[stored.mayor, stored.strike])
    assert ([d.id for d in scoped.items], scoped.total) == ([stored.strike, stored.mayor], 2)
    assert ledger.document_page(document_ids=[]).items == []


def test_mentions_in_text_order_with_their_ledger_entity(ledger: Ledger, world: World) -> None:
    assert ledger.document_mentions(world.strike) == [
        MentionSpan(19, 36, "Arkady Dvorkovich", "Edvorkovich", "Arkady Dvorkovich", EntityType.PERSON),
        MentionSpan(64, 73, "Castellan", "Ecastellan", "Castellan", EntityType.PLACE),
        MentionSpan(104, 125, "Harbour Workers Union", "Eunion", "Harbour Workers Union", EntityType.ORGANISATION),
        MentionSpan(169, 179, "Dvorkovich", "Edvorkovich", "Arkady Dvorkovich", EntityType.PERSON),
        MentionSpan(197, 208, "Dana Okafor", "Eokafor", "Dana Okafor", EntityType.PERSON),
    ]


def test_mentions_before_linking_name_the_document_entity(ledger: Ledger, stored: World) -> None:
    in_the_quote = ledger.document_mentions(stored.strike)[3]
    assert in_the_quote == MentionSpan(169, 179, "Dvorkovich", None, "Arkady Dvorkovich", EntityType.PERSON)


def test_search_finds_stemmed_words_and_marks_them(ledger: Ledger, stored: World) -> None:
    page = ledger.search("reopen port")
    assert page.total == 3
    assert sorted(h.document.id for h in page.items) == sorted([stored.strike, stored.talks, stored.copy])
    for hit in page.items:
        assert "\ue000" in hit.snippet and hit.document.text is None
    (ready,) = ledger.search("ready").items
    assert "\ue000ready\ue001" in ready.snippet
    assert "[ready] to talk" in ready.bracketed
    assert ledger.search("ready", offset=1).items == []


def test_search_falls_back_to_plain_words(ledger: Ledger, stored: World) -> None:
    hits = ledger.search('"Okafor')  # an unbalanced quote is no valid query
    assert sorted(h.document.id for h in hits.items) == sorted([stored.strike, stored.talks, stored.copy])
    assert ledger.search('"unbalanced AND (').total == 0
    assert ledger.search("   ").total == 0


def test_outlets_by_documents_published(ledger: Ledger, stored: World) -> None:
    assert ledger.outlets() == [OutletCount(o, 1) for o in ("Castellan Courier", "Meridian Press", "Northern Ledger",
                                                            "Orrin Gazette")]
    assert ledger.outlets([stored.copy, stored.mayor]) == [OutletCount("Northern Ledger", 1)]


def test_coverage_counts_copies_once(ledger: Ledger, stored: World) -> None:
    assert ledger.coverage() == Coverage(date(2025, 2, 3), date(2025, 3, 18), 5, 5)
    ledger.set_duplicate(stored.copy, stored.talks, 0.9)
    ledger.set_duplicate(stored.talks, stored.talks, 1.0)
    assert ledger.coverage() == Coverage(date(2025, 2, 3), date(2025, 3, 18), 4, 5)


def test_count_knows_only_the_annotation_tables(ledger: Ledger) -> None:
    assert ledger.count("documents") == 0
    with pytest.raises(ValueError, match="unknown table"):
        ledger.count("positions")
