"""LinkLedger: the stories documents join and the positions claims take on their matters."""

from __future__ import annotations

from datetime import date

from storyledger.link.records import Dependency, Mark, PositionClaim, PositionStep
from storyledger.records import Polarity, Stance
from storyledger.store import Ledger
from tests.store.world import CLEANUP, LAKE_STORY, MAYOR, PORT_STORY, REOPEN, STRIKE, STRIKE_ENDS, TALKS_COPY, World


def test_a_story_grows_its_dates_and_counts(ledger: Ledger, stored: World) -> None:
    ledger.add_to_story("Snew", stored.mayor, None, 1.0)
    assert ledger.story("Snew") is not None
    assert (ledger.story("Snew").first, ledger.story("Snew").last) == (None, None)  # type: ignore[union-attr]
    ledger.add_to_story("Snew", stored.talks, date(2025, 2, 10), 0.4)
    ledger.add_to_story("Snew", stored.strike, date(2025, 2, 3), 0.3)
    story = ledger.story("Snew")
    assert story is not None
    assert (story.label, story.first, story.last, story.documents, story.copies) == (
        "", date(2025, 2, 3), date(2025, 2, 10), 3, 3)
    ledger.set_story_label("Snew", "Castellan · port")
    assert ledger.story("Snew").label == "Castellan · port"  # type: ignore[union-attr]
    assert ledger.story_of(stored.talks) == "Snew" and ledger.story_of(stored.lake) is None


def test_a_storys_latest_stored_text(ledger: Ledger, world: World) -> None:
    assert ledger.story_latest_text(PORT_STORY) == "Union sets terms\n" + TALKS_COPY
    assert ledger.story_latest_text(LAKE_STORY) == "\n" + MAYOR  # an untitled document
    assert ledger.story_latest_text("Snope") == ""


def test_claims_to_place_with_their_ledger_entities(ledger: Ledger, world: World) -> None:
    assert ledger.position_claims(world.strike) == [
        PositionClaim(world.strike, "c1", "Arkady Dvorkovich", ["Edvorkovich"], "reopen the port of Castellan",
                      "Castellan", "Ecastellan", date(2025, 2, 7)),
        PositionClaim(world.strike, "c2", "Dana Okafor", ["Eokafor"], "a return to work this week", None, None,
                      date(2025, 2, 3)),
    ]
    (mayor,) = ledger.position_claims(world.mayor)
    assert (mayor.target_entity, mayor.day) == ("Elake", None)


def test_claims_before_linking_have_no_entities(ledger: Ledger, stored: World) -> None:
    (lake,) = ledger.position_claims(stored.lake)
    assert (lake.actor_entities, lake.target_entity) == ([], None)


def test_matters_count_their_claims(ledger: Ledger, world: World) -> None:
    assert ledger.n_position_claims() == 3
    ledger.add_to_matter(CLEANUP)
    ledger.add_to_matter("Mnew")
    ledger.set_matter_label("Mnew", "tests of lake")
    assert ledger.n_position_claims() == 5
    ledger.add_position(world.mayor, "c1", "Ehalvorsen", "Mnew", None)
    assert {t.matter for t in ledger.timeline_lines(document_ids=[world.mayor])} == {"tests of lake"}


def test_an_actors_sequence_on_a_matter(ledger: Ledger, world: World) -> None:
    sequence = ledger.position_sequence("Edvorkovich", REOPEN)
    assert [(s.document_id, s.local_id) for s in sequence] == [(world.strike, "c1"), (world.talks, "c2"),
                                                               (world.copy, "c2")]  # same day: linking order
    assert sequence[0] == PositionStep(world.strike, "c1", date(2025, 2, 7), Stance.COMMITTED, Polarity.AFFIRMED,
                                       "if the Harbour Workers Union ended its strike", "reopen the port of Castellan",
                                       stated=date(2025, 2, 3), canonical=world.strike, evidence=STRIKE[:143])
    assert [s.document_id for s in ledger.position_sequence("Ehalvorsen", CLEANUP)] == [world.mayor]
    assert ledger.position_sequence("Edvorkovich", CLEANUP) == []


def test_a_position_is_new_until_marked(ledger: Ledger, world: World) -> None:
    ledger.add_position(world.lake, "c1", "~brightwater", CLEANUP, date(2025, 3, 18))
    line = next(t for t in ledger.timeline_lines() if t.actor_id is None)
    assert (line.mark, line.previous) == (Mark.NEW, None)
    ledger.set_mark(world.lake, "c1", "~brightwater", Mark.CONDITION_MET, None, (world.mayor, "c1"))
    line = next(t for t in ledger.timeline_lines() if t.actor_id is None)
    assert (line.mark, line.previous) == (Mark.CONDITION_MET, f"{world.mayor}/c1")
    ledger.set_mark(world.lake, "c1", "~brightwater", Mark.REPEATED, None, None)
    line = next(t for t in ledger.timeline_lines() if t.actor_id is None)
    assert (line.mark, line.previous) == (Mark.REPEATED, None)


def test_sequences_and_matters(ledger: Ledger, world: World) -> None:
    assert ledger.story_sequences(PORT_STORY) == {("Edvorkovich", REOPEN), ("Eokafor", STRIKE_ENDS),
                                                  ("Eunion", STRIKE_ENDS)}
    assert ledger.story_sequences(LAKE_STORY) == {("Ebrightwater", CLEANUP), ("Ehalvorsen", CLEANUP)}
    assert ledger.story_sequences(None) == set()
    assert ledger.actor_matters("Edvorkovich") == [REOPEN]
    assert ledger.actor_matters("Enobody") == []


def test_moving_positions_after_a_split(ledger: Ledger, world: World) -> None:
    ledger.move_positions("Eunion", "Eunion2", [world.copy, world.lake])
    assert [s.document_id for s in ledger.position_sequence("Eunion", STRIKE_ENDS)] == [world.talks]
    assert [s.document_id for s in ledger.position_sequence("Eunion2", STRIKE_ENDS)] == [world.copy]
    assert ledger.actor_matters("Eunion2") == [STRIKE_ENDS]


def test_claims_depending_on_a_party(ledger: Ledger, world: World) -> None:
    assert ledger.dependencies_on(["Ecastellan", "Enobody"], PORT_STORY) == [
        Dependency(world.strike, "c1", date(2025, 2, 7), "reopen the port of Castellan", "Castellan")]
    assert sorted(ledger.dependencies_on(["Elake"], LAKE_STORY), key=lambda d: d.document_id != world.lake) == [
        Dependency(world.lake, "c1", date(2025, 3, 18), "pay for the cleanup of Lake Orrin", "Lake Orrin"),
        Dependency(world.mayor, "c1", None, "tests of Lake Orrin", "Lake Orrin"),
    ]
    assert ledger.dependencies_on(["Elake"], PORT_STORY) == []  # only claims of the story
    assert ledger.dependencies_on([], PORT_STORY) == [] and ledger.dependencies_on(["Ecastellan"], None) == []
