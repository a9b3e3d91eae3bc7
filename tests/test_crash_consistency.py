"""kill -9 an ingest at random moments: the ledger stays whole (integrity, no orphans, no half-stored
document, search indexes sound), and ingesting again converges to exactly what a clean run stores.

The ingest runs in a forked child of the test process, so it shares the already loaded pipeline and
each trial costs seconds, not a model load."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from storyledger.ingest import ingest
from storyledger.store import open_ledger
from tests.fuzz.shapes import good_article
from tests.test_ingest import _dump

ANNOTATIONS = ("doc_entities", "mentions", "quotes", "claims", "times", "document_sources")


def _ingest_into(folder: str, db: str) -> None:
    with open_ledger(db) as ledger:
        ingest([folder], ledger)


def _per_document(db: Path) -> dict[str, tuple[int, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
        return {d: tuple(conn.execute(f"SELECT count(*) FROM {t} WHERE document_id = ?", (d,)).fetchone()[0]
                         for t in ANNOTATIONS) for d in ids}


def _assert_whole(db: Path, clean: dict[str, tuple[int, ...]]) -> None:
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        _assert_sound(conn)
    for doc, counts in _per_document(db).items():
        assert counts == clean[doc], f"document {doc} half stored"


def _assert_sound(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for fts in ("documents_fts", "passages_fts"):
        conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
    linked = conn.execute("SELECT count(*) FROM link_state WHERE document_id NOT IN"
                          " (SELECT document_id FROM story_documents)").fetchone()[0]
    assert linked == 0, "a document marked linked has no story"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_kill_9_at_random_moments_leaves_a_whole_ledger_that_converges(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(good_article(500 + i), encoding="utf-8")
    with open_ledger(tmp_path / "clean.db") as ledger:
        started = time.monotonic()
        ingest([str(folder)], ledger)
        took = time.monotonic() - started
    clean_rows, clean_docs = _dump(tmp_path / "clean.db"), _per_document(tmp_path / "clean.db")
    rng = random.Random(23)
    ctx = mp.get_context("fork")
    for trial in range(4):
        db = tmp_path / f"killed-{trial}.db"
        child = ctx.Process(target=_ingest_into, args=(str(folder), str(db)))
        child.start()
        time.sleep(rng.uniform(0.05, took * 1.2))
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        if db.exists():
            _assert_whole(db, clean_docs)
        with open_ledger(db) as ledger:
            ingest([str(folder)], ledger)
        assert _dump(db) == clean_rows, f"trial {trial}: a re-run after kill -9 differs from a clean run"
