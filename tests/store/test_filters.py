"""Date and outlet filters (DocumentFilter) on every list read, the counts and articles-per-day a page
shows above its lists, and what an ambiguous id prefix could mean."""

from __future__ import annotations

from datetime import date

from storyledger.store import Ledger
from storyledger.store.read_models import DayCount, DocumentFilter, LedgerCounts
from tests.store.world import DVORKOVICH, LAKE_STORY, OKAFOR, PORT_STORY, World

FEBRUARY = DocumentFilter(since=date(2025, 2, 1), until=date(2025, 2, 28))


def test_documents_by_date_range_and_outlet(ledger: Ledger, stored: World) -> None:
    feb = ledger.document_page(within=FEBRUARY)
    assert sorted(d.id for d in feb.items) == sorted([stored.strike, stored.talks, stored.copy]) and feb.total == 3
    since = ledger.document_page(within=DocumentFilter(since=date(2025, 2, 10)))
    assert {d.id for d in since.items} == {stored.talks, stored.copy, stored.lake}  # the undated one is left out
    assert [d.id for d in ledger.document_page(within=DocumentFilter(outlet="Northern Ledger")).items] == [stored.copy]
    assert ledger.document_page(within=DocumentFilter(until=date(2025, 2, 2))).total == 0
    assert ledger.document_page(within=DocumentFilter()).total == 5  # an empty filter filters nothing


def test_claims_quotes_and_statements_follow_their_article(ledger: Ledger, world: World) -> None:
    march = DocumentFilter(since=date(2025, 3, 1))
    assert [(c.document_id, c.id) for c in ledger.claim_page(within=march).items] == [(world.lake, "c1")]
    assert ledger.quote_page(within=march).total == 0
    meridian = DocumentFilter(outlet="Meridian Press")
    assert [q.document_id for q in ledger.quote_page(within=meridian).items] == [world.talks]
    statements = ledger.statement_page(within=meridian)
    assert statements.total == 3 and {s.document_id for s in statements.items} == {world.talks}
    assert ledger.claim_page(entity_id=DVORKOVICH.id, within=FEBRUARY).total == 3


def test_search_and_stories_within_a_filter(ledger: Ledger, world: World) -> None:
    assert ledger.search("strike").total == 3
    assert [h.document.id for h in ledger.search("strike", within=DocumentFilter(outlet="Castellan Courier")).items] \
        == [world.strike]
    assert [s.id for s in ledger.story_page(within=DocumentFilter(since=date(2025, 3, 1))).items] == [LAKE_STORY]
    assert [s.id for s in ledger.story_page(within=FEBRUARY).items] == [PORT_STORY]
    assert ledger.story_page().total == 2


def test_counts_of_the_ledger_a_story_and_an_entity(ledger: Ledger, world: World) -> None:
    assert ledger.counts() == LedgerCounts(documents=4, copies=5, outlets=4, quotes=3, claims=8, entities=7,
                                           first=date(2025, 2, 3), last=date(2025, 3, 18))
    port = ledger.story_document_ids(PORT_STORY)
    assert ledger.counts(port) == LedgerCounts(documents=2, copies=3, outlets=3, quotes=3, claims=6, entities=4,
                                               first=date(2025, 2, 3), last=date(2025, 2, 10))
    okafor = ledger.counts(entity_id=OKAFOR.id)  # her articles, her own quotes and claims
    assert (okafor.copies, okafor.quotes, okafor.claims) == (3, 2, 1)
    assert ledger.counts(within=DocumentFilter(outlet="Orrin Gazette")).claims == 1


def test_articles_per_day_and_outlet(ledger: Ledger, world: World) -> None:
    assert ledger.daily_counts() == [
        DayCount(date(2025, 2, 3), "Castellan Courier", 1), DayCount(date(2025, 2, 10), "Meridian Press", 1),
        DayCount(date(2025, 2, 10), "Northern Ledger", 1), DayCount(date(2025, 3, 18), "Orrin Gazette", 1),
    ]  # the undated article is in no day
    assert ledger.daily_counts(entity_id=DVORKOVICH.id, within=DocumentFilter(outlet="Meridian Press")) == [
        DayCount(date(2025, 2, 10), "Meridian Press", 1)]


def test_a_later_version_of_an_article_is_not_another_article(ledger: Ledger, stored: World) -> None:
    ledger.record_version(stored.talks, "https://press.example/talks", None)
    ledger.record_version(stored.copy, "https://press.example/talks", None)
    assert sum(c.documents for c in ledger.daily_counts()) == 3


def test_documents_an_id_prefix_could_mean(ledger: Ledger, stored: World) -> None:
    assert stored.talks[0] == stored.copy[0] == "4"
    four = ledger.documents_by_prefix("4")
    assert ([d.id for d in four.items], four.total) == (sorted([stored.talks, stored.copy]), 2)
    assert ledger.documents_by_prefix("4", limit=1).total == 2 and len(ledger.documents_by_prefix("4", limit=1).items) == 1
    assert ledger.documents_by_prefix("%").total == 0  # no wildcard
    assert [d.id for d in ledger.documents_by_prefix(stored.lake).items] == [stored.lake]
