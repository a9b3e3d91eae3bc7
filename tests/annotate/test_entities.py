"""Canonical entities, roles and metonyms on the seed article and hand-built text."""

from __future__ import annotations

import pytest

from storyledger.annotate import annotate
from storyledger.records import Article, EntityType


@pytest.fixture(scope="module")
def seed0(seed_000, nlp):
    text = seed_000.read_text(encoding="utf-8")
    return text, annotate(Article(source="000", text=text), nlp)


def _entity(result, name):
    return next(e for e in result.entities if e.name == name)


def test_seed_000_people_merge_with_honorifics_and_titles(seed0):
    _, result = seed0
    starmer = _entity(result, "Keir Starmer")
    assert {"Keir Starmer", "Keir", "The prime minister"} <= set(starmer.aliases)
    assert not [e for e in result.entities if e.name in ("Keir", "Sir Keir", "Starmer")]
    trump = _entity(result, "Donald Trump")
    assert {"Trump", "the US president"} <= set(trump.aliases)
    assert "Zelensky" in _entity(result, "Volodymyr Zelensky").aliases
    assert "Putin" in _entity(result, "Vladimir Putin").aliases


def test_seed_000_roles_with_evidence(seed0):
    text, result = seed0
    expected = {"Emmanuel Macron": "French President", "Mark Rutte": "Nato Secretary General",
                "Tony Radakin": "UK’s chief of defence staff", "Keir Starmer": "prime minister",
                "Donald Trump": "US President"}
    for name, role in expected.items():
        roles = _entity(result, name).roles
        hit = next(r for r in roles if r.text == role)
        assert text[hit.start:hit.end] == role


def test_seed_000_places_and_bodies(seed0):
    text, result = seed0
    assert _entity(result, "Crimea").type == EntityType.PLACE
    russia = _entity(result, "Russia")
    moscow = text.index("Moscow")
    assert any(m.entity_id == russia.id and m.start == moscow for m in result.mentions)
    downing = _entity(result, "Downing Street")
    assert downing.type == EntityType.ORGANISATION
    assert downing.roles[0].text == "United Kingdom government"
    first = text.index("Downing Street has said")
    assert any(m.entity_id == downing.id and m.start == first for m in result.mentions)
    uk = _entity(result, "United Kingdom")
    assert {"UK", "United Kingdom"} <= set(uk.aliases)


def test_country_adjectives_join_the_country(nlp):
    text = "British troops landed. Britain said the UK would stay. The French minister agreed with France."
    result = annotate(Article(source="t", text=text), nlp)
    uk = _entity(result, "United Kingdom")
    assert {"British", "Britain", "UK"} <= set(uk.aliases)
    assert [e.name for e in result.entities if e.type == EntityType.PLACE].count("France") == 1


def test_every_mention_points_into_the_text(seed0):
    text, result = seed0
    ids = {e.id for e in result.entities}
    for m in result.mentions:
        assert m.entity_id in ids and text[m.start:m.end] == m.text
