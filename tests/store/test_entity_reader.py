"""EntityReader: ledger entities with their mention counts, where they appear, who acts in claims."""

from __future__ import annotations

from storyledger.records import EntityType
from storyledger.store import Ledger
from storyledger.store.read_models import ActorCount, EntityView, OutletCount
from tests.store.world import World

DVORKOVICH = EntityView("Edvorkovich", "Arkady Dvorkovich", EntityType.PERSON, ["Arkady Dvorkovich", "Dvorkovich"],
                        ["Transport minister"], 4, 3)


def test_entities_most_mentioned_first(ledger: Ledger, world: World) -> None:
    page = ledger.entity_page()
    assert page.items[0] == DVORKOVICH
    assert [(e.name, e.mentions, e.documents) for e in page.items] == [
        ("Arkady Dvorkovich", 4, 3), ("Dana Okafor", 3, 3), ("Harbour Workers Union", 3, 3), ("Lake Orrin", 2, 2),
        ("Brightwater Chemicals", 1, 1), ("Castellan", 1, 1), ("Ines Halvorsen", 1, 1),
    ]
    assert page.total == 7
    assert [e.name for e in ledger.entity_page(limit=2, offset=5).items] == ["Castellan", "Ines Halvorsen"]


def test_entity_filters_match_names_and_aliases_literally(ledger: Ledger, world: World) -> None:
    assert [e.id for e in ledger.entity_page(name="dvorkovich").items] == ["Edvorkovich"]
    assert [e.id for e in ledger.entity_page(name="okafor").items] == ["Eokafor"]
    assert ledger.entity_page(name="%").total == 0
    assert [e.name for e in ledger.entity_page(type=EntityType.PLACE).items] == ["Lake Orrin", "Castellan"]
    assert [e.name for e in ledger.entity_page(name="a", type="organisation").items] == [
        "Harbour Workers Union", "Brightwater Chemicals"]


def test_one_entity(ledger: Ledger, world: World) -> None:
    assert ledger.entity("Edvorkovich") == DVORKOVICH
    assert ledger.entity("Enobody") is None


def test_outlets_citing_an_entity(ledger: Ledger, world: World) -> None:
    assert ledger.entity_outlets("Edvorkovich") == [
        OutletCount("Castellan Courier", 1), OutletCount("Meridian Press", 1), OutletCount("Northern Ledger", 1)]
    assert ledger.entity_outlets("Ehalvorsen") == [OutletCount("(outlet unknown)", 1)]


def test_actors_by_claims(ledger: Ledger, world: World) -> None:
    assert ledger.actors() == [
        ActorCount("Edvorkovich", "Arkady Dvorkovich", 3), ActorCount("Eunion", "Harbour Workers Union", 2),
        ActorCount("Ebrightwater", "Brightwater Chemicals", 1), ActorCount("Eokafor", "Dana Okafor", 1),
        ActorCount("Ehalvorsen", "Ines Halvorsen", 1),
    ]
    assert [a.entity_id for a in ledger.actors([world.lake, world.mayor])] == ["Ebrightwater", "Ehalvorsen"]
    assert [a.entity_id for a in ledger.actors(limit=1)] == ["Edvorkovich"]


def test_nothing_acts_before_linking(ledger: Ledger, stored: World) -> None:
    assert ledger.actors() == []
    assert ledger.entity_page().total == 0
