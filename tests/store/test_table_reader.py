"""TableReader: the tables a user sees, in batches, for exports: stored columns plus what their
document-local ids resolve to, and each row's outlet and date."""

from __future__ import annotations

import json

import pytest

from storyledger.store import Ledger
from storyledger.store.interfaces import EXPORT_TABLES
from storyledger.store.read_models import Column
from tests.store.world import CLEANUP, DVORKOVICH, LAKE_STORY, MAYOR, OKAFOR, PORT_STORY, REOPEN, STRIKE, World


def _rows(ledger: Ledger, table: str) -> list[dict[str, object]]:
    names = [c.name for c in ledger.table_columns(table)]
    return [dict(zip(names, row)) for batch in ledger.table_rows(table) for row in batch]


def test_the_ledgers_name(ledger: Ledger) -> None:
    assert ledger.name == "ledger"


def test_columns_in_table_order_with_their_types(ledger: Ledger) -> None:
    assert ledger.table_columns("mentions") == [
        Column("document_id", "TEXT"), Column("local_id", "TEXT"), Column("start", "INTEGER"),
        Column("end", "INTEGER"), Column("text", "TEXT"), Column("entity_id", "TEXT"),
    ]
    assert [c.name for c in ledger.table_columns("document_sources")] == ["document_id", "source", "url",
                                                                          "raw_sha256"]
    assert all(ledger.table_columns(t) for t in EXPORT_TABLES)
    with pytest.raises(ValueError, match="unknown table"):
        ledger.table_columns("lsh_buckets")
    assert [c.name for c in ledger.table_columns("stories")] == ["id", "label", "first", "last", "n_docs"]


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


def test_quotes_and_claims_carry_ledger_entities_outlet_and_date(ledger: Ledger, world: World) -> None:
    quote = next(r for r in _rows(ledger, "quotes") if r["document_id"] == world.strike)
    assert (quote["speaker_local_id"], quote["speaker_entity_id"], quote["speaker_name"], quote["outlet"],
            quote["published"]) == ("e1", DVORKOVICH.id, "Arkady Dvorkovich", "Castellan Courier", "2025-02-03")
    claims = {(r["document_id"], r["local_id"]): r for r in _rows(ledger, "claims")}
    reopen = claims[(world.strike, "c1")]
    assert (json.loads(reopen["actor_entity_ids"]), json.loads(reopen["actor_names"])) == (
        [DVORKOVICH.id], ["Arkady Dvorkovich"])
    assert (reopen["outlet"], reopen["published"]) == ("Castellan Courier", "2025-02-03")
    assert claims[(world.mayor, "c1")]["published"] is None  # the undated article
    mention = next(r for r in _rows(ledger, "mentions") if r["text"] == "Dana Okafor")
    assert mention["entity_id"] == OKAFOR.id


def test_stories_matters_and_positions_as_a_user_sees_them(ledger: Ledger, world: World) -> None:
    stories = {r["id"]: r for r in _rows(ledger, "stories")}
    assert (stories[PORT_STORY]["label"], stories[PORT_STORY]["n_docs"]) == ("Arkady Dvorkovich · port, strike", 3)
    members = {r["document_id"]: r for r in _rows(ledger, "story_documents")}
    assert (members[world.copy]["story_id"], members[world.copy]["canonical_id"]) == (PORT_STORY, world.talks)
    assert members[world.mayor]["story_id"] == LAKE_STORY and members[world.mayor]["canonical_id"] is None
    matters = {r["id"]: r["label"] for r in _rows(ledger, "matters")}
    assert matters[REOPEN] == "reopen port" and matters[CLEANUP] == "cleanup lake"
    moved = next(r for r in _rows(ledger, "positions") if r["document_id"] == world.talks and r["local_id"] == "c2")
    assert (moved["actor_entity_id"], moved["actor_name"], moved["matter"], moved["mark"], moved["outlet"]) == (
        DVORKOVICH.id, "Arkady Dvorkovich", "reopen port", "changed", "Meridian Press")
    assert (moved["previous_document_id"], moved["previous_local_id"]) == (world.strike, "c1")


def test_nothing_is_linked_before_linking(ledger: Ledger, stored: World) -> None:
    assert {r["entity_id"] for r in _rows(ledger, "mentions")} == {None}
    assert {r["speaker_entity_id"] for r in _rows(ledger, "quotes")} == {None}
    assert _rows(ledger, "positions") == []
