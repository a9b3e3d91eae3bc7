"""EntityIndex: document entities, the ledger entities they resolve to, lookup keys, context, overrides."""

from __future__ import annotations

from datetime import date

from storyledger.link.records import DocEntity, LedgerEntity, Override, OverrideKind
from storyledger.records import EntityType
from storyledger.store import Ledger
from tests.store.world import CASTELLAN, DVORKOVICH, OKAFOR, REOPEN, STRIKE_ENDS, UNION, World


def test_a_documents_entities_most_mentioned_first(ledger: Ledger, stored: World) -> None:
    assert ledger.doc_entities(stored.strike) == [
        DocEntity(stored.strike, "e1", "Arkady Dvorkovich", EntityType.PERSON, ["Arkady Dvorkovich", "Dvorkovich"],
                  ["Transport minister"], 2, None),
        DocEntity(stored.strike, "e2", "Castellan", EntityType.PLACE, ["Castellan"], [], 1, None),
        DocEntity(stored.strike, "e3", "Harbour Workers Union", EntityType.ORGANISATION, ["Harbour Workers Union"],
                  [], 1, None),
        DocEntity(stored.strike, "e4", "Dana Okafor", EntityType.PERSON, ["Dana Okafor"], ["general secretary"], 1,
                  None),
    ]
    assert ledger.doc_entities(stored.strike)[0].names == ["Arkady Dvorkovich", "Dvorkovich"]


def test_assigning_a_document_entity(ledger: Ledger, stored: World) -> None:
    ledger.upsert_entity(CASTELLAN)
    ledger.assign_doc_entity(stored.strike, "e2", CASTELLAN.id)
    assert [e.entity_id for e in ledger.doc_entities(stored.strike)] == [None, "Ecastellan", None, None]
    (castellan,) = ledger.doc_entities_of(CASTELLAN.id)
    assert (castellan.document_id, castellan.local_id, castellan.mentions) == (stored.strike, "e2", 1)


def test_document_entities_of_a_ledger_entity_by_document(ledger: Ledger, world: World) -> None:
    found = ledger.doc_entities_of(DVORKOVICH.id)
    assert [(e.document_id, e.local_id) for e in found] == sorted([(world.strike, "e1"), (world.talks, "e3"),
                                                                   (world.copy, "e3")])
    assert {e.entity_id for e in found} == {DVORKOVICH.id}
    assert ledger.doc_entities_of("Enobody") == []


def test_upserting_replaces_names_aliases_and_roles(ledger: Ledger) -> None:
    assert ledger.ledger_entity(OKAFOR.id) is None
    ledger.upsert_entity(OKAFOR)
    assert ledger.ledger_entity(OKAFOR.id) == OKAFOR
    ledger.upsert_entity(LedgerEntity(OKAFOR.id, "Dana M. Okafor", EntityType.PERSON,
                                      ["Okafor", "Dana Okafor", "Okafor"], ["union leader", "general secretary"]))
    assert ledger.ledger_entity(OKAFOR.id) == LedgerEntity(OKAFOR.id, "Dana M. Okafor", EntityType.PERSON,
                                                           ["Dana Okafor", "Okafor"],
                                                           ["general secretary", "union leader"])


def test_entities_by_lookup_keys(ledger: Ledger) -> None:
    for entity in (DVORKOVICH, OKAFOR, UNION):
        ledger.upsert_entity(entity)
    ledger.add_entity_keys(DVORKOVICH.id, ["last:dvrkvch", "name:arkady dvorkovich", "last:dvrkvch"])
    ledger.add_entity_keys(OKAFOR.id, ["last:okfr", "role:gener secre"])
    ledger.add_entity_keys(UNION.id, ["name:hwu"])
    assert ledger.entities_by_keys(["last:okfr", "last:dvrkvch", "name:nobody"]) == [DVORKOVICH, OKAFOR]
    assert ledger.entities_by_keys([]) == []
    ledger.remove_entity_keys(DVORKOVICH.id, ["last:dvrkvch"])
    assert ledger.entities_by_keys(["last:dvrkvch"]) == []
    assert ledger.entities_by_keys(["name:arkady dvorkovich"]) == [DVORKOVICH]


def test_finding_entities_by_id_name_or_alias(ledger: Ledger, world: World) -> None:
    assert ledger.find_entities("dvorkovich") == [DVORKOVICH]  # an alias, case aside
    assert ledger.find_entities("CASTELLAN") == [CASTELLAN]
    assert ledger.find_entities("Eunion") == [UNION]
    assert ledger.find_entities("Dvork") == []


def test_context_counts_neighbours_not_itself(ledger: Ledger) -> None:
    ledger.add_entity_context(DVORKOVICH.id, [OKAFOR.id, UNION.id, DVORKOVICH.id])
    ledger.add_entity_context(DVORKOVICH.id, [OKAFOR.id])
    assert ledger.entity_neighbours(DVORKOVICH.id) == {OKAFOR.id, UNION.id}
    assert ledger.entity_neighbours(OKAFOR.id) == set()


def test_moving_an_entity_moves_every_trace(ledger: Ledger, world: World) -> None:
    ledger.add_entity_keys(UNION.id, ["name:hwu"])
    ledger.add_entity_context(UNION.id, [OKAFOR.id, DVORKOVICH.id])
    ledger.add_entity_context(OKAFOR.id, [DVORKOVICH.id])
    with ledger.transaction():
        ledger.move_entity(UNION.id, OKAFOR.id)
    assert ledger.ledger_entity(UNION.id) is None and ledger.doc_entities_of(UNION.id) == []
    assert {(e.document_id, e.local_id) for e in ledger.doc_entities_of(OKAFOR.id)} == {
        (world.strike, "e3"), (world.strike, "e4"), (world.talks, "e1"), (world.talks, "e2"), (world.copy, "e1"),
        (world.copy, "e2")}
    assert ledger.entities_by_keys(["name:hwu"]) == [OKAFOR]
    assert ledger.entity_neighbours(OKAFOR.id) == {DVORKOVICH.id}  # not itself
    assert ledger.actor_matters(OKAFOR.id) == [STRIKE_ENDS] and ledger.actor_matters(UNION.id) == []
    assert [s.document_id for s in ledger.position_sequence(OKAFOR.id, STRIKE_ENDS)] == [world.strike, world.talks,
                                                                                          world.copy]
    assert REOPEN in ledger.actor_matters(DVORKOVICH.id)


def test_overrides_in_the_order_they_were_made(ledger: Ledger) -> None:
    merge = Override(OverrideKind.MERGE, "Eunion", "Eokafor")
    split = Override(OverrideKind.SPLIT, "Eokafor", "Esplit", name_key="okafor", document_id="43343b0812f68156")
    assert ledger.overrides() == []
    ledger.add_override(merge)
    ledger.add_override(split)
    assert ledger.overrides() == [merge, split]


def test_positions_follow_an_entity_merged_on_the_same_claim(ledger: Ledger, world: World) -> None:
    """A claim placed for both entities keeps one position when one entity folds into the other."""
    ledger.add_position(world.strike, "c1", OKAFOR.id, REOPEN, date(2025, 2, 7))
    with ledger.transaction():
        ledger.move_entity(OKAFOR.id, DVORKOVICH.id)
    steps = ledger.position_sequence(DVORKOVICH.id, REOPEN)
    assert [(s.document_id, s.local_id) for s in steps] == [(world.strike, "c1"), (world.talks, "c2"),
                                                            (world.copy, "c2")]
    assert ledger.actor_matters(DVORKOVICH.id) == sorted([REOPEN, STRIKE_ENDS])
