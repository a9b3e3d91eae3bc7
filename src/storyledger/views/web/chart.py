"""Stances per actor over time, laid out for an inline SVG (no JavaScript, no chart library needed
for one row of dots per actor).

The time axis is the story's reporting window (its first to last article). A claim dated far outside
it ("by 2030", "since 1830") goes on its own track beside the axis, labelled with its date, so one
distant date can't squeeze the window into a sliver; a date coarser than a day ("March 2025",
"2025-Q3") is drawn as a span over the days it covers, clipped to the axis, never as a point on an
invented day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from storyledger.records import Stance
from storyledger.store.read_models import COARSE, ChartPoint
from storyledger.views.web.highlight import line_href

LEFT, RIGHT, TOP, ROW, WIDTH = 170, 20, 28, 30, 900
TRACK = 70  # width of the track for dates before or after the window
MARGIN_DAYS = 3  # dates this close to the window still go on the axis (it is widened to hold them)
STACK = 7  # px between dots of one actor on one day


@dataclass(slots=True)
class Dot:
    x: float
    y: float
    stance: Stance
    href: str
    title: str
    x_end: float | None = None  # a span's right end, for a date coarser than a day


@dataclass(slots=True)
class Tick:
    x: float
    label: str


@dataclass(slots=True)
class Track:
    """Where dates outside the window go: ``label`` says which side ("earlier", "later")."""

    x: float
    label: str


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    rows: list[tuple[float, str, str]] = field(default_factory=list)  # (y, actor name, entity id)
    dots: list[Dot] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    left: int = LEFT
    right: int = WIDTH - RIGHT
    tracks: list[Track] = field(default_factory=list)


def _window(points: list[ChartPoint], first: date | None, last: date | None) -> tuple[date, date]:
    """The reporting window: the given dates, else the articles' dates, else the claims' own."""
    published = [p.published for p in points if p.published]
    lo = first or (min(published) if published else min(p.date for p in points))
    hi = last or (max(published) if published else max(p.date for p in points))
    return (lo - timedelta(days=1), hi + timedelta(days=1)) if hi <= lo else (lo, hi)


def layout(points: list[ChartPoint], first: date | None = None, last: date | None = None) -> Chart | None:
    if not points:
        return None
    actors: dict[str, str] = {}
    for p in points:
        actors.setdefault(p.entity_id, p.actor)
    order = sorted(actors, key=lambda e: actors[e].lower())
    row_y = {e: TOP + ROW * i + ROW / 2 for i, e in enumerate(order)}
    lo, hi = _window(points, first, last)
    margin = timedelta(days=MARGIN_DAYS)

    def side(p: ChartPoint) -> int:
        """-1 before the window, 1 after it, 0 on the axis (a span counts if it reaches the window)."""
        end = p.date_end or p.date
        if end < lo - margin:
            return -1
        return 1 if p.date > hi + margin else 0

    on_axis = [p for p in points if side(p) == 0]
    lo = min([lo, *(p.date for p in on_axis if p.precision not in COARSE)])
    hi = max([hi, *(p.date for p in on_axis if p.precision not in COARSE)])
    tracks = []
    before = any(side(p) < 0 for p in points)
    after = any(side(p) > 0 for p in points)
    axis_left = LEFT + 10 + (TRACK if before else 0)
    axis_right = WIDTH - RIGHT - 10 - (TRACK if after else 0)
    if before:
        tracks.append(Track(LEFT + 10 + TRACK / 2 - 10, "earlier"))
    if after:
        tracks.append(Track(WIDTH - RIGHT - TRACK / 2, "later"))
    span = max(1, (hi - lo).days)

    def x_of(d: date) -> float:
        clipped = min(max(d, lo), hi)
        return round(axis_left + (axis_right - axis_left) * (clipped - lo).days / span, 1)

    stacked: dict[tuple[str, object], int] = {}
    dots = []
    for p in points:
        where = side(p)
        key: tuple[str, object] = (p.entity_id, where if where else p.date)
        k = stacked.get(key, 0)
        stacked[key] = k + 1
        if where:
            x = tracks[0 if where < 0 or not before else 1].x + STACK * k
            x_end = None
        elif p.precision in COARSE:
            x, x_end = x_of(p.date), x_of(p.date_end or p.date)
        else:
            x, x_end = x_of(p.date) + STACK * k, None
        label = p.date_label or p.date.isoformat()
        dots.append(Dot(x, row_y[p.entity_id], p.stance, line_href(p.document_id, "claim", p.claim_id),
                        f"{label} · {p.actor} · {p.stance.replace('_', ' ')}: {p.action}", x_end))
    steps = min(6, span)
    ticks = [Tick(x_of(lo + timedelta(days=round(span * i / steps))),
                  (lo + timedelta(days=round(span * i / steps))).isoformat()) for i in range(steps + 1)]
    height = TOP + ROW * len(order) + 30
    return Chart(WIDTH, height, [(row_y[e], actors[e], e) for e in order], dots, ticks, tracks=tracks)
