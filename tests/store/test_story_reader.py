"""StoryReader: stories, near-duplicate groups, the timeline of positions, latest positions, the chart."""

from __future__ import annotations

from datetime import date

from storyledger.link.records import Change, Mark
from storyledger.records import Polarity, Stance
from storyledger.store import Ledger
from storyledger.store.read_models import Copy, EarlierLine, LatestPosition, StoryView, TimelineLine
from tests.store.world import BRIGHTWATER, CLEANUP, LAKE, LAKE_STORY, MAYOR, PORT_STORY, REOPEN, STRIKE, STRIKE_ENDS, TALKS, World

PORT = StoryView(PORT_STORY, "Arkady Dvorkovich · port, strike", date(2025, 2, 3), date(2025, 2, 10), 2, 3,
                 ["Castellan Courier", "Meridian Press", "Northern Ledger"])
LAKE_VIEW = StoryView(LAKE_STORY, "Brightwater Chemicals · lake", date(2025, 3, 18), date(2025, 3, 18), 2, 2,
                      ["Orrin Gazette"])


def test_stories_latest_first_copies_counted_once(ledger: Ledger, world: World) -> None:
    page = ledger.story_page()
    assert (page.items, page.total) == ([LAKE_VIEW, PORT], 2)
    assert ledger.story_page(limit=1, offset=1).items == [PORT]


def test_a_story_by_id_or_unique_prefix(ledger: Ledger, world: World) -> None:
    assert ledger.story(PORT_STORY) == PORT
    assert ledger.story("Sl") == LAKE_VIEW
    assert ledger.story("S") is None  # ambiguous
    assert ledger.story("Snope") is None


def test_a_storys_documents_by_date(ledger: Ledger, world: World) -> None:
    assert ledger.story_document_ids(PORT_STORY) == [world.strike, world.talks, world.copy]
    assert ledger.story_document_ids(LAKE_STORY) == [world.lake, world.mayor]  # undated last
    assert ledger.story_document_ids("Snope") == []


def test_near_duplicate_groups(ledger: Ledger, world: World) -> None:
    assert ledger.duplicate_group(world.copy) == ledger.duplicate_group(world.talks) == [world.talks, world.copy]
    assert ledger.duplicate_group(world.strike) == [world.strike]
    assert ledger.duplicate_sources(world.copy) == [
        Copy(world.talks, "Meridian Press", "https://meridian.example/talks"),
        Copy(world.copy, "Northern Ledger", "copy.txt"),
    ]
    assert ledger.duplicate_sources(world.mayor) == [Copy(world.mayor, None, "mayor.txt")]


def test_a_timeline_line(ledger: Ledger, world: World) -> None:
    (line,) = [t for t in ledger.timeline_lines() if t.claim_id == "c2" and t.document_id == world.talks]
    start = TALKS.index("Arkady")
    assert line == TimelineLine(
        date=date(2025, 2, 10), actor="Arkady Dvorkovich", actor_id="Edvorkovich", matter_id=REOPEN,
        matter="reopen port", mark=Mark.CHANGED, stance=Stance.CONSIDERING, polarity=Polarity.AFFIRMED,
        claim="reopening the port", condition=None, evidence=TALKS[start:], document_id=world.talks, claim_id="c2",
        start=start, end=len(TALKS), outlet="Meridian Press", also_in=["Northern Ledger"],
        previous=f"{world.strike}/c1", change=Change.HARDENED, date_label="2025-02-10", published=date(2025, 2, 10),
        earlier=EarlierLine(date=date(2025, 2, 7), date_label="2025-02-07", stance=Stance.COMMITTED,
                            polarity=Polarity.AFFIRMED, claim="reopen the port of Castellan",
                            condition="if the Harbour Workers Union ended its strike", evidence=STRIKE[:143],
                            document_id=world.strike, claim_id="c1", start=0, end=143, outlet="Castellan Courier"),
    )


def test_the_timeline_in_date_order_copies_once(ledger: Ledger, world: World) -> None:
    names = world.names()
    lines = ledger.timeline_lines()
    assert [(t.date, names[t.document_id], t.claim_id, t.actor, t.mark) for t in lines] == [
        (date(2025, 2, 3), "strike", "c2", "Dana Okafor", Mark.NEW),
        (date(2025, 2, 7), "strike", "c1", "Arkady Dvorkovich", Mark.NEW),
        (date(2025, 2, 10), "talks", "c1", "Harbour Workers Union", Mark.NEW),
        (date(2025, 2, 10), "talks", "c2", "Arkady Dvorkovich", Mark.CHANGED),
        (date(2025, 3, 18), "lake", "c1", "Brightwater Chemicals", Mark.NEW),
        (None, "mayor", "c1", "Ines Halvorsen", Mark.NEW),
    ]
    mayor = lines[-1]
    assert (mayor.evidence, mayor.outlet, mayor.also_in, mayor.previous, mayor.matter_id) == (
        MAYOR, None, [], None, "Mcleanup")


def test_timeline_filters(ledger: Ledger, world: World) -> None:
    names = world.names()

    def keys(**filters: object) -> list[tuple[str, str]]:
        return [(names[t.document_id], t.claim_id) for t in ledger.timeline_lines(**filters)]  # type: ignore[arg-type]

    assert keys(actor="okafor") == [("strike", "c2")]
    assert keys(actor="Harbour") == [("talks", "c1")]
    assert keys(actor="dvorkovich") == [("strike", "c1"), ("talks", "c2")]
    assert keys(actor="dvorkovich", document_ids=[world.talks], query="strike") == []
    assert keys(actor="dvorkovich", document_ids=[world.talks]) == [("talks", "c2")]
    assert keys(query="strike") == [("strike", "c2"), ("strike", "c1"), ("talks", "c1")]  # matter, evidence, action
    assert keys(query="cleanup lake") == [("lake", "c1"), ("mayor", "c1")]
    assert keys(document_ids=[world.lake, world.copy]) == [("lake", "c1")]  # a copy's lines are its original's
    assert len(keys(limit=2)) == 2


def test_an_actor_without_ledger_entity_is_its_own_text(ledger: Ledger, world: World) -> None:
    with ledger.transaction():
        ledger.add_position(world.lake, "c1", "~brightwater", "Mcleanup", date(2025, 3, 18))
    lines = ledger.timeline_lines(document_ids=[world.lake])
    assert [(t.actor, t.actor_id) for t in lines] == [("Brightwater Chemicals", "Ebrightwater"),
                                                     ("Brightwater Chemicals", None)]


def test_latest_position_per_actor_and_matter(ledger: Ledger, world: World) -> None:
    copy_or_talks = max(world.talks, world.copy)  # the same day: the later document id decides
    assert ledger.latest_positions() == [
        LatestPosition("Edvorkovich", "Arkady Dvorkovich", "reopen port", Stance.CONSIDERING, Polarity.AFFIRMED,
                       date(2025, 2, 10), copy_or_talks, "c2", TALKS[TALKS.index("Arkady"):], REOPEN, "2025-02-10"),
        LatestPosition("Ebrightwater", "Brightwater Chemicals", "cleanup lake", Stance.WILLING, Polarity.AFFIRMED,
                       date(2025, 3, 18), world.lake, "c1", LAKE, CLEANUP, "2025-03-18"),
        LatestPosition("Eokafor", "Dana Okafor", "end strike", Stance.RULED_OUT, Polarity.NEGATED, date(2025, 2, 3),
                       world.strike, "c2", "Dana Okafor, the union's general secretary, ruled out a return to work "
                                           "this week.", STRIKE_ENDS, "2025-02-03"),
        LatestPosition("Eunion", "Harbour Workers Union", "end strike", Stance.WILLING, Polarity.AFFIRMED,
                       date(2025, 2, 10), copy_or_talks, "c1", TALKS[:TALKS.index("\n")], STRIKE_ENDS,
                       "2025-02-10"),
        LatestPosition("Ehalvorsen", "Ines Halvorsen", "cleanup lake", Stance.DEMANDED, Polarity.AFFIRMED, None,
                       world.mayor, "c1", MAYOR, CLEANUP, "date unknown"),
    ]
    assert [p.entity_id for p in ledger.latest_positions(actors=1)] == ["Edvorkovich"]
    assert [p.entity_id for p in ledger.latest_positions([world.lake, world.mayor])] == ["Ebrightwater",
                                                                                         "Ehalvorsen"]


def test_latest_positions_by_category_before_positions_are_placed(ledger: Ledger, stored: World) -> None:
    with ledger.transaction():
        ledger.upsert_entity(BRIGHTWATER)
        ledger.assign_doc_entity(stored.lake, "e1", BRIGHTWATER.id)
    assert ledger.latest_positions() == [
        LatestPosition("Ebrightwater", "Brightwater Chemicals", "AID", Stance.WILLING, Polarity.AFFIRMED,
                       date(2025, 3, 18), stored.lake, "c1", LAKE, "AID", "2025-03-18")]


def test_chart_points_of_the_leading_actors(ledger: Ledger, world: World) -> None:
    names = world.names()
    points = ledger.chart_points()
    assert [(p.date, p.actor) for p in points] == sorted((p.date, p.actor) for p in points)
    assert sorted((p.date, p.entity_id, names[p.document_id], p.claim_id, p.stance, p.action) for p in points) == [
        (date(2025, 2, 3), "Eokafor", "strike", "c2", Stance.RULED_OUT, "a return to work this week"),
        (date(2025, 2, 7), "Edvorkovich", "strike", "c1", Stance.COMMITTED, "reopen the port of Castellan"),
        (date(2025, 2, 10), "Edvorkovich", "copy", "c2", Stance.CONSIDERING, "reopening the port"),
        (date(2025, 2, 10), "Edvorkovich", "talks", "c2", Stance.CONSIDERING, "reopening the port"),
        (date(2025, 2, 10), "Eunion", "copy", "c1", Stance.WILLING, "end the strike"),
        (date(2025, 2, 10), "Eunion", "talks", "c1", Stance.WILLING, "end the strike"),
        (date(2025, 3, 18), "Ebrightwater", "lake", "c1", Stance.WILLING, "pay for the cleanup of Lake Orrin"),
    ]  # the undated claim is left out
    assert {p.entity_id for p in ledger.chart_points(actors=1)} == {"Edvorkovich"}
    assert len(ledger.chart_points(limit=2)) == 2
    assert [p.claim_id for p in ledger.chart_points([world.strike], actors=8)] == ["c2", "c1"]
