"""Stances per actor over time, laid out for an inline SVG (no JavaScript, no chart library needed
for one row of dots per actor)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from storyledger.records import Stance
from storyledger.store.read_models import ChartPoint
from storyledger.views.web.highlight import line_href

LEFT, RIGHT, TOP, ROW, WIDTH = 170, 20, 28, 30, 900


@dataclass(slots=True)
class Dot:
    x: float
    y: float
    stance: Stance
    href: str
    title: str


@dataclass(slots=True)
class Tick:
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


def layout(points: list[ChartPoint]) -> Chart | None:
    if not points:
        return None
    actors: dict[str, str] = {}
    for p in points:
        actors.setdefault(p.entity_id, p.actor)
    order = sorted(actors, key=lambda e: actors[e].lower())
    row_y = {e: TOP + ROW * i + ROW / 2 for i, e in enumerate(order)}
    lo, hi = min(p.date for p in points), max(p.date for p in points)
    if hi == lo:
        lo, hi = lo - timedelta(days=1), hi + timedelta(days=1)
    span = (hi - lo).days
    usable = WIDTH - RIGHT - LEFT - 20

    def x_of(d: date) -> float:
        return round(LEFT + 10 + usable * (d - lo).days / span, 1)

    stacked: dict[tuple[str, date], int] = {}
    dots = []
    for p in points:
        k = stacked.get((p.entity_id, p.date), 0)
        stacked[(p.entity_id, p.date)] = k + 1
        dots.append(Dot(x_of(p.date) + 7 * k, row_y[p.entity_id], p.stance,
                        line_href(p.document_id, "claim", p.claim_id),
                        f"{p.date.isoformat()} · {p.actor} · {p.stance.replace('_', ' ')}: {p.action}"))
    steps = min(6, span)
    ticks = [Tick(x_of(lo + timedelta(days=round(span * i / steps))),
                  (lo + timedelta(days=round(span * i / steps))).isoformat()) for i in range(steps + 1)]
    height = TOP + ROW * len(order) + 30
    return Chart(WIDTH, height, [(row_y[e], actors[e], e) for e in order], dots, ticks)
