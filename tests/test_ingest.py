"""Ingest: a batch goes on past bad inputs, each named; re-ingest changes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from storyledger.ingest import ingest
from storyledger.records import Hints
from storyledger.store import open_ledger
from storyledger.store.interfaces import EXPORT_TABLES

ARTICLE = (
    "Port workers agree to end strike\n\n"
    "Port workers in Halden voted on Monday to end a three-week strike, the union said.\n\n"
    "“We have won a fair deal,” said union leader Mara Okafor. The company said it would raise wages.\n"
)


def _dump(db: Path) -> list[tuple]:
    """Every row of every annotation table but when it was ingested, in a stable order."""
    rows = []
    with open_ledger(db) as ledger:
        for table in EXPORT_TABLES:
            kept = [i for i, c in enumerate(ledger.table_columns(table)) if c.name != "ingested_at"]
            rows += sorted((table, *(r[i] for i in kept)) for batch in ledger.table_rows(table) for r in batch)
    return rows


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "junk.html").write_bytes(b"\x00\x01\x02\xff" * 1000)
    (tmp_path / "empty.txt").write_bytes(b"")
    with (tmp_path / "huge.txt").open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    (tmp_path / "mixed.txt").write_bytes(
        ARTICLE.replace("Halden", "Bergen").encode() + "Caf\u00e9 owners cheered.\n".encode("latin-1"))
    (tmp_path / "rows.jsonl").write_text(
        json.dumps({"text": ARTICLE.replace("Halden", "Oslo"), "outlet": "Wire"}) + "\n{broken\n", encoding="utf-8")
    missing = tmp_path / "missing.html"
    with open_ledger(tmp_path / "l.db") as ledger:
        report = ingest([str(tmp_path), str(missing)], ledger, Hints())
        failed = {Path(f.source).name: f.reason for f in report.failed}
        assert failed == {
            "empty.txt": "empty file",
            "huge.txt": "file is 210 MB, over the 50 MB limit for one article",
            "junk.html": "binary data, not text or HTML",
            "rows.jsonl:2": "invalid JSON line: Expecting property name enclosed in double quotes",
            "missing.html": "no such file or directory",
        }
        assert len(report.ingested) == 3 and not report.unchanged
        titles = sorted(d.title for d in ledger.document_page().items)
        assert titles == ["Port workers agree to end strike"] * 3
        outlets = {d.outlet for d in ledger.document_page().items}
        assert "Wire" in outlets


def test_reingest_leaves_identical_ledger(tmp_path: Path, seed_000: Path, seed_002: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in (seed_000, seed_002):
        shutil.copy(seed, corpus)
    shutil.copy(seed_000.with_name(seed_000.name + ".meta.json"), corpus)
    db = tmp_path / "l.db"
    with open_ledger(db) as ledger:
        first = ingest([str(corpus)], ledger)
    before = _dump(db)
    with open_ledger(db) as ledger:
        second = ingest([str(corpus)], ledger)
    assert (len(first.ingested), len(second.ingested), len(second.unchanged)) == (2, 0, 2)
    assert _dump(db) == before
    with open_ledger(db) as ledger:
        dates = sorted(str(d.published) for d in ledger.document_page().items)
    assert dates == ["2025-03-27", "2025-08-19"]


def test_nothing_stored_is_lost_when_a_later_batch_fails(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "l.db"
    with open_ledger(db) as ledger:
        ingest([str(good)], ledger)
    before = _dump(db)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 64)
    with open_ledger(db) as ledger:
        report = ingest([str(bad)], ledger)
    assert [f.reason for f in report.failed] == ["binary data, not text or HTML"]
    assert _dump(db) == before
