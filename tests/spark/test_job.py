"""The Spark job in local mode on small WARC files, then `load`: the ledger holds the same records as a
local ingest of the same files (documents, annotations, failures, stories, timeline)."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyledger.ingest import ingest
from storyledger.spark.job import annotate_warcs, run
from storyledger.spark.load import archive_rows, load, parquet_files
from storyledger.spark.rows import COLUMNS, ArchiveRow, decode
from storyledger.store import Ledger, open_ledger
from storyledger.store.interfaces import EXPORT_TABLES

ARTICLES = [
    ("https://courier.example/2025/02/03/port-strike", "Castellan port to reopen if strike ends", "2025-02-03",
     "Castellan Courier", [
         "Transport minister Arkady Dvorkovich said on Monday the port of Castellan would reopen on Friday if the "
         "Harbour Workers Union ended its strike.",
         "“We are ready to talk,” Dvorkovich told reporters outside the ministry.",
         "Dana Okafor, the union's general secretary, ruled out a return to work this week. The union has "
         "demanded a pay rise of five percent for the dockers.",
     ]),
    ("https://meridian.example/news/union-terms", "Union sets terms for ending harbour strike", "2025-02-10",
     "Meridian Press", [
         "Dana Okafor said the Harbour Workers Union would end the strike if wages rose by five percent.",
         "“The dockers will not go back for less,” Okafor said at a rally in Castellan on Sunday.",
         "Arkady Dvorkovich is now only considering reopening the port, his spokesman said.",
     ]),
    ("https://gazette.example/lake-orrin-cleanup", "Brightwater to pay for Lake Orrin cleanup", "2025-03-18",
     "Orrin Gazette", [
         "Brightwater Chemicals said on Tuesday it would pay for the cleanup of Lake Orrin.",
         "Mayor Ines Halvorsen demanded independent tests of the water before the summer.",
         "“We will publish every result,” Halvorsen told the town council.",
     ]),
]


def _html(title: str, day: str, outlet: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>'
            f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">'
            f'<meta property="article:published_time" content="{day}T09:00:00Z"></head><body>'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{title}</h1>'
            f'<p class="byline">By Mira Stone</p>{body}</article><footer>© {outlet}</footer></body></html>').encode()


def _warc(path: Path, pages: list[tuple[str, bytes, str]]) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, payload, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
    return path


def _archive(folder: Path) -> list[Path]:
    """Two WARC files: two articles and a robots.txt; one article and a page with no article in it."""
    pages = [(url, _html(title, day, outlet, paras), "text/html; charset=utf-8")
             for url, title, day, outlet, paras in ARTICLES]
    folder.mkdir()
    return [
        _warc(folder / "a.warc.gz", [pages[0], ("https://courier.example/robots.txt", b"User-agent: *", "text/plain"),
                                     pages[1]]),
        _warc(folder / "b.warc.gz", [pages[2], ("https://gazette.example/empty", b"<html><body></body></html>",
                                                "text/html")]),
    ]


def _tables(ledger: Ledger) -> dict[str, list[dict[str, object]]]:
    """Every exported table, rows sorted, the time of ingest left out."""
    out = {}
    for table in EXPORT_TABLES:
        names = [c.name for c in ledger.table_columns(table)]
        rows = [{k: v for k, v in zip(names, row) if k != "ingested_at"} for batch in ledger.table_rows(table)
                for row in batch]
        out[table] = sorted(rows, key=repr)
    return out


def _views(ledger: Ledger) -> tuple[object, ...]:
    return ([(s.label, ledger.story_document_ids(s.id)) for s in ledger.story_page().items],
            ledger.timeline_lines(), ledger.claim_page().items, ledger.quote_page().items)


def test_rows_round_trip_the_records_a_task_makes(tmp_path: Path) -> None:
    warcs = _archive(tmp_path / "archive")
    rows = [ArchiveRow(*values) for values in annotate_warcs([str(w) for w in warcs])]
    assert [(r.input, r.position, r.url, r.published, r.stage) for r in rows] == [
        (str(warcs[0]), 0, ARTICLES[0][0], "2025-02-03", None), (str(warcs[0]), 1, ARTICLES[1][0], "2025-02-10", None),
        (str(warcs[1]), 0, ARTICLES[2][0], "2025-03-18", None), (str(warcs[1]), 1, None, None, "extract"),
    ]
    assert rows[3].source == f"{warcs[1]}#https://gazette.example/empty" and rows[3].record is None
    first = decode(rows[0].record)  # type: ignore[arg-type]
    assert first.article.id == rows[0].document_id and first.article.published == date(2025, 2, 3)
    assert first.quotes and first.claims and decode(rows[0].record).quotes == first.quotes  # type: ignore[arg-type]
    assert len(COLUMNS) == len(rows[0].values())


@pytest.mark.skipif(shutil.which("java") is None, reason="no Java: Spark's local mode needs Debian's openjdk-17-jre-headless")
def test_spark_local_mode_then_load_gives_the_ledger_a_local_ingest_gives(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark (the spark extra) is not installed")
    warcs = [str(w) for w in _archive(tmp_path / "archive")]
    with open_ledger(tmp_path / "local.db") as local:
        local_report = ingest(warcs, local)
        expected = (_tables(local), _views(local))

    assert run([str(tmp_path / "archive")], str(tmp_path / "out.parquet"), master="local[2]") == 2
    files = parquet_files([tmp_path / "out.parquet"])
    assert [f.suffix for f in files] == [".parquet"] * len(files)
    assert [(r.input, r.position) for r in archive_rows(files)] == [(warcs[0], 0), (warcs[0], 1), (warcs[1], 0),
                                                                    (warcs[1], 1)]
    with open_ledger(tmp_path / "loaded.db") as loaded:
        report = load([tmp_path / "out.parquet"], loaded)
        assert (_tables(loaded), _views(loaded)) == expected
        assert loaded.n_linked() == 3
    assert report.ingested == local_report.ingested and len(report.ingested) == 3
    assert report.failed == local_report.failed and [f.stage for f in report.failed] == ["extract"]
    with open_ledger(tmp_path / "loaded.db") as again:
        assert load([tmp_path / "out.parquet"], again).unchanged == local_report.ingested
