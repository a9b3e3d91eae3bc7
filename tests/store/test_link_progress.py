"""LinkLedger: transactions, what is left to link, and forgetting every link."""

from __future__ import annotations

from datetime import date

import pytest

from storyledger.link.records import LinkDoc, Override, OverrideKind
from storyledger.store import Ledger
from tests.store.world import LAKE, PORT_STORY, UNION, World


def test_a_transaction_commits_all_or_nothing(ledger: Ledger) -> None:
    with pytest.raises(RuntimeError), ledger.transaction():
        ledger.upsert_entity(UNION)
        raise RuntimeError("interrupted")
    assert ledger.ledger_entity(UNION.id) is None
    with ledger.transaction():
        ledger.upsert_entity(UNION)
    assert ledger.ledger_entity(UNION.id) == UNION


def test_unlinked_documents_in_stored_order(ledger: Ledger, stored: World) -> None:
    assert ledger.unlinked_documents() == [stored.strike, stored.talks, stored.copy, stored.lake, stored.mayor]
    assert ledger.n_linked() == 0
    ledger.mark_linked(stored.talks)
    ledger.mark_linked(stored.talks)
    ledger.mark_linked(stored.mayor)
    assert ledger.unlinked_documents() == [stored.strike, stored.copy, stored.lake]
    assert ledger.n_linked() == 2


def test_what_link_reads_of_a_document(ledger: Ledger, stored: World) -> None:
    assert ledger.link_doc(stored.lake) == LinkDoc(stored.lake, LAKE, "Brightwater to pay for Lake Orrin",
                                                   "Orrin Gazette", date(2025, 3, 18))
    mayor = ledger.link_doc(stored.mayor)
    assert (mayor.title, mayor.outlet, mayor.published) == (None, None, None)


def test_clearing_links_keeps_documents_and_the_users_overrides(ledger: Ledger, world: World) -> None:
    rule = Override(OverrideKind.MERGE, "Eunion", "Eokafor")
    ledger.add_override(rule)
    with ledger.transaction():
        ledger.clear_links()
    assert (ledger.count("documents"), ledger.count("claims"), ledger.count("entities")) == (5, 8, 0)
    assert ledger.n_linked() == 0 and len(ledger.unlinked_documents()) == 5
    assert all(e.entity_id is None for e in ledger.doc_entities(world.strike))
    assert ledger.story_page().total == 0 and ledger.story_of(world.strike) is None
    assert ledger.timeline_lines() == [] and ledger.n_position_claims() == 0
    assert ledger.duplicate_group(world.copy) == [world.copy]
    assert ledger.overrides() == [rule]
    assert ledger.story(PORT_STORY) is None
