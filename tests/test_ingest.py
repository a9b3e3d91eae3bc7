"""Ingest: a batch goes on past bad inputs, each named; re-ingest changes nothing."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
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


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i}.txt").write_text(ARTICLE.replace("Halden", f"Halden{i}"), encoding="utf-8")
    return folder


def test_an_exception_in_any_stage_is_named_with_its_stage(tmp_path: Path, monkeypatch, nlp) -> None:  # type: ignore[no-untyped-def]
    import storyledger.ingest as runner

    folder = _folder(tmp_path, 3)
    real_process = runner.process

    def process(article):  # type: ignore[no-untyped-def]
        if article.source.endswith("1.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real_process(article, nlp)

    monkeypatch.setattr(runner, "process", process)
    with open_ledger(tmp_path / "l.db") as ledger:
        real_add = ledger.add

        def add(annotated):  # type: ignore[no-untyped-def]
            if annotated.article.source.endswith("2.txt"):
                raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
            return real_add(annotated)

        monkeypatch.setattr(ledger, "add", add)
        report = ingest([str(folder)], ledger)
        assert [(Path(f.source).name, f.stage, f.reason) for f in report.failed] == [
            ("1.txt", "annotate", "internal error: RecursionError: maximum recursion depth exceeded"),
            ("2.txt", "store", "internal error: UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' "
                               "in position 0: surrogates not allowed"),
        ]
        assert len(report.ingested) == 1 and ledger.unlinked_documents() == []  # what was stored is linked


def test_an_input_past_its_time_budget_is_named_and_the_batch_goes_on(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    import storyledger.ingest as runner

    folder = _folder(tmp_path, 2)
    real_extract = runner.extract

    def extract(raw):  # type: ignore[no-untyped-def]
        if raw.source.endswith("0.txt"):  # work, not waiting: the budget counts processor time
            stop = time.process_time() + 30
            while time.process_time() < stop:
                pass
        return real_extract(raw)

    monkeypatch.setattr(runner, "extract", extract)
    started = time.monotonic()
    with open_ledger(tmp_path / "l.db") as ledger:
        report = ingest([str(folder)], ledger, budget=0.5)
    assert time.monotonic() - started < 20
    assert [(Path(f.source).name, f.stage, f.reason) for f in report.failed] == [
        ("0.txt", "extract", "stopped after its time budget of 0.5 s, while in extract")]
    assert len(report.ingested) == 1


def test_bad_metadata_is_noted_and_the_article_stored(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"text": ARTICLE, "published": "9999-12-31", "url": "http://[::1"}), encoding="utf-8")
    with open_ledger(tmp_path / "l.db") as ledger:
        report = ingest([str(rows)], ledger)
        assert [n.reason for n in report.notices] == [
            "dropped 'published': out of range: year 9999 is not between 1000 and 2999",
            "dropped 'url': Invalid IPv6 URL"]
        assert not report.failed and len(report.ingested) == 1
        (doc,) = ledger.document_page().items
        assert (doc.published, doc.url) == (None, None)


def _ingest_into(folder: str, db: str) -> None:
    with open_ledger(db) as ledger:
        report = ingest([folder], ledger)
    os._exit(0 if report.ok and len(report.ingested) == 2 else 3)


def test_two_ingests_of_different_folders_into_one_ledger_both_complete(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    # Forked from this process, so both share the loaded pipeline; each opens the new ledger, stores
    # and links at the same time as the other.
    folders = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        for i in range(2):
            (folder / f"{i}.txt").write_text(ARTICLE.replace("Halden", f"Halden{name}{i}"), encoding="utf-8")
        folders.append(folder)
    db = tmp_path / "l.db"
    ctx = mp.get_context("fork")
    runs = [ctx.Process(target=_ingest_into, args=(str(f), str(db))) for f in folders]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=300)
    assert [r.exitcode for r in runs] == [0, 0]
    with open_ledger(db) as ledger:
        assert ledger.count("documents") == 4 and ledger.unlinked_documents() == []


def _mixed_folder(tmp_path: Path, seed_000: Path, seed_002: Path) -> Path:
    """Real articles, made-up ones, a copy of one of them, a bad file and a row with bad metadata."""
    folder = _folder(tmp_path, 4)
    for seed in (seed_000, seed_002):
        shutil.copy(seed, folder)
    shutil.copy(seed_000.with_name(seed_000.name + ".meta.json"), folder)
    shutil.copy(folder / "1.txt", folder / "1-copy.txt")
    (folder / "junk.html").write_bytes(b"\x00\x01\x02\xff" * 1000)
    (folder / "rows.jsonl").write_text(json.dumps({"text": ARTICLE.replace("Halden", "Tromso"), "published": "9999-12-31"}),
                                       encoding="utf-8")
    return folder


def _report_lists(report) -> tuple:  # type: ignore[no-untyped-def]
    return report.ingested, report.unchanged, report.failed, report.notices


def test_two_workers_store_the_same_ledger_and_report_as_one(tmp_path: Path, seed_000: Path, seed_002: Path) -> None:
    folder = _mixed_folder(tmp_path, seed_000, seed_002)
    reports, dumps = [], []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with open_ledger(db) as ledger:
            reports.append(_report_lists(ingest([str(folder)], ledger, workers=workers)))
        dumps.append(_dump(db))
    assert reports[0] == reports[1]
    ingested, unchanged, failed, notices = reports[1]
    assert (len(ingested), len(unchanged)) == (7, 1)
    assert [(Path(f.source).name, f.stage) for f in failed] == [("junk.html", "extract")]
    assert [n.reason for n in notices] == ["dropped 'published': out of range: year 9999 is not between 1000 and 2999"]
    assert dumps[0] == dumps[1]
    with open_ledger(tmp_path / "w2.db") as ledger:
        assert ledger.count("documents") == 7 and ledger.unlinked_documents() == []


def test_workers_skip_what_the_ledger_holds(tmp_path: Path, seed_000: Path, seed_002: Path) -> None:
    folder = _mixed_folder(tmp_path, seed_000, seed_002)
    db = tmp_path / "l.db"
    with open_ledger(db) as ledger:
        ingest([str(folder)], ledger, workers=2)
    before = _dump(db)
    with open_ledger(db) as ledger:
        again = ingest([str(folder)], ledger, workers=2)
    assert (len(again.ingested), len(again.unchanged)) == (0, 8)
    assert _dump(db) == before
