"""The story page's matrix, "How positions moved" and stance chart, and the story timeline API, on the
made-up negotiation corpus and on hand-built points."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyledger.records import Polarity, Stance
from storyledger.store.read_models import ChartPoint, LatestPosition, MatterCount
from storyledger.views.web import create_app
from storyledger.views.web.chart import TRACK, layout
from storyledger.views.web.matrix import build
from tests.link import negotiation

from .conftest import build_ledger


@pytest.fixture()
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(build_ledger(tmp_path / "ledger.db", list(negotiation.corpus().values()))),
                      base_url="http://127.0.0.1")


def _story_of(client: TestClient, outlet_text: str) -> str:
    for story in client.get("/api/stories").json()["items"]:
        lines = client.get(f"/api/stories/{story['id']}/timeline").json()
        if any(outlet_text in t["evidence"] for t in lines):
            return story["id"]
    raise AssertionError(outlet_text)


def test_the_story_timeline_api_gives_each_moved_line_its_earlier_one(client: TestClient) -> None:
    story = _story_of(client, "resumed its role")
    moved = client.get(f"/api/stories/{story}/timeline?moved=true").json()
    resumed = next(t for t in moved if "resumed" in t["claim"])
    assert (resumed["mark"], resumed["change"]) == ("changed", "reversed")
    assert resumed["earlier"]["claim"] == "suspended its role as mediator"
    assert resumed["earlier"]["outlet"] == "Harbour Wire" and resumed["earlier"]["date_label"] == "2025-09-02"
    assert all(t["earlier"] for t in moved)
    assert client.get("/api/stories/Snope/timeline").status_code == 404


def test_the_story_page_shows_moves_side_by_side_and_readable_matters(client: TestClient) -> None:
    story = _story_of(client, "partial prisoner exchange")
    html = client.get(f"/stories/{story}").text
    assert "How positions moved" in html
    moves = html[html.index('<table class="moves">'):html.index("</table>", html.index('<table class="moves">'))]
    assert "changed (reversed)" in moves and "repeated" in moves
    assert "via Lena Harrow" in moves  # the spokeswoman spoke for the Front
    assert moves.index("rejected a partial prisoner exchange") < moves.index("again ruled out accepting")
    matrix = html[html.index('<table class="matrix">'):html.index("</table>", html.index('<table class="matrix">'))]
    assert "<th title=\"4 claims\">a partial prisoner exchange</th>" in matrix


def _position(actor: str, matter: str, n: int) -> LatestPosition:
    return LatestPosition(f"E{actor}", actor, f"label {matter}", Stance.COMMITTED, Polarity.AFFIRMED,
                          date(2025, 1, n), "d", f"c{n}", "evidence", matter, f"2025-01-{n:02d}")


def test_the_matrix_shows_the_most_cited_matters_and_folds_the_rest() -> None:
    matters = [MatterCount(f"M{i}", f"label M{i}", 20 - i, 1) for i in range(9)]
    positions = [_position("Ana", f"M{i}", i + 1) for i in range(9)] + [_position("Bo", "M8", 9)]
    matrix = build(positions, matters, columns=6)
    assert [c.label for c in matrix.columns] == [f"label M{i}" for i in range(6)]
    assert [(c.label, c.claims) for c in matrix.folded] == [("label M6", 14), ("label M7", 13), ("label M8", 12)]
    assert [r.actor for r in matrix.rows] == ["Ana"]  # Bo holds a position only on a folded matter
    assert [c.claim_id if c else None for c in matrix.rows[0].cells] == ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert build([], matters) is None


def _point(day: date, published: date, precision: str | None = None, end: date | None = None,
           label: str = "") -> ChartPoint:
    return ChartPoint("E1", "Ana", day, Stance.COMMITTED, "d", "c1", "act", end, precision, published, label)


def test_the_chart_axis_is_the_reporting_window_with_far_dates_on_their_own_track() -> None:
    window = (date(2025, 3, 1), date(2025, 3, 31))
    points = [_point(date(2025, 3, 10), date(2025, 3, 10)),
              _point(date(1830, 1, 1), date(2025, 3, 12), "year", date(1830, 12, 31), "1830"),
              _point(date(2025, 3, 1), date(2025, 3, 20), "month", date(2025, 3, 31), "March 2025")]
    chart = layout(points, *window)
    assert [t.label for t in chart.tracks] == ["earlier"]
    assert (chart.ticks[0].label, chart.ticks[-1].label) == ("2025-03-01", "2025-03-31")
    day, year, month = chart.dots
    assert year.x < chart.ticks[0].x and year.x_end is None and year.title.startswith("1830 ·")
    assert (month.x, month.x_end) == (chart.ticks[0].x, chart.ticks[-1].x)  # a span over March, not a day
    assert chart.ticks[0].x < day.x < chart.ticks[-1].x and day.x_end is None
    assert chart.ticks[0].x - year.x < TRACK
