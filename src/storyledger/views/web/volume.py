"""Articles over time, per outlet, as stacked bars for a server-rendered SVG: no script, no chart
library, no CDN (the CSP allows none). The SVG holds only the bars and stretches to any width; the
labels are HTML around it, so they stay legible on a phone."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from storyledger.store.read_models import DayCount

WIDTH, HEIGHT = 600, 120
NAMED = 7  # outlets with their own colour; the rest are "other outlets", and those unnamed "outlet unknown"
OTHER = "other outlets"
UNKNOWN = "outlet unknown"


class Unit(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(slots=True)
class Bar:
    """One outlet's share of one period: a rectangle, its tooltip and the articles it links to."""

    x: float
    y: float
    width: float
    height: float
    css: str
    title: str
    href: str


@dataclass(slots=True)
class LegendItem:
    css: str
    outlet: str
    documents: int


@dataclass(slots=True)
class Volume:
    unit: Unit
    first: date
    last: date
    documents: int
    peak: int  # the tallest period's articles (the y axis' top)
    bars: list[Bar] = field(default_factory=list)
    legend: list[LegendItem] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # first, middle and last period, under the x axis
    width: int = WIDTH
    height: int = HEIGHT


def _unit(first: date, last: date) -> Unit:
    span = (last - first).days + 1
    return Unit.DAY if span <= 120 else Unit.WEEK if span <= 730 else Unit.MONTH


def _period(day: date, unit: Unit) -> date:
    if unit is Unit.WEEK:
        return day - timedelta(days=day.weekday())
    if unit is Unit.MONTH:
        return day.replace(day=1)
    return day


def _next(start: date, unit: Unit) -> date:
    if unit is Unit.DAY:
        return start + timedelta(days=1)
    if unit is Unit.WEEK:
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def _label(start: date, unit: Unit) -> str:
    return start.strftime("%Y-%m") if unit is Unit.MONTH else start.isoformat()


def volume(counts: list[DayCount], href: Callable[[date, date, str | None], str]) -> Volume | None:
    """The chart for these counts; ``href(first_day, last_day, outlet)`` is where a bar leads (the
    articles it counts). None when there is no dated article."""
    if not counts:
        return None
    first, last = counts[0].day, counts[-1].day
    unit = _unit(first, last)
    totals: Counter[str] = Counter()
    for c in counts:
        totals[c.outlet or UNKNOWN] += c.documents
    named = [o for o, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])) if o != UNKNOWN][:NAMED]
    css = {o: f"o{i}" for i, o in enumerate(named)} | {OTHER: "oo", UNKNOWN: "ou"}

    def group(outlet: str | None) -> str:
        return UNKNOWN if outlet is None else outlet if outlet in named else OTHER

    per: dict[date, Counter[str]] = defaultdict(Counter)
    for c in counts:
        per[_period(c.day, unit)][group(c.outlet)] += c.documents
    periods = [_period(first, unit)]
    while periods[-1] < _period(last, unit):
        periods.append(_next(periods[-1], unit))
    peak = max(sum(per[p].values()) for p in periods)
    slot = WIDTH / len(periods)
    gap = min(slot * 0.2, 2.0)
    chart = Volume(unit, first, last, sum(totals.values()), peak)
    order = [*named, OTHER, UNKNOWN]
    for i, start in enumerate(periods):
        end = _next(start, unit) - timedelta(days=1)
        base = float(HEIGHT)
        span = start.isoformat() if unit is Unit.DAY else f"{start.isoformat()} – {end.isoformat()}"
        for outlet in order:
            n = per[start].get(outlet, 0)
            if not n:
                continue
            h = HEIGHT * n / peak
            base -= h
            chart.bars.append(Bar(round(i * slot + gap / 2, 2), round(base, 2), round(slot - gap, 2), round(h, 2),
                                  css[outlet], f"{span} · {outlet}: {n} article{'s' if n != 1 else ''}",
                                  href(start, end, outlet if outlet in named else None)))
    grouped: Counter[str] = Counter()
    for outlet, n in totals.items():
        grouped[group(None if outlet == UNKNOWN else outlet)] += n
    chart.legend = [LegendItem(css[o], o, grouped[o]) for o in order if grouped[o]]
    middle = periods[len(periods) // 2]
    chart.labels = [_label(p, unit) for p in dict.fromkeys((periods[0], middle, periods[-1]))]
    return chart
