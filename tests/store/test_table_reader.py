"""TableReader: the annotation tables as stored, in batches, for exports."""

from __future__ import annotations

from datetime import date

import pytest

from storyledger.store import Ledger
from storyledger.store.interfaces import EXPORT_TABLES
from storyledger.store.read_models import Column
from tests.store.world import MAYOR, STRIKE, World


def test_the_ledgers_name(ledger: Ledger) -> None:
    assert ledger.name == "ledger"


def test_columns_in_table_order_with_their_types(ledger: Ledger) -> None:
    assert ledger.table_columns("mentions") == [
        Column("document_id", "TEXT"), Column("local_id", "TEXT"), Column("start", "INTEGER"),
        Column("end", "INTEGER"), Column("text", "TEXT"),
    ]
    assert [c.name for c in ledger.table_columns("document_sources")] == ["document_id", "source", "url",
                                                                          "raw_sha256"]
    assert all(ledger.table_columns(t) for t in EXPORT_TABLES)
    with pytest.raises(ValueError, match="unknown table"):
        ledger.table_columns("positions")


def test_rows_in_stored_order_batch_by_batch(ledger: Ledger, stored: World) -> None:
    batches = list(ledger.table_rows("documents", batch=2))
    assert [len(b) for b in batches] == [2, 2, 1]
    names = [c.name for c in ledger.table_columns("documents")]
    first = dict(zip(names, batches[0][0]))
    assert {k: v for k, v in first.items() if k != "ingested_at"} == {
        "id": stored.strike, "url": "https://courier.example/strike", "outlet": "Castellan Courier",
        "title": "Castellan port to reopen if strike ends", "authors": '["Mira Stone"]', "published": "2025-02-03",
        "published_source": "metadata", "language": "en", "text": STRIKE, "format": "html", "source": "strike.html",
        "raw_sha256": "a1",
    }
    assert [row[0] for batch in batches for row in batch] == [stored.strike, stored.talks, stored.copy, stored.lake,
                                                             stored.mayor]
    assert list(ledger.table_rows("entities")) == []
    with pytest.raises(ValueError, match="unknown table"):
        list(ledger.table_rows("link_state"))


def test_rows_keep_lists_as_json_text(ledger: Ledger, stored: World) -> None:
    names = [c.name for c in ledger.table_columns("claims")]
    (batch,) = ledger.table_rows("claims")
    mayor = next(dict(zip(names, row)) for row in batch if row[0] == stored.mayor)
    assert (mayor["actor_local_ids"], mayor["stance"], mayor["polarity"], mayor["evidence_text"]) == (
        '["e1"]', "demanded", "affirmed", MAYOR)


def test_linked_entity_and_publication_date(ledger: Ledger, world: World) -> None:
    assert ledger.linked_entity(world.strike, "e1") == "Edvorkovich"
    assert ledger.linked_entity(world.strike, "e9") is None
    assert ledger.published_on(world.strike) == date(2025, 2, 3)
    assert ledger.published_on(world.mayor) is None
    assert ledger.published_on("0123456789abcdef") is None


def test_nothing_is_linked_before_linking(ledger: Ledger, stored: World) -> None:
    assert ledger.linked_entity(stored.strike, "e1") is None
