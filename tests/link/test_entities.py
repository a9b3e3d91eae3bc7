"""Cross-article entity resolution and the user's merges and splits, on hand-built records."""

from __future__ import annotations

import pytest

from storyledger.link.pipeline import link_new, relink
from storyledger.link.overrides import OverrideError, merge, split
from tests.link.records import article

MINISTER = "Valmora's transport minister"


def _entity_of(ledger, doc_id: str, name: str) -> str:
    return next(e.entity_id for e in ledger.doc_entities(doc_id) if e.name == name)


def _add(ledger, *articles):
    for a in articles:
        ledger.add(a)
    link_new(ledger)
    return [a.article.id for a in articles]


def test_spellings_and_a_role_alone_are_one_person(ledger):
    d1, d2, d3, d4 = _add(
        ledger,
        article("Arkady Dvorkovich, Valmora's transport minister, met the Harbour Workers Union in Castellan.",
                "2025-02-03", "Courier", {"Arkady Dvorkovich": [MINISTER]}, {"Castellan": "place"}),
        article("Dvorkovych said the port of Castellan would reopen.", "2025-02-05", "Times",
                {"Dvorkovych": []}, {"Castellan": "place"}),
        article("Minister Arkadiy Dvorkovitch visited Castellan on Friday.", "2025-02-07", "Ledger",
                {"Arkadiy Dvorkovitch": []}, {"Castellan": "place"}),
        article("The transport minister of Valmora said talks would resume in Castellan.", "2025-02-09", "Wire",
                {"The transport minister of Valmora": []}, {"Castellan": "place"}),
    )
    ids = {_entity_of(ledger, d1, "Arkady Dvorkovich"), _entity_of(ledger, d2, "Dvorkovych"),
           _entity_of(ledger, d3, "Arkadiy Dvorkovitch"), _entity_of(ledger, d4, "The transport minister of Valmora")}
    assert len(ids) == 1
    entity = ledger.ledger_entity(ids.pop())
    assert entity.name == "Arkady Dvorkovich"
    assert set(entity.aliases) == {"Arkady Dvorkovich", "Dvorkovych", "Arkadiy Dvorkovitch",
                                   "The transport minister of Valmora"}


def test_namesake_with_other_role_in_other_company_is_kept_apart(ledger):
    d1, d2, d3 = _add(
        ledger,
        article("Dana Okafor, general secretary of the Harbour Workers Union, led the strike in Castellan "
                "against the Valmora government and the Port Authority.", "2025-02-03", "Courier",
                {"Dana Okafor": ["general secretary of the Harbour Workers Union"]},
                {"Castellan": "place", "Valmora": "place", "Port Authority": "organisation"}),
        article("Dana Okafor, the union's general secretary, said the strike in Castellan would go on.",
                "2025-02-05", "Times", {"Dana Okafor": ["the union's general secretary"]},
                {"Castellan": "place"}),
        article("Dana Okafor, a nurse from Pellham, won the Pellham marathon ahead of Lise Varga and the "
                "Pellham Harriers runners.", "2025-04-06", "Sports",
                {"Dana Okafor": ["a nurse from Pellham"], "Lise Varga": []},
                {"Pellham": "place", "Pellham Harriers": "organisation"}),
    )
    leader, leader2, runner = (_entity_of(ledger, d, "Dana Okafor") for d in (d1, d2, d3))
    assert leader == leader2
    assert runner != leader


def test_same_name_without_contrary_evidence_is_one_person(ledger):
    d1, d2 = _add(
        ledger,
        article("Ines Halvorsen demanded tests of Lake Orrin.", "2025-03-10", "Gazette", {"Ines Halvorsen": []},
                {"Lake Orrin": "place"}),
        article("Mayor Ines Halvorsen closed the beaches.", "2025-03-18", "Ledger", {"Ines Halvorsen": ["Mayor"]}),
    )
    assert _entity_of(ledger, d1, "Ines Halvorsen") == _entity_of(ledger, d2, "Ines Halvorsen")


def test_different_first_names_are_different_people(ledger):
    d1, d2 = _add(
        ledger,
        article("Lise Varga finished second in Pellham.", "2025-04-06", "Sports", {"Lise Varga": []}),
        article("Marta Varga opened a bakery in Pellham.", "2025-04-08", "Sports", {"Marta Varga": []}),
    )
    assert _entity_of(ledger, d1, "Lise Varga") != _entity_of(ledger, d2, "Marta Varga")


def test_acronym_meets_full_name(ledger):
    d1, d2 = _add(
        ledger,
        article("The Harbour Workers Union called a strike.", "2025-02-03", "Courier",
                things={"Harbour Workers Union": "organisation"}),
        article("The HWU said pickets would stay.", "2025-02-04", "Times", things={"HWU": "organisation"}),
    )
    assert _entity_of(ledger, d1, "Harbour Workers Union") == _entity_of(ledger, d2, "HWU")


def test_merge_survives_new_articles_and_relink(ledger):
    d1, d2 = _add(
        ledger,
        article("Valmora signed the treaty.", "2025-01-01", "Courier", things={"Valmora": "place"}),
        article("The Valmoran Republic signed the treaty.", "2025-01-02", "Times",
                things={"Valmoran Republic": "place"}),
    )
    assert _entity_of(ledger, d1, "Valmora") != _entity_of(ledger, d2, "Valmoran Republic")
    merged = merge(ledger, "Valmora", "Valmoran Republic")
    assert _entity_of(ledger, d2, "Valmoran Republic") == merged.id
    (d3,) = _add(ledger, article("The Valmoran Republic ratified it.", "2025-01-05", "Wire",
                                 things={"Valmoran Republic": "place"}))
    assert _entity_of(ledger, d3, "Valmoran Republic") == merged.id
    relink(ledger)
    assert {_entity_of(ledger, d, n) for d, n in ((d1, "Valmora"), (d2, "Valmoran Republic"),
                                                  (d3, "Valmoran Republic"))} == {merged.id}


def test_split_survives_new_articles_and_relink(ledger):
    d1, d2 = _add(
        ledger,
        article("Tomas Brekke won the race.", "2025-04-06", "Sports", {"Tomas Brekke": []}),
        article("Brekke said he trained all winter.", "2025-04-07", "Sports", {"Brekke": []}),
    )
    original = _entity_of(ledger, d1, "Tomas Brekke")
    assert _entity_of(ledger, d2, "Brekke") == original
    new = split(ledger, original, name="Brekke")
    assert _entity_of(ledger, d2, "Brekke") == new.id != original
    (d3,) = _add(ledger, article("Brekke opened a shop.", "2025-05-01", "Courier", {"Brekke": []}))
    assert _entity_of(ledger, d3, "Brekke") == new.id
    relink(ledger)
    assert _entity_of(ledger, d1, "Tomas Brekke") == original
    assert _entity_of(ledger, d2, "Brekke") == _entity_of(ledger, d3, "Brekke") == new.id


def test_overrides_refuse_what_makes_no_sense(ledger):
    _add(ledger, article("Tomas Brekke won.", "2025-04-06", "Sports", {"Tomas Brekke": []}))
    with pytest.raises(OverrideError, match="no entity"):
        merge(ledger, "Tomas Brekke", "Nobody Here")
    with pytest.raises(OverrideError, match="already one entity"):
        merge(ledger, "Tomas Brekke", "Tomas Brekke")
    with pytest.raises(OverrideError, match="every mention"):
        split(ledger, "Tomas Brekke", name="Tomas Brekke")


def test_a_later_merge_undoes_an_earlier_split_after_relink(ledger):
    d1, d2 = _add(
        ledger,
        article("Tomas Brekke won the race.", "2025-04-06", "Sports", {"Tomas Brekke": []}),
        article("Brekke said he trained all winter.", "2025-04-07", "Sports", {"Brekke": []}),
    )
    original = _entity_of(ledger, d1, "Tomas Brekke")
    new = split(ledger, original, name="Brekke")
    merge(ledger, original, new.id)
    relink(ledger)
    assert _entity_of(ledger, d2, "Brekke") == _entity_of(ledger, d1, "Tomas Brekke") == original
