"""EntityIndex: document entities, the ledger entities they resolve to, lookup keys, resolution records, overrides."""

from __future__ import annotations

from datetime import date

from storyledger.link.records import DocEntity, LedgerEntity, Override, OverrideKind
from storyledger.link.resolution_records import EntityRecord
from storyledger.records import EntityType
from storyledger.store import Ledger
from tests.store.world import CASTELLAN, DVORKOVICH, HALVORSEN, OKAFOR, UNION, World


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
    assert ledger.entities_by_keys(["name:arkady dvorkovich"]) == [DVORKOVICH]


def test_finding_entities_by_id_name_or_alias(ledger: Ledger, world: World) -> None:
    assert ledger.find_entities("dvorkovich") == [DVORKOVICH]  # an alias, case aside
    assert ledger.find_entities("CASTELLAN") == [CASTELLAN]
    assert ledger.find_entities("Eunion") == [UNION]
    assert ledger.find_entities("Dvork") == []


def test_overrides_in_the_order_they_were_made(ledger: Ledger) -> None:
    merge = Override(OverrideKind.MERGE, "Eunion", "Eokafor")
    split = Override(OverrideKind.SPLIT, "Eokafor", "Esplit", name_key="okafor", document_id="43343b0812f68156")
    assert ledger.overrides() == []
    ledger.add_override(merge)
    ledger.add_override(split)
    assert ledger.overrides() == [merge, split]


def test_resolution_records_are_kept_and_found_by_key(ledger: Ledger, stored: World) -> None:
    entity = ledger.doc_entities(stored.strike)[0]
    record = EntityRecord(stored.strike, entity.local_id, entity.name, entity.type, tuple(entity.aliases),
                          tuple(entity.roles), entity.mentions, date(2025, 2, 3), frozenset({"a:hwu", "p:okfr"}))
    with ledger.transaction():
        ledger.save_resolution_records([record], {record.ref: {"p:dvrkvch", "n:arkady dvorkovich"}})
    assert ledger.resolution_records("p:dvrkvch") == [record]
    assert ledger.resolution_records("p:nobody") == []
    with ledger.transaction():  # saving again replaces the record's keys
        ledger.save_resolution_records([record], {record.ref: {"p:dvrkvch"}})
    assert ledger.resolution_records("n:arkady dvorkovich") == []
    ledger.upsert_entity(DVORKOVICH)
    ledger.assign_doc_entity(stored.strike, entity.local_id, DVORKOVICH.id)
    assert ledger.resolution_records_of(DVORKOVICH.id) == [record]
    assert ledger.linked_entities([record.ref, (stored.strike, "e2")]) == {record.ref: DVORKOVICH.id}


def test_pruning_removes_only_entities_nothing_resolves_to(ledger: Ledger, world: World) -> None:
    ledger.upsert_entity(HALVORSEN)
    ledger.prune_entities([DVORKOVICH.id, "Enew"])
    assert ledger.ledger_entity(DVORKOVICH.id) == DVORKOVICH  # still the entity of three documents' entities
    ledger.upsert_entity(LedgerEntity("Enew", "Nobody", EntityType.PERSON, [], []))
    ledger.prune_entities(["Enew"])
    assert ledger.ledger_entity("Enew") is None


def test_upserting_can_change_the_type(ledger: Ledger) -> None:
    ledger.upsert_entity(UNION)
    ledger.upsert_entity(LedgerEntity(UNION.id, UNION.name, EntityType.GROUP, UNION.aliases, []))
    assert ledger.ledger_entity(UNION.id).type is EntityType.GROUP
