"""The story page's "who committed to what" matrix: actors by the matters that matter.

Only the most-cited matters get a column (a story's long tail of one-claim matters would make a wide,
mostly empty table); the rest are folded under it with their counts. Columns are the matters' labels
as a reader reads them ("suspend its mediation role"), most-cited first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyledger.store.read_models import LatestPosition, MatterCount

COLUMNS = 6


@dataclass(slots=True)
class Row:
    actor: str
    entity_id: str
    cells: list[LatestPosition | None]


@dataclass(slots=True)
class Matrix:
    columns: list[MatterCount]
    rows: list[Row]
    folded: list[MatterCount] = field(default_factory=list)  # matters without a column, most-cited first


def build(positions: list[LatestPosition], matters: list[MatterCount], columns: int = COLUMNS) -> Matrix | None:
    """The matrix of these latest positions; ``matters`` ranks the columns (when the positions are by
    claim category, the categories are ranked by how many actors hold one)."""
    held: dict[str, int] = {}
    labels: dict[str, str] = {}
    for p in positions:
        held[p.matter_id] = held.get(p.matter_id, 0) + 1
        labels[p.matter_id] = p.matter
    ranked = [m for m in matters if m.id in held]
    ranked += [MatterCount(mid, labels[mid], n, n) for mid, n in sorted(held.items(), key=lambda kv: (-kv[1], kv[0]))
               if mid not in {c.id for c in ranked}]
    shown, folded = ranked[:columns], ranked[columns:]
    cells = {(p.entity_id, p.matter_id): p for p in positions}
    rows = []
    for actor, eid in sorted({(p.actor, p.entity_id) for p in positions}):
        row = [cells.get((eid, c.id)) for c in shown]
        if any(row):
            rows.append(Row(actor, eid, row))
    return Matrix(shown, rows, folded) if rows else None
